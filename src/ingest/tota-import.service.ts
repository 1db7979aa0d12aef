import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { dateOrderProblems } from '../agreements/agreement-record.schema';
import { Agreement } from '../agreements/agreement.entity';
import { RuleAnnotationService } from '../annotations/rule-annotation.service';
import { slugify } from '../common/slug';
import { BlocMembership } from '../parties/bloc-membership.entity';
import { AgreementRecordWriter } from './agreement-record.writer';
import { emptySummary, ImportSummary } from './import-summary';
import { Progress } from './progress';
import { printable, readUtf8 } from './read-utf8';
import { BlocFacts, euBloc, totaRecord } from './tota-record';
import { parseTota, TotaParseError } from './tota/parse-tota';

/** Expands folders into their .xml files, in natural order (pta_2 before pta_10). */
export function totaFilesIn(paths: string[]): string[] {
  const files = paths.flatMap((path) =>
    statSync(path).isDirectory()
      ? readdirSync(path)
          .filter((f) => f.endsWith('.xml'))
          .map((f) => join(path, f))
      : [path],
  );
  return files.sort((a, b) => basename(a).localeCompare(basename(b), 'en', { numeric: true }));
}

@Injectable()
export class TotaImportService {
  constructor(
    private readonly orm: MikroORM,
    private readonly writer: AgreementRecordWriter,
    private readonly annotator: RuleAnnotationService,
  ) {}

  /** Imports each file in its own transaction; a bad file is reported and skipped, the others go on. */
  async importFiles(
    files: string[],
    options: { annotate: boolean; progress?: Progress },
  ): Promise<ImportSummary> {
    const summary = emptySummary();
    const blocs = await this.blocFacts();
    // A treaty identifier met twice in one run: the second file would overwrite the first.
    const seen = new Map<string, string>();
    for (const file of files) {
      summary.files++;
      const name = printable(basename(file));
      try {
        const treaty = parseTota(readUtf8(file), name);
        const first = seen.get(treaty.treatyIdentifier);
        if (first)
          throw new Error(
            `treaty_identifier ${printable(treaty.treatyIdentifier)} is also in ${first}, imported earlier in this run; nothing of this file was written`,
          );
        seen.set(treaty.treatyIdentifier, name);
        const em = this.orm.em.fork() as EntityManager;
        const counts = await em.transactional(async (tx) => {
          const record = totaRecord(
            treaty,
            await this.slugFor(tx, treaty.treatyIdentifier, treaty.name),
            blocs,
          );
          for (const problem of dateOrderProblems(record))
            summary.warnings.push({ file: name, message: `ToTA meta: ${problem}` });
          const agreement = await this.writer.write(tx, record);
          const annotated = options.annotate ? await this.annotator.annotate(tx, agreement) : null;
          return {
            provisions: record.provisions.length,
            annotations: annotated ? annotated.created + annotated.updated : 0,
          };
        });
        summary.imported++;
        summary.provisions += counts.provisions;
        summary.annotations += counts.annotations;
      } catch (error) {
        const reason =
          error instanceof TotaParseError
            ? error.reason
            : error instanceof Error
              ? error.message
              : String(error);
        summary.failures.push({ file: name, reason: printable(reason) });
      }
      options.progress?.tick(name);
    }
    return summary;
  }

  /** The agreement's slug: kept when it is already in the catalogue; else from its name, unique. */
  private async slugFor(em: EntityManager, totaId: string, name: string | null): Promise<string> {
    const existing = await em.findOne(Agreement, { totaId }, { fields: ['slug'] });
    if (existing) return existing.slug;
    const base = slugify(name ?? '') || `tota-${totaId}`;
    const taken = await em.count(Agreement, { slug: base });
    return taken ? `${base}-tota-${totaId}` : base;
  }

  private async blocFacts(): Promise<BlocFacts[]> {
    const memberships = await this.orm.em.fork().find(BlocMembership, { bloc: 'EUN' });
    if (!memberships.length) return [];
    return [
      euBloc(
        memberships.map((m) => ({ code: m.member.code, dateJoined: m.dateJoined, dateLeft: m.dateLeft })),
      ),
    ];
  }
}
