import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { PROVISIONS_WRITING, PROVISIONS_WRITTEN, ProvisionsWriting } from '../provisions/provision-events';
import { basename } from 'node:path';
import {
  AgreementRecord,
  dateOrderProblems,
  parseAgreementRecord,
} from '../agreements/agreement-record.schema';
import { AgreementRecordWriter, CheckedRecord } from './agreement-record.writer';
import { EXPORT_FORMAT_ID } from './export.service';
import { emptySummary, ImportSummary } from './import-summary';
import { ImportRequest, Importer } from './importer';
import { databaseUnavailable } from '../common/database-unavailable';
import { jsonImportMaxBytes, printable, readUtf8, UnreadableFileError } from './read-utf8';

/**
 * Imports the project's own export format (`export agreements --format json`), all or nothing: every record checked
 * first, outside any transaction, then one transaction for the file's writes, so that a record refused or a failure
 * midway leaves the catalogue as it was.
 */
@Injectable()
export class JsonImportService implements Importer {
  constructor(
    private readonly orm: MikroORM,
    private readonly writer: AgreementRecordWriter,
    private readonly events: EventEmitter2,
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
    // First every record is read and checked, outside any transaction (the checks only read): a file with a record
    // refused is named whole and written not at all without ever taking the database's writer, which on SQLite
    // held every other writer of the file for as long as the file took (a refused corpus-size file: all of it).
    const checked: { record: CheckedRecord; where: string }[] = [];
    // A slug met twice in one file: the second record would overwrite the first.
    const slugs = new Map<string, number>();
    const em = this.orm.em.fork() as EntityManager;
    for (const [index, input] of agreements.entries()) {
      summary.files++;
      const where = `${name}#agreements[${index}]`;
      try {
        const parsed = parseAgreementRecord(input, where);
        const first = slugs.get(parsed.slug);
        if (first !== undefined)
          throw new Error(`slug "${parsed.slug}" is also agreements[${first}] of this file; not imported`);
        slugs.set(parsed.slug, index);
        // Kept as the export holds them (a ToTA record may carry its source's contradictory dates), but said.
        for (const problem of dateOrderProblems(parsed))
          summary.warnings.push({ file: where, message: problem });
        checked.push({ record: await this.writer.checkRecord(em, parsed), where });
      } catch (error) {
        summary.failures.push({
          file: where,
          reason: withoutPosition(printable((error as Error).message), where),
        });
        if (databaseUnavailable(error)) break;
      }
      em.clear();
    }
    if (summary.failures.length) {
      bar?.stop();
      return { ...summary, ...NOTHING_WRITTEN, wholeFile: true };
    }
    const written: { record: AgreementRecord; where: string; created: boolean; changed: boolean }[] = [];
    try {
      // What can be computed of the rows ahead (search's index rows of the provisions) is, before the writer is taken.
      const writing: ProvisionsWriting = { provisions: checked.flatMap(({ record }) => record.provisions) };
      await this.events.emitAsync(PROVISIONS_WRITING, writing);
      // Then one transaction for the file, its writes only: a failure at any record (the database giving way, a
      // relation refused) leaves the catalogue as it was, where one transaction per record kept those before it
      // written. Each record is written in a savepoint of it, so that a refused one is undone alone and every other
      // record is still tried: the summary names every failure of the file, and the file is then rolled back whole.
      await (this.orm.em.fork() as EntityManager).transactional(async (tx) => {
        for (const { record, where } of checked) {
          try {
            const { created, changed } = await inSavepoint(tx, (sp) => this.writer.writeRecord(sp, record));
            written.push({ record, where, created, changed });
            summary.imported++;
            summary.provisions += record.provisions.length;
            for (const annotation of record.provisions.flatMap((p) => p.annotations)) {
              summary.annotations++;
              summary.annotationStatuses[annotation.status] =
                (summary.annotationStatuses[annotation.status] ?? 0) + 1;
            }
          } catch (error) {
            summary.failures.push({
              file: where,
              reason: withoutPosition(printable((error as Error).message), where),
            });
            // The database gave way (unreachable, full): no further record is tried.
            if (databaseUnavailable(error)) throw new FileRolledBack();
          }
          bar?.tick(where);
        }
        for (const entry of written) {
          try {
            if (await inSavepoint(tx, (sp) => this.writer.writeRelations(sp, entry.record)))
              entry.changed = true;
          } catch (error) {
            summary.failures.push({
              file: `${name}#${entry.record.slug}`,
              reason: printable((error as Error).message),
            });
            if (databaseUnavailable(error)) throw new FileRolledBack();
          }
        }
        if (summary.failures.length) throw new FileRolledBack();
      });
    } catch (error) {
      if (!(error instanceof FileRolledBack))
        summary.failures.push({ file: name, reason: printable((error as Error).message) });
      bar?.stop();
      return { ...summary, ...NOTHING_WRITTEN, wholeFile: true };
    } finally {
      this.events.emit(PROVISIONS_WRITTEN);
    }
    // What each record did to an agreement the catalogue held before: changed it, or found it as it says.
    for (const { record, where, created, changed } of written)
      if (!created) summary[changed ? 'updated' : 'unchanged'].push({ file: where, into: record.slug });
    bar?.stop();
    return { ...summary, wholeFile: true };
  }
}

/** Thrown inside a file's transaction once every record was tried and one failed: the file is rolled back whole. */
class FileRolledBack extends Error {}

/** What a summary counts of a file rolled back: nothing imported, updated or found unchanged. */
const NOTHING_WRITTEN = {
  imported: 0,
  provisions: 0,
  annotations: 0,
  annotationStatuses: {},
  updated: [],
  unchanged: [],
} satisfies Partial<ImportSummary>;

/**
 * `write` in a savepoint of the transaction `tx`, on an entity manager of its own: a failure undoes what it wrote
 * and leaves the transaction usable (PostgreSQL refuses every statement of a transaction after a failed one). The
 * entities it loaded are let go once it is done, so that a file of many records does not hold them all.
 */
async function inSavepoint<T>(tx: EntityManager, write: (sp: EntityManager) => Promise<T>): Promise<T> {
  const result = await tx.transactional((sp) => write(sp as EntityManager), { clear: true });
  tx.clear();
  return result;
}

/**
 * A record's reason without its position in front: the failure names it as its file (`parseAgreementRecord` says
 * where for the fixtures' sake, and the summary printed `FAILED: a.json#agreements[2]: a.json#agreements[2]: ...`).
 */
function withoutPosition(reason: string, where: string): string {
  return reason.startsWith(`${where}: `) ? reason.slice(where.length + 2) : reason;
}
