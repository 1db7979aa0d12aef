import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Command, CommandRunner, Option } from 'nest-commander';
import { Agreement } from '../../agreements/agreement.entity';
import { VISIBLE_AGREEMENT } from '../../agreements/repository/agreement-visibility';
import { PendingAgreementError, refuseWriteIfPending } from '../../agreements/repository/pending-agreement';
import { createProgress } from '../../ingest/progress';
import { RuleAnnotationService } from '../rule-annotation.service';
import { CLI_COMMANDS } from '../../cli-commands';

@Command(CLI_COMMANDS.annotate)
export class AnnotateCommand extends CommandRunner {
  constructor(
    private readonly orm: MikroORM,
    private readonly annotator: RuleAnnotationService,
  ) {
    super();
  }

  async run(_args: string[], options: { agreement?: string }): Promise<void> {
    const em = this.orm.em.fork() as EntityManager;
    // The agreements an import in progress is writing are that import's (`pending-agreement.ts`): left out of all,
    // and one named is refused.
    const agreements = await em.find(
      Agreement,
      options.agreement ? { slug: options.agreement } : VISIBLE_AGREEMENT,
      { orderBy: { id: 'asc' } },
    );
    if (options.agreement && !agreements.length) {
      console.error(`annotate: no agreement with slug "${options.agreement}"`);
      process.exitCode = 1;
      return;
    }
    try {
      for (const agreement of agreements) await refuseWriteIfPending(em, agreement);
    } catch (error) {
      if (!(error instanceof PendingAgreementError)) throw error;
      console.error(`annotate: ${error.message}`);
      process.exitCode = 1;
      return;
    }
    const totals = { proposed: 0, created: 0, updated: 0, removed: 0, keptHuman: 0 };
    const progress = createProgress(agreements.length, 'annotate');
    for (const { id, slug } of agreements) {
      const result = await (this.orm.em.fork() as EntityManager).transactional(async (tx) =>
        this.annotator.annotate(tx, await tx.findOneOrFail(Agreement, { id })),
      );
      for (const key of Object.keys(totals) as (keyof typeof totals)[]) totals[key] += result[key];
      progress.tick(slug);
    }
    progress.stop();
    console.log(
      `${agreements.length} agreement(s): ${totals.proposed} proposals; ${totals.created} annotations created, ` +
        `${totals.updated} updated, ${totals.removed} removed; ${totals.keptHuman} left to a person's annotation.`,
    );
  }

  @Option({ flags: '--agreement <slug>', description: 'only this agreement' })
  parseAgreement(value: string): string {
    return value;
  }
}
