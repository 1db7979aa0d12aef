import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { PROVISIONS_WRITING, PROVISIONS_WRITTEN, ProvisionsWriting } from '../provisions/provision-events';
import { basename } from 'node:path';
import { terminatedStatusProblem } from '../bindings/binding';
import { today } from '../common/dates';
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
import { writerTurns } from '../database/engines/engines';
import { WRITER_HELD_BEFORE_TURN_MS } from '../database/engines/sqlite-driver';
import {
  beginPendingImport,
  discardPendingImport,
  heldAgreementOf,
  keepAlive,
  publishPendingImport,
  sweepDeadImports,
} from './pending-imports';
import { refuseRelationsToPending, refuseWriteIfPending } from '../agreements/repository/pending-agreement';
import { jsonImportMaxBytes, printable, readUtf8, UnreadableFileError } from './read-utf8';

/**
 * Imports the project's own export format (`export agreements --format json`), all or nothing: every record checked
 * first, outside any transaction; then the file's new agreements written in batches, each its own transaction,
 * marked as the import's and invisible to every reader (`agreements/repository/agreement-visibility.ts`); then one last
 * transaction writes the records that change held agreements and the relations, and clears the mark. A record
 * refused or a failure midway leaves the catalogue as it was (the batches' rows deleted); a process killed midway
 * leaves invisible rows that the next start or import sweeps (`pending-imports.ts`).
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
    // What an import killed midway left (invisible) is removed first, so that its slugs are free again.
    await sweepDeadImports(this.orm);
    const bar = request.progress?.(agreements.length);
    // First every record is read and checked, outside any transaction (the checks only read): a file with a record
    // refused is named whole and written not at all without ever taking the database's writer, which on SQLite
    // held every other writer of the file for as long as the file took (a refused corpus-size file: all of it).
    const checked: { record: CheckedRecord; where: string; creates: boolean }[] = [];
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
        // A status that says the agreement still applies after its termination has passed: kept as the export
        // holds it, as the dates are (the bindings read the recorded status where a date is missing), and said;
        // every page, report and filter reads it as TERMINATED (`statusOn`).
        const ended = terminatedStatusProblem(parsed, today());
        if (ended) summary.warnings.push({ file: where, message: `${ended}; kept as recorded` });
        const record = await this.writer.checkRecord(em, parsed);
        const held = await heldAgreementOf(em, { slug: parsed.slug, totaId: parsed.externalIds.totaId });
        if (held) await refuseWriteIfPending(em, held);
        checked.push({ record, where, creates: !held });
      } catch (error) {
        summary.failures.push({
          file: where,
          reason: withoutPosition(printable((error as Error).message), where),
        });
        if (databaseUnavailable(error)) break;
      }
      em.clear();
    }
    // A relation to an agreement another import is writing, refused before the first write rather than in the last
    // transaction, once all the file's records were written (the records' own agreements are this import's).
    const ownSlugs = new Set(checked.map(({ record }) => record.slug));
    for (const { record, where } of checked)
      try {
        await refuseRelationsToPending(em, record.related, ownSlugs);
      } catch (error) {
        summary.failures.push({ file: where, reason: printable((error as Error).message) });
        if (databaseUnavailable(error)) break;
      }
    if (summary.failures.length) {
      bar?.stop();
      return { ...summary, ...NOTHING_WRITTEN, wholeFile: true };
    }
    const written: { record: AgreementRecord; where: string; created: boolean; changed: boolean }[] = [];
    let pending: number | null = null;
    try {
      // What can be computed of the rows ahead (search's index rows of the provisions) is, before the writer is taken.
      const writing: ProvisionsWriting = { provisions: checked.flatMap(({ record }) => record.provisions) };
      await this.events.emitAsync(PROVISIONS_WRITING, writing);
      // The records that create an agreement are written in batches of about a second of writes, each its own
      // transaction, the writer left free between them (`WriterTurns`: on SQLite the server's writes are taken
      // there), their agreements marked as this import's and so invisible to every reader. Each record is written
      // in a savepoint, so that a refused one is undone alone and every other record is still tried: the summary
      // names every failure of the file, and the file is then discarded whole.
      pending = await beginPendingImport(this.orm, name);
      const turns = writerTurns(this.orm);
      const creating = checked.filter((entry) => entry.creates);
      let next = 0;
      while (next < creating.length) {
        await (this.orm.em.fork() as EntityManager).transactional(async (tx) => {
          await keepAlive(tx, pending!);
          const started = Date.now();
          do {
            await this.writeOne(tx, creating[next++], summary, written, pending!, bar);
          } while (next < creating.length && Date.now() - started < BATCH_MS);
        });
        await turns.afterCommit();
      }
      // Then one last transaction: the records that change agreements the catalogue holds (their rows cannot be
      // hidden by a mark, and in batches they would be seen half-written), every relation (they may point at the
      // file's new agreements), and the mark cleared: the file's agreements are shown all at once. On a file of new
      // agreements it is a few statements.
      await (this.orm.em.fork() as EntityManager).transactional(async (tx) => {
        // Its row held first, to the end: a sweep of another process skips an import at work (`keepAlive`).
        await keepAlive(tx, pending!);
        for (const entry of checked)
          if (!entry.creates) await this.writeOne(tx, entry, summary, written, undefined, bar);
        for (const entry of written) {
          try {
            if (
              await inSavepoint(tx, (sp) =>
                this.writer.writeRelations(sp, entry.record, { pendingImport: pending! }),
              )
            )
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
        await publishPendingImport(tx, pending!);
      });
    } catch (error) {
      if (!(error instanceof FileRolledBack))
        summary.failures.push({ file: name, reason: printable((error as Error).message) });
      if (pending !== null) await this.discard(pending, name, summary);
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

  /**
   * One record, in a savepoint of `tx` (with `pendingImport`: its new agreement marked as that import's), counted
   * in the summary; a failure is named there, and the database giving way (unreachable, full) ends the file.
   */
  private async writeOne(
    tx: EntityManager,
    { record, where }: { record: CheckedRecord; where: string },
    summary: ImportSummary,
    written: { record: AgreementRecord; where: string; created: boolean; changed: boolean }[],
    pendingImport: number | undefined,
    bar: { tick(label?: string): void } | undefined,
  ): Promise<void> {
    try {
      const { created, changed } = await inSavepoint(tx, (sp) =>
        this.writer.writeRecord(sp, record, { pendingImport }),
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
      summary.failures.push({
        file: where,
        reason: withoutPosition(printable((error as Error).message), where),
      });
      if (databaseUnavailable(error)) throw new FileRolledBack();
    }
    bar?.tick(where);
  }

  /**
   * Deletes what the batches of a file given up wrote. Should that fail too (the database gone), the rows stay
   * invisible and the next start or import sweeps them: said in the summary.
   */
  private async discard(pending: number, name: string, summary: ImportSummary): Promise<void> {
    try {
      await discardPendingImport(this.orm, pending);
    } catch (error) {
      summary.failures.push({
        file: name,
        reason:
          `what the import wrote could not be removed now (${printable((error as Error).message)}); it stays ` +
          'invisible and is removed at the next start or import',
      });
    }
  }
}

/** How long a batch of new agreements holds the writer, about: then it commits and leaves other writers a turn. */
const BATCH_MS = WRITER_HELD_BEFORE_TURN_MS;

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
