import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { AgreementRecord, parseAgreementRecord } from '../agreements/agreement-record.schema';
import { AgreementRecordWriter } from './agreement-record.writer';
import { EXPORT_FORMAT_ID } from './export.service';
import { emptySummary, ImportSummary } from './import-summary';
import { Progress } from './progress';

/** Imports the project's own export format (`export agreements --format json`). */
@Injectable()
export class JsonImportService {
  constructor(
    private readonly orm: MikroORM,
    private readonly writer: AgreementRecordWriter,
  ) {}

  async importFile(file: string, progress?: (total: number) => Progress): Promise<ImportSummary> {
    const name = basename(file);
    const summary = emptySummary();
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      summary.failures.push({ file: name, reason: `not valid JSON: ${(error as Error).message}` });
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
    const bar = progress?.(agreements.length);
    const written: AgreementRecord[] = [];
    for (const [index, input] of agreements.entries()) {
      summary.files++;
      const where = `${name}#agreements[${index}]`;
      try {
        const record = parseAgreementRecord(input, where);
        await (this.orm.em.fork() as EntityManager).transactional((tx) => this.writer.write(tx, record));
        written.push(record);
        summary.imported++;
        summary.provisions += record.provisions.length;
        summary.annotations += record.provisions.reduce((n, p) => n + p.annotations.length, 0);
      } catch (error) {
        summary.failures.push({ file: where, reason: (error as Error).message });
      }
      bar?.tick(where);
    }
    for (const record of written) {
      try {
        await (this.orm.em.fork() as EntityManager).transactional((tx) =>
          this.writer.writeRelations(tx, record),
        );
      } catch (error) {
        summary.failures.push({ file: `${name}#${record.slug}`, reason: (error as Error).message });
      }
    }
    bar?.stop();
    return summary;
  }
}
