import { readUtf8 } from './read-utf8';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { ProvisionRecord } from '../agreements/agreement-record.schema';
import { Agreement } from '../agreements/agreement.entity';
import { refuseWriteIfPending } from '../agreements/repository/pending-agreement';
import { RuleAnnotationService } from '../annotations/rule-annotation.service';
import { articleKey } from '../common/slug';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import { Provision } from '../provisions/provision.entity';
import { isHumanAnnotation } from '../annotations/human-annotation';
import { readAgreementRecord } from './agreement-record.reader';
import { AgreementRecordWriter } from './agreement-record.writer';
import { emptySummary, ImportSummary } from './import-summary';
import { ImportRequest, Importer } from './importer';
import { splitArticles } from './text/split-articles';

/** Imports a plain-text or Markdown treaty into an agreement of the catalogue, one provision per article. */
@Injectable()
export class TextImportService implements Importer {
  constructor(
    private readonly orm: MikroORM,
    private readonly writer: AgreementRecordWriter,
    private readonly annotator: RuleAnnotationService,
  ) {}

  /** `import text`: one text, into the agreement the request names. */
  async import(request: ImportRequest): Promise<ImportSummary> {
    const [file] = request.paths;
    const slug = request.agreement ?? '';
    const summary = emptySummary();
    const name = basename(file);
    summary.files = 1;
    try {
      const provisions = splitArticles(readUtf8(file));
      if (!provisions.length) throw new Error('no text found');
      const em = this.orm.em.fork() as EntityManager;
      const { annotations, removed } = await em.transactional(async (tx) => {
        const agreement = await tx.findOne(Agreement, { slug });
        if (!agreement) {
          throw new Error(
            `no agreement "${slug}" in the catalogue: import its facts first (fixtures, import json) or pick an existing slug`,
          );
        }
        const used = new Set<string>();
        const records: ProvisionRecord[] = provisions.map((p, index) => {
          let key =
            p.location === ProvisionLocation.PREAMBLE
              ? 'preamble'
              : p.articleNumber
                ? articleKey(p.articleNumber)
                : `text-${index + 1}`;
          if (used.has(key)) key = `${key}-${index + 1}`;
          used.add(key);
          return {
            key,
            location: p.location,
            chapterNumber: p.chapterNumber ?? null,
            chapterTitle: p.chapterTitle ?? null,
            sectionNumber: p.sectionNumber ?? null,
            sectionTitle: p.sectionTitle ?? null,
            articleNumber: p.articleNumber ?? null,
            articleTitle: p.articleTitle ?? null,
            position: index + 1,
            language: agreement.language,
            text: p.text,
            externalId: null,
            annotations: [],
          };
        });
        // An agreement an import in progress is writing is that import's alone, before anything here reads it.
        await refuseWriteIfPending(tx, agreement);
        const removed = await this.removeProvisionsTheTextLacks(tx, agreement, records);
        const record = await readAgreementRecord(tx, agreement);
        await this.writer.write(tx, { ...record, provisions: records });
        const result = request.annotate !== false ? await this.annotator.annotate(tx, agreement) : null;
        return { annotations: result ? result.created + result.updated : 0, removed };
      });
      summary.imported = 1;
      summary.provisions = provisions.length;
      summary.annotations = annotations;
      // Said once the transaction has committed.
      if (removed.length)
        summary.warnings.push({
          file: name,
          message: `${slug}: ${removed.length} provision${removed.length === 1 ? '' : 's'} the new text lacks removed, with their proposed annotations: ${listed(removed)}`,
        });
    } catch (error) {
      summary.failures.push({ file: name, reason: (error as Error).message });
    }
    return summary;
  }

  /**
   * The text is the agreement's text in its language: a provision held in that language (or in none) whose key the
   * new text lacks is gone from it, and is removed with its proposed annotations (the caller names them in the
   * summary) rather than kept and shown as current. One that holds an annotation a person made or reviewed
   * (`isHumanAnnotation`) is not removed by an import: the text is refused, nothing written, each such provision
   * named, for the person to remove it (`removeProvision`, whose audit log keeps its annotations) or keep its
   * article in the text. Provisions of the agreement's other language versions (`art-1.1.es`) are not this text's.
   * Until 6 December 2026 every such provision was kept as it was, beside the new text.
   */
  private async removeProvisionsTheTextLacks(
    tx: EntityManager,
    agreement: Agreement,
    records: readonly ProvisionRecord[],
  ): Promise<string[]> {
    const keys = new Set(records.map((r) => r.key));
    // Read in a fork of the transaction: the entities of what is removed are never in the writer's unit of work.
    const fork = tx.fork({ keepTransactionContext: true, clear: true });
    const held = await fork.find(
      Provision,
      { agreement: agreement.id },
      { populate: ['annotations'], orderBy: { position: 'asc', id: 'asc' } },
    );
    const ofAnotherVersion = (p: Provision) =>
      !!p.language && !!agreement.language && p.language !== agreement.language;
    const lacking = held.filter((p) => !keys.has(p.key) && !ofAnotherVersion(p));
    const reviewed = lacking
      .map((p) => ({ key: p.key, n: p.annotations.getItems().filter(isHumanAnnotation).length }))
      .filter((p) => p.n > 0);
    if (reviewed.length)
      throw new Error(
        `${agreement.slug}: the new text lacks ${reviewed.length} provision${reviewed.length === 1 ? '' : 's'} holding annotations a person made or reviewed: ` +
          `${listed(reviewed.map((p) => `${p.key} (${p.n} annotation${p.n === 1 ? '' : 's'})`))}; nothing was written: ` +
          'keep their articles in the text, or remove them first (removeProvision; the audit log keeps their annotations)',
      );
    if (!lacking.length) return [];
    await fork.nativeDelete(Provision, { id: { $in: lacking.map((p) => p.id) } });
    return lacking.map((p) => p.key);
  }
}

/** Keys listed in a message: the first 20, then how many more. */
function listed(keys: readonly string[]): string {
  return keys.length > 20 ? `${keys.slice(0, 20).join(', ')} and ${keys.length - 20} more` : keys.join(', ');
}
