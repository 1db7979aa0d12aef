import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { basename } from 'node:path';
import {
  AgreementRecord,
  dateOrderProblems,
  parseAgreementRecord,
} from '../agreements/agreement-record.schema';
import { AgreementRecordWriter } from './agreement-record.writer';
import { EXPORT_FORMAT_ID } from './export.service';
import { emptySummary, ImportSummary } from './import-summary';
import { ImportRequest, Importer } from './importer';
import { jsonImportMaxBytes, printable, readUtf8, UnreadableFileError } from './read-utf8';

/** Imports the project's own export format (`export agreements --format json`). */
@Injectable()
export class JsonImportService implements Importer {
  constructor(
    private readonly orm: MikroORM,
    private readonly writer: AgreementRecordWriter,
  ) {}

  /** `import json`: one file, the project's export. */
  async import(request: ImportRequest): Promise<ImportSummary> {
    const [file] = request.paths;
    const name = printable(basename(file));
    const summary = { ...emptySummary(), unit: 'agreement record' };
    let document: unknown;
    try {
      document = JSON.parse(readUtf8(file, jsonImportMaxBytes()));
    } catch (error) {
      const message = printable((error as Error).message);
      summary.failures.push({
        file: name,
        reason: error instanceof UnreadableFileError ? message : `not valid JSON: ${message}`,
      });
      return summary;
    }
    const agreements = (document as { format?: unknown; agreements?: unknown }).agreements;
    if ((document as { format?: unknown }).format !== EXPORT_FORMAT_ID || !Array.isArray(agreements)) {
      summary.failures.push({
        file: name,
        reason: `not a Clause Tracker export (format "${EXPORT_FORMAT_ID}" with an agreements list)`,
      });
      return summary;
    }
    const bar = request.progress?.(agreements.length);
    const written: { record: AgreementRecord; where: string; created: boolean; changed: boolean }[] = [];
    // A slug met twice in one file: the second record would overwrite the first.
    const slugs = new Map<string, number>();
    for (const [index, input] of agreements.entries()) {
      summary.files++;
      const where = `${name}#agreements[${index}]`;
      try {
        const record = parseAgreementRecord(input, where);
        const first = slugs.get(record.slug);
        if (first !== undefined)
          throw new Error(
            `${where}: slug "${record.slug}" is also agreements[${first}] of this file; not imported`,
          );
        slugs.set(record.slug, index);
        // Kept as the export holds them (a ToTA record may carry its source's contradictory dates), but said.
        for (const problem of dateOrderProblems(record))
          summary.warnings.push({ file: where, message: problem });
        const { created, changed } = await (this.orm.em.fork() as EntityManager).transactional((tx) =>
          this.writer.writeRecord(tx, record),
        );
        written.push({ record, where, created, changed });
        summary.imported++;
        summary.provisions += record.provisions.length;
        for (const annotation of record.provisions.flatMap((p) => p.annotations)) {
          summary.annotations++;
          summary.annotationStatuses[annotation.status] =
            (summary.annotationStatuses[annotation.status] ?? 0) + 1;
        }
      } catch (error) {
        summary.failures.push({ file: where, reason: printable((error as Error).message) });
      }
      bar?.tick(where);
    }
    for (const entry of written) {
      try {
        if (
          await (this.orm.em.fork() as EntityManager).transactional((tx) =>
            this.writer.writeRelations(tx, entry.record),
          )
        )
          entry.changed = true;
      } catch (error) {
        summary.failures.push({ file: `${name}#${entry.record.slug}`, reason: (error as Error).message });
      }
    }
    // What each record did to an agreement the catalogue held before: changed it, or found it as it says.
    for (const { record, where, created, changed } of written)
      if (!created) summary[changed ? 'updated' : 'unchanged'].push({ file: where, into: record.slug });
    bar?.stop();
    return summary;
  }
}
