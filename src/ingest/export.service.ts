import { neutraliseFormula } from '../common/spreadsheet-formula';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { stringify } from 'csv-stringify/sync';
import { Writable } from 'node:stream';
import { once } from 'node:events';
import { Agreement } from '../agreements/agreement.entity';
import { normalizeWhitespace } from './text/normalize-whitespace';
import { jsonColumn, readAgreementRecords } from './agreement-record.reader';

export type ExportKind = 'agreements' | 'provisions' | 'annotations';
export type ExportFormat = 'csv' | 'json';
/** Which agreements an export covers (all of them, archived ones included, by default). */
export interface ExportFilter {
  agreement?: string;
}

export const EXPORT_FORMAT_ID = 'clause-tracker/agreements';
export const EXPORT_VERSION = 1;

export const ANNOTATION_COLUMNS = [
  'agreement_source',
  'agreement_external_id',
  'agreement_slug',
  'provision_external_id',
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
] as const;

type Cell = string | number | null;
type Row = Record<string, Cell>;

/** Rows are read this many at a time (keyset pages), so that memory does not grow with the catalogue. */
const PAGE = 2000;

const COLUMNS: Record<ExportKind, readonly string[]> = {
  agreements: AGREEMENT_COLUMNS,
  provisions: PROVISION_COLUMNS,
  annotations: ANNOTATION_COLUMNS,
};

/**
 * Pages of a query ordered by `keys` (unique together), each page starting after the last row of the one
 * before: the database does the ordering and no page holds more than PAGE rows.
 */
async function* keysetPages<T extends Record<string, unknown>>(
  em: EntityManager,
  build: () => ReturnType<ReturnType<EntityManager['getKnex']>['queryBuilder']>,
  keys: { column: string; alias: string }[],
): AsyncGenerator<T[]> {
  let after: (string | number)[] | null = null;
  for (;;) {
    const query = build().limit(PAGE);
    if (after)
      query.whereRaw(
        `(${keys.map((k) => k.column).join(', ')}) > (${keys.map(() => '?').join(', ')})`,
        after,
      );
    const rows = (await em.getConnection().execute(query)) as T[];
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    after = keys.map((k) => last[k.alias] as string | number);
  }
}

async function* annotationRows(em: EntityManager, filter: ExportFilter): AsyncGenerator<Row[]> {
  const knex = em.getKnex();
  const build = () => {
    const q = knex
      .select(
        'g.id as agreement_id',
        'g.slug',
        'g.tota_id',
        'g.wto_rta_id',
        'g.origin as agreement_origin',
        'p.position',
        'p.id as provision_id',
        'p.external_id',
        'p.location',
        'p.article_number',
        'p.article_title',
        'p.key',
        'a.id',
        'a.code',
        'a.detail',
        'a.binding_force',
        'a.confidence',
        'a.status',
        'a.origin',
        'a.rule_id',
        'a.evidence_quote',
      )
      .from('annotation as a')
      .join('provision as p', 'p.id', 'a.provision_id')
      .join('agreement as g', 'g.id', 'p.agreement_id')
      .orderBy(['p.agreement_id', 'p.position', 'p.id', 'a.id']);
    if (filter.agreement) q.where('g.slug', filter.agreement);
    return q;
  };
  const keys = [
    { column: 'p.agreement_id', alias: 'agreement_id' },
    { column: 'p.position', alias: 'position' },
    { column: 'p.id', alias: 'provision_id' },
    { column: 'a.id', alias: 'id' },
  ];
  for await (const page of keysetPages<Record<string, Cell>>(em, build, keys))
    yield page.map((r) => {
      const fromTota = Boolean(r.tota_id);
      return {
        agreement_source: fromTota ? 'tota' : (r.agreement_origin ?? ''),
        agreement_external_id: (fromTota ? r.tota_id : r.wto_rta_id) ?? '',
        agreement_slug: r.slug,
        provision_external_id: r.external_id ?? '',
        provision_label:
          r.location === 'PREAMBLE' ? 'Preamble' : (r.article_number ?? r.article_title ?? r.key),
        code: r.code,
        detail: jsonColumn<string[]>(r.detail).join(';'),
        binding_force: r.binding_force ?? '',
        location: r.location,
        confidence: r.confidence ?? '',
        status: r.status,
        origin: r.origin,
        rule_id: r.rule_id ?? '',
        evidence: normalizeWhitespace(String(r.evidence_quote ?? '')),
      };
    });
}

async function* provisionRows(em: EntityManager, filter: ExportFilter): AsyncGenerator<Row[]> {
  const knex = em.getKnex();
  const build = () => {
    const q = knex
      .select(
        'p.agreement_id',
        'p.id',
        'g.slug',
        'p.key',
        'p.location',
        'p.chapter_number',
        'p.chapter_title',
        'p.article_number',
        'p.article_title',
        'p.position',
        'p.language',
        'p.external_id',
        'p.summary',
        'p.text',
      )
      .from('provision as p')
      .join('agreement as g', 'g.id', 'p.agreement_id')
      .orderBy(['p.agreement_id', 'p.position', 'p.id']);
    if (filter.agreement) q.where('g.slug', filter.agreement);
    return q;
  };
  const keys = [
    { column: 'p.agreement_id', alias: 'agreement_id' },
    { column: 'p.position', alias: 'position' },
    { column: 'p.id', alias: 'id' },
  ];
  for await (const page of keysetPages<Record<string, Cell>>(em, build, keys))
    yield page.map((p) => ({
      agreement_slug: p.slug,
      pinpoint: `${p.slug}/${p.key}`,
      location: p.location,
      chapter_number: p.chapter_number ?? '',
      chapter_title: p.chapter_title ?? '',
      article_number: p.article_number ?? '',
      article_title: p.article_title ?? '',
      position: p.position ?? '',
      language: p.language ?? '',
      external_id: p.external_id ?? '',
      summary: p.summary ?? '',
      text: p.text ?? '',
    }));
}

/** One CSV row per agreement: its facts, parties and the number of its provisions and annotations. */
async function* agreementRows(em: EntityManager, filter: ExportFilter): AsyncGenerator<Row[]> {
  const knex = em.getKnex();
  const build = () => {
    const q = knex.select('*').from('agreement as g').orderBy('g.id');
    if (filter.agreement) q.where('g.slug', filter.agreement);
    return q;
  };
  for await (const page of keysetPages<Record<string, Cell>>(em, build, [{ column: 'g.id', alias: 'id' }])) {
    const ids = page.map((g) => g.id as number);
    const listed = async (table: string, column: string, order: string) => {
      const rows = (await em
        .getConnection()
        .execute(
          knex
            .select('agreement_id', `${column} as value`)
            .from(table)
            .whereIn('agreement_id', ids)
            .orderBy(order),
        )) as { agreement_id: number; value: string }[];
      const byAgreement = new Map<number, string[]>();
      for (const r of rows)
        byAgreement.set(r.agreement_id, [...(byAgreement.get(r.agreement_id) ?? []), r.value]);
      return byAgreement;
    };
    const types = await listed('agreement_type', 'type', 'type');
    const parties = await listed('agreement_party', 'party_code', 'id');
    const counts = (await em
      .getConnection()
      .execute(
        knex
          .select('p.agreement_id')
          .countDistinct('p.id as provisions')
          .count('a.id as annotations')
          .from('provision as p')
          .leftJoin('annotation as a', 'a.provision_id', 'p.id')
          .whereIn('p.agreement_id', ids)
          .groupBy('p.agreement_id'),
      )) as { agreement_id: number; provisions: number | string; annotations: number | string }[];
    const countOf = new Map(counts.map((c) => [c.agreement_id, c]));
    yield page.map((g) => {
      const id = g.id as number;
      return {
        slug: g.slug,
        title: g.title,
        short_title: g.short_title ?? '',
        kind: g.kind,
        types: (types.get(id) ?? []).join(';'),
        status: g.status,
        date_signed: g.date_signed ?? '',
        date_provisionally_applied: g.date_provisionally_applied ?? '',
        date_in_force: g.date_in_force ?? '',
        date_terminated: g.date_terminated ?? '',
        parties: (parties.get(id) ?? []).join(';'),
        wto_rta_id: g.wto_rta_id ?? '',
        tota_id: g.tota_id ?? '',
        desta_number: g.desta_number ?? '',
        language: g.language ?? '',
        origin: g.origin ?? '',
        provisions: Number(countOf.get(id)?.provisions ?? 0),
        annotations: Number(countOf.get(id)?.annotations ?? 0),
      };
    });
  }
}

/** Whole records (the format `import json` reads) are read this many agreements at a time. */
const RECORD_PAGE = 10;

/** The whole record of each agreement (the format `import json` reads), a page of agreements at a time. */
async function* agreementRecords(em: EntityManager, filter: ExportFilter): AsyncGenerator<object[]> {
  const where = filter.agreement ? { slug: filter.agreement } : {};
  const ids = (await em.find(Agreement, where, { fields: ['id'], orderBy: { id: 'asc' } })).map((a) => a.id);
  for (let i = 0; i < ids.length; i += RECORD_PAGE) {
    yield await readAgreementRecords(em, ids.slice(i, i + RECORD_PAGE));
  }
}

/**
 * An export as text chunks, in order, read page by page (memory stays flat whatever the number of rows). The
 * command line writes it to a file; an HTTP route can pipe `Readable.from(streamExport(...))` to a response.
 * `onRows` is told the number of rows of each page. Text cells that a spreadsheet would run as a formula are neutralised in CSV, as in the report CSVs.
 */
export async function* streamExport(
  em: EntityManager,
  kind: ExportKind,
  format: ExportFormat,
  filter: ExportFilter = {},
  onRows: (count: number) => void = () => {},
): AsyncGenerator<string> {
  const pages: AsyncGenerator<object[]> =
    kind === 'annotations'
      ? annotationRows(em, filter)
      : kind === 'provisions'
        ? provisionRows(em, filter)
        : format === 'csv'
          ? agreementRows(em, filter)
          : agreementRecords(em, filter);
  if (format === 'csv') {
    const options = { columns: [...COLUMNS[kind]], cast: { string: neutraliseFormula } };
    yield stringify([], { ...options, header: true });
    for await (const page of pages) {
      onRows(page.length);
      yield stringify(page, options);
    }
    return;
  }
  yield kind === 'agreements'
    ? `{"format":"${EXPORT_FORMAT_ID}","version":${EXPORT_VERSION},"agreements":[\n`
    : '[\n';
  let first = true;
  for await (const page of pages) {
    onRows(page.length);
    yield `${first ? '' : ',\n'}${page.map((row) => JSON.stringify(row)).join(',\n')}`;
    first = false;
  }
  yield kind === 'agreements' ? '\n]}\n' : '\n]\n';
}

/** Writes one export to `out` (waiting for it to drain) and returns the number of rows written. */
@Injectable()
export class ExportService {
  constructor(private readonly orm: MikroORM) {}

  async export(
    kind: ExportKind,
    format: ExportFormat,
    out: Writable,
    agreementSlug?: string,
  ): Promise<number> {
    let rows = 0;
    const em = this.orm.em.fork() as EntityManager;
    for await (const chunk of streamExport(
      em,
      kind,
      format,
      { agreement: agreementSlug },
      (n) => (rows += n),
    ))
      if (!out.write(chunk)) await once(out, 'drain');
    return rows;
  }
}
