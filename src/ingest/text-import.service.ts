import { readUtf8 } from './read-utf8';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import { ProvisionRecord } from '../agreements/agreement-record.schema';
import { Agreement } from '../agreements/agreement.entity';
import { RuleAnnotationService } from '../annotations/rule-annotation.service';
import { articleKey } from '../common/slug';
import { ProvisionLocation } from '../provisions/provision-location.enum';
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
      const annotations = await em.transactional(async (tx) => {
        const agreement = await tx.findOne(Agreement, { slug });
        if (!agreement) {
          throw new Error(
            `no agreement "${slug}" in the catalogue: import its facts first (fixtures, import json) or pick an existing slug`,
          );
        }
        const record = await readAgreementRecord(tx, agreement);
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
        await this.writer.write(tx, { ...record, provisions: records });
        const result = request.annotate !== false ? await this.annotator.annotate(tx, agreement) : null;
        return result ? result.created + result.updated : 0;
      });
      summary.imported = 1;
      summary.provisions = provisions.length;
      summary.annotations = annotations;
    } catch (error) {
      summary.failures.push({ file: name, reason: (error as Error).message });
    }
    return summary;
  }
}
