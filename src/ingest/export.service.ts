import { neutraliseFormula } from '../common/spreadsheet-formula';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify';
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { Agreement } from '../agreements/agreement.entity';
import { normalizeWhitespace } from './text/normalize-whitespace';
import { readAgreementRecords } from './agreement-record.reader';
import { AgreementRecord, AnnotationRecord, ProvisionRecord } from '../agreements/agreement-record.schema';
import { agreementConditions } from '../agreements/agreement.conditions';
import { AgreementFilter } from '../agreements/dto/agreement-filter.input';
import { and } from '../common/sql';
import { publicUrl } from '../config';
import { provisionPath } from '../reports/common/report-links';

export type ExportKind = 'agreements' | 'provisions' | 'annotations';
export type ExportFormat = 'csv' | 'json';

export const EXPORT_FORMAT_ID = 'clause-tracker/agreements';
export const EXPORT_VERSION = 1;

export const ANNOTATION_COLUMNS = [
  'agreement_source',
  'agreement_external_id',
  'agreement_slug',
  'agreement_date_signed',
  'agreement_parties',
  'provision_external_id',
  'pinpoint',
  'provision_label',
  'code',
  'detail',
  'binding_force',
  'location',
  'confidence',
  'status',
  'origin',
  'rule_id',
  'evidence',
  'url',
] as const;

const AGREEMENT_COLUMNS = [
  'slug',
  'title',
  'short_title',
  'kind',
  'types',
  'status',
  'date_signed',
  'date_provisionally_applied',
  'date_in_force',
  'date_terminated',
  'parties',
  'wto_rta_id',
  'tota_id',
  'desta_number',
  'language',
  'origin',
  'provisions',
  'annotations',
  'url',
] as const;

const PROVISION_COLUMNS = [
  'agreement_slug',
  'pinpoint',
  'location',
  'chapter_number',
  'chapter_title',
  'article_number',
  'article_title',
  'position',
  'language',
  'external_id',
  'summary',
  'text',
  'url',
] as const;

/** A typed export row: JSON keeps the types; CSV writes a list as `a;b`, null as an empty field. */
export type ExportValue = string | number | boolean | null | string[];
export type ExportRow = Record<string, ExportValue>;

/**
 * An identifier from another catalogue, written with its source (`tota:449`, `wto:123`): a string that no
 * reader (pandas, a spreadsheet) takes for a number, whatever rows lack one.
 */
export const externalId = (source: 'tota' | 'wto' | 'desta', id: string | null | undefined): string | null =>
  id ? `${source}:${id}` : null;

const pageUrl = (path: string) => `${publicUrl()}${path}`;

/** Conditions on the rows of an export; agreements are chosen by `agreements` (the API's AgreementFilter). */
export interface ExportSelection {
  agreementSlug?: string;
  agreements?: AgreementFilter;
  annotation?: (annotation: AnnotationRecord, provision: ProvisionRecord) => boolean;
  provision?: (provision: ProvisionRecord) => boolean;
}

function annotationRows(record: AgreementRecord, selection: ExportSelection): ExportRow[] {
  const fromTota = Boolean(record.externalIds.totaId);
  const provisions = record.provisions.filter((p) => selection.provision?.(p) ?? true);
  return provisions.flatMap((p) =>
    p.annotations
      .filter((a) => selection.annotation?.(a, p) ?? true)
      .map((a) => ({
        agreement_source: fromTota ? 'tota' : (record.origin ?? null),
        agreement_external_id: fromTota
          ? externalId('tota', record.externalIds.totaId)
          : externalId('wto', record.externalIds.wtoRtaId),
        agreement_slug: record.slug,
        agreement_date_signed: record.dateSigned ?? null,
        agreement_parties: record.parties.map((party) => party.code),
        provision_external_id: externalId('tota', p.externalId),
        pinpoint: `${record.slug}/${p.key}`,
        provision_label:
          p.location === 'PREAMBLE' ? 'Preamble' : (p.articleNumber ?? p.articleTitle ?? p.key),
        code: a.code,
        detail: a.detail,
        binding_force: a.bindingForce ?? null,
        location: p.location,
        confidence: a.confidence ?? null,
        status: a.status,
        origin: a.origin,
        rule_id: a.ruleId ?? null,
        evidence: a.evidence ? normalizeWhitespace(a.evidence.quote) : null,
        url: pageUrl(provisionPath(`${record.slug}/${p.key}`)),
      })),
  );
}

function provisionRows(record: AgreementRecord, selection: ExportSelection): ExportRow[] {
  return record.provisions
    .filter((p) => selection.provision?.(p) ?? true)
    .map((p) => ({
      agreement_slug: record.slug,
      pinpoint: `${record.slug}/${p.key}`,
      location: p.location,
      chapter_number: p.chapterNumber ?? null,
      chapter_title: p.chapterTitle ?? null,
      article_number: p.articleNumber ?? null,
      article_title: p.articleTitle ?? null,
      position: p.position ?? null,
      language: p.language ?? null,
      external_id: externalId('tota', p.externalId),
      summary: p.summary ?? null,
      text: p.text ?? null,
      url: pageUrl(provisionPath(`${record.slug}/${p.key}`)),
    }));
}

function agreementRow(record: AgreementRecord): ExportRow {
  return {
    slug: record.slug,
    title: record.title,
    short_title: record.shortTitle ?? null,
    kind: record.kind,
    types: record.types,
    status: record.status,
    date_signed: record.dateSigned ?? null,
    date_provisionally_applied: record.dateProvisionallyApplied ?? null,
    date_in_force: record.dateInForce ?? null,
    date_terminated: record.dateTerminated ?? null,
    parties: record.parties.map((p) => p.code),
    wto_rta_id: externalId('wto', record.externalIds.wtoRtaId),
    tota_id: externalId('tota', record.externalIds.totaId),
    desta_number: externalId('desta', record.externalIds.destaNumber),
    language: record.language ?? null,
    origin: record.origin ?? null,
    provisions: record.provisions.length,
    annotations: record.provisions.reduce((n, p) => n + p.annotations.length, 0),
    url: pageUrl(`/agreements/${encodeURIComponent(record.slug)}`),
  };
}

/**
 * Resolves when `stream` emits `event` ('drain', 'end'), or when `out` closes: the reader went away (an HTTP
 * client that hung up), and waiting for more room would wait forever.
 */
async function ready(stream: NodeJS.EventEmitter, event: string, out: Writable): Promise<void> {
  if (out.destroyed) return;
  const ac = new AbortController();
  const ignoreAbort = (error: unknown) => {
    if ((error as Error).name !== 'AbortError') throw error;
  };
  await Promise.race([
    once(stream, event, { signal: ac.signal }).catch(ignoreAbort),
    once(out, 'close', { signal: ac.signal }).catch(ignoreAbort),
  ]).finally(() => ac.abort());
}

/** Agreements whose whole records are read at once (a few statements per page, memory bounded by the page). */
const RECORD_PAGE = 10;

/**
 * Streams one export to `out`, a page of agreements at a time, so that memory stays flat on the whole corpus.
 * Stops early, without error, when `out` is destroyed (a client that hung up).
 */
@Injectable()
export class ExportService {
  constructor(private readonly orm: MikroORM) {}

  /** The ids of the agreements an export covers, in id order; checks the filter first (BAD_USER_INPUT). */
  async agreementIds(selection: ExportSelection = {}): Promise<number[]> {
    const em = this.orm.em.fork() as EntityManager;
    if (!selection.agreements) {
      const where = selection.agreementSlug ? { slug: selection.agreementSlug } : {};
      return (await em.find(Agreement, where, { fields: ['id'], orderBy: { id: 'asc' } })).map((a) => a.id);
    }
    const where = and(agreementConditions(selection.agreements, 'a', 'filter'));
    const rows = await em.execute<{ id: number }[]>(
      `select a."id" from agreement a where ${where.sql} order by a."id"`,
      where.params,
    );
    return rows.map((r) => Number(r.id));
  }

  async export(
    kind: ExportKind,
    format: ExportFormat,
    out: Writable,
    selection: ExportSelection = {},
  ): Promise<number> {
    const root = this.orm.em.fork() as EntityManager;
    const ids = await this.agreementIds(selection);
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await ready(out, 'drain', out);
    };
    let csv: ReturnType<typeof stringify> | undefined;
    let count = 0;
    if (format === 'csv') {
      const columns =
        kind === 'annotations'
          ? ANNOTATION_COLUMNS
          : kind === 'provisions'
            ? PROVISION_COLUMNS
            : AGREEMENT_COLUMNS;
      // Text cells that a spreadsheet would run as a formula are neutralised, as in the report CSVs.
      csv = stringify({
        header: true,
        columns: [...columns],
        cast: {
          string: neutraliseFormula,
          boolean: String,
          object: (value: unknown) => (Array.isArray(value) ? neutraliseFormula(value.join(';')) : ''),
        },
      });
      csv.pipe(out, { end: false });
    } else if (kind === 'agreements') {
      await write(`{"format":"${EXPORT_FORMAT_ID}","version":${EXPORT_VERSION},"agreements":[\n`);
    } else {
      await write('[\n');
    }
    for (let i = 0; i < ids.length && !out.destroyed; i += RECORD_PAGE) {
      const records = await readAgreementRecords(root.fork(), ids.slice(i, i + RECORD_PAGE));
      for (const record of records) {
        const rows =
          kind === 'agreements'
            ? [format === 'csv' ? agreementRow(record) : record]
            : kind === 'provisions'
              ? provisionRows(record, selection)
              : annotationRows(record, selection);
        for (const row of rows) {
          if (out.destroyed) break;
          if (csv) {
            if (!csv.write(row)) await ready(csv, 'drain', out);
          } else {
            await write(`${count ? ',\n' : ''}${JSON.stringify(row)}`);
          }
          count++;
        }
      }
    }
    if (csv) {
      csv.end();
      await ready(csv, 'end', out);
    } else {
      await write(kind === 'agreements' ? '\n]}\n' : '\n]\n');
    }
    return count;
  }
}
