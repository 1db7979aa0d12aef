import { checkPartyCodes } from '../parties/party-codes';
import { PartyStanding } from '../bindings/binding';
import {
  AgreementPartyLists,
  BindingRepository,
  PartyBindingDates,
} from '../bindings/repository/binding.repository';
import { today } from '../common/dates';
import { VISIBLE_AGREEMENT } from '../agreements/repository/agreement-visibility';
import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { Writable } from 'node:stream';
import { setImmediate } from 'node:timers/promises';
import { Agreement } from '../agreements/agreement.entity';
import { NotFoundError } from '../common/errors';
import { AGREEMENT_FIELDS, columnName, fieldsOf } from '../agreements/agreement-fields';
import { normalizeWhitespace } from './text/normalize-whitespace';
import { jsonColumn, readAgreementRecordsInParts, RecordInParts } from './agreement-record.reader';
import { AgreementFilter } from '../agreements/dto/agreement-filter.input';
import { AnnotationMatch } from '../annotations/dto/annotation-match.input';
import { publicUrl } from '../config';
import { provisionPath } from '../reports/common/report-links';
import { boundThroughBlocs } from '../reports/common/document-helpers';
import { reportTranslator } from '../reports/common/report-texts';
import { DbRow } from './repository/agreement-record.repository';
import {
  ExportRepository,
  PROVISION_LINE_HEAD,
  PROVISION_LINE_TAIL,
  ProvisionLine,
} from './repository/export.repository';
import {
  articleCellLabel,
  isInternalKeyPart,
  keyParts,
  unnamedTextLabel,
} from '../provisions/article-number';
import { csvCell, csvHeader, csvLine } from './export-csv';

export type ExportKind = 'agreements' | 'provisions' | 'annotations';
export type ExportFormat = 'csv' | 'json';

export const EXPORT_FORMAT_ID = 'clause-tracker/agreements';
export const EXPORT_VERSION = 1;

/**
 * An agreement's parties as the comparison lists them (`partyStanding`, read by `BindingRepository.partyListsOf`):
 * its parties in their own right (a bloc as itself), the member states bound through a bloc (never parties of their
 * own: Croatia in EU-Korea), the signatories never bound (Haiti in the EU-CARIFORUM EPA) and the parties suspended on
 * the day of the export (Venezuela in MERCOSUR). Until 7 December 2026 `parties` was every party row of the record.
 * The JSON records (`export agreements --format json`) keep the record's party rows, as `import json` reads them.
 */
const PARTY_COLUMNS = {
  parties: 'PARTY',
  bound_through_blocs: 'THROUGH_BLOC',
  signatories_only: 'SIGNATORY_ONLY',
  suspended_parties: 'SUSPENDED',
} as const satisfies Record<string, PartyStanding>;

function partyColumns<P extends string>(prefix: P): `${P}${keyof typeof PARTY_COLUMNS}`[] {
  return Object.keys(PARTY_COLUMNS).map((c) => `${prefix}${c}` as `${P}${keyof typeof PARTY_COLUMNS}`);
}

/**
 * The party columns of one agreement, each a list of codes (`partyListsOf`), their names after `prefix`; a member
 * bound through a bloc with the dates the comparison gives it ("GBR to 2020-12-31", "HRV from 2013-07-01",
 * `boundThroughBlocs`): the list said GBR beside FRA with no date, as if the United Kingdom were still bound.
 */
function partyCells(lists: AgreementPartyLists | undefined, prefix: string): ExportRow {
  return Object.fromEntries(
    Object.entries(PARTY_COLUMNS).map(([column, standing]) => [
      `${prefix}${column}`,
      standing === 'THROUGH_BLOC'
        ? boundThroughBlocs(lists?.spans ?? [], reportTranslator('en'))
        : (lists?.[standing] ?? []),
    ]),
  );
}

export const ANNOTATION_COLUMNS = [
  'agreement_source',
  'agreement_external_id',
  'agreement_slug',
  'agreement_date_signed',
  ...partyColumns('agreement_'),
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

/**
 * The dates of one party of the filter (`parties=KHM`), from its binding (`computeBindings`, the one rule): the date
 * the agreement applies to it and the date it is in force for it, as the coherence report's "Applied to the party
 * since" gives them, and what they rest on (`partyDateBasis`). The agreement's `date_in_force` is its first (AANZFTA
 * 2010-01-01, Cambodia's 2011-02-01 was nowhere in the file). The same columns in every file, empty without a party
 * filter; with several parties, one row per agreement and filtered party it binds (the `party` column says which).
 */
const FILTERED_PARTY_COLUMNS = [
  'party',
  'party_applied_from',
  'party_in_force_from',
  'party_dates_basis',
  'party_dates_precision',
] as const;

/**
 * What a party's binding dates rest on, as a code: `PARTY` its own (recorded for it, or the agreement's where it has
 * two sides); `AGREEMENT_FIRST` the agreement's first dates, none recorded for the party (`agreementFirstDates`: it
 * was not bound before them); `SIGNATURE` the signature, for an agreement in force with no date of entry into force
 * (`inForceInferred`).
 */
export function partyDatesBasis(
  b: Pick<PartyBindingDates, 'agreementFirstDates' | 'inForceInferred'>,
): string {
  return b.inForceInferred ? 'SIGNATURE' : b.agreementFirstDates ? 'AGREEMENT_FIRST' : 'PARTY';
}

function filteredPartyCells(code: string | null, b: PartyBindingDates | undefined): ExportRow {
  return {
    party: code,
    party_applied_from: b?.appliedFrom ?? null,
    party_in_force_from: b?.inForceFrom ?? null,
    party_dates_basis: b ? partyDatesBasis(b) : null,
    // EXACT, or AT_LATEST: the dates are a bound (in force for the party on that day at the latest, its own day not
    // recorded: AANZFTA for Cambodia, 2011-02-01), not the day (`Binding.startAtLatest`).
    party_dates_precision: b ? b.inForceFromPrecision : null,
  };
}

/** The agreement's facts (AGREEMENT_FIELDS, as columns), then its lists, identifiers and counts. */
const AGREEMENT_COLUMNS = [
  ...AGREEMENT_FIELDS.map(columnName),
  ...partyColumns(''),
  ...FILTERED_PARTY_COLUMNS,
  'wto_rta_id',
  'tota_id',
  'desta_number',
  'language',
  'origin',
  'provisions',
  'annotations',
  'codes_accepted',
  'codes_proposed_only',
  'url',
];

/**
 * An agreement's codes as the list filtered by code tells them apart (`/agreements?code=`: "6 of them have the code
 * only in annotations awaiting review"): those of an accepted annotation, and those it has only in proposals (no
 * accepted annotation of the code), each sorted. The file linked from that page had nothing to tell the 6 apart.
 */
export function codesByReview(rows: readonly { code: string; status: string }[]): {
  accepted: string[];
  proposedOnly: string[];
} {
  const accepted = new Set(rows.filter((r) => r.status === 'ACCEPTED').map((r) => r.code));
  const proposed = new Set(
    rows.filter((r) => r.status === 'PROPOSED' && !accepted.has(r.code)).map((r) => r.code),
  );
  return { accepted: [...accepted].sort(), proposedOnly: [...proposed].sort() };
}

/**
 * Not PROVISION_FIELDS: a reading table (the pinpoint and its address instead of the key, no section headings,
 * the long text last), kept as its users know it. The database writes every cell but the url.
 */
const PROVISION_COLUMNS = [
  ...PROVISION_LINE_HEAD.map((c) => c.name),
  'article_label',
  ...PROVISION_LINE_TAIL.map((c) => c.name),
  'url',
];

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

/** Conditions on the annotations of an export (the API's AnnotationFilter); a missing list allows all. */
export interface AnnotationSelection {
  codes?: string[];
  statuses?: string[];
  origins?: string[];
  bindingForces?: string[];
}

/** Conditions on the provisions of an export; `annotations` as in ProvisionFilter (codes, match, statuses). */
export interface ProvisionSelection {
  locations?: string[];
  languages?: string[];
  annotations?: AnnotationMatch;
}

/** Conditions on the rows of an export; agreements are chosen by `agreements` (the API's AgreementFilter). */
export interface ExportSelection {
  agreementSlug?: string;
  agreements?: AgreementFilter;
  annotations?: AnnotationSelection;
  provisions?: ProvisionSelection;
}

type Nullable = string | number | null;

/**
 * The chapter an article's label names (`articleCellLabel`): its own where its agreement numbers its articles per
 * chapter (the export rows' `numbered_per_chapter`, `joinNumberedPerChapter`), else none.
 */
const citedChapter = (
  p: Partial<Record<'numbered_per_chapter' | 'chapter_number' | 'chapter_title', unknown>>,
) =>
  p.numbered_per_chapter != null
    ? {
        number: (p.chapter_number as string | null) ?? null,
        title: (p.chapter_title as string | null) ?? null,
      }
    : null;

/** `Art. 12.10` (`articleCellLabel`): the bare number is read by pandas and spreadsheets as 12.1. */
const provisionLabel = (p: DbRow, chapter: { number: string | null; title: string | null } | null) =>
  p.location === 'PREAMBLE'
    ? 'Preamble'
    : p.article_number
      ? articleCellLabel(p.article_number as string, chapter, undefined, p.key as string)
      : ((p.article_title as string | null) ??
        // An importer's id ("tota-12877") is no label: such a text is named by its chapter ("Conclusion").
        (isInternalKeyPart(keyParts(p.key as string).own)
          ? unnamedTextLabel({ title: p.chapter_title as string | null })
          : (p.key as string)));

/** A provision's address; `base`, PUBLIC_URL, is read once per export by the provision lines (a setting per row
 * was a tenth of their work). */
const pinpointUrl = (slug: string, key: string, base = publicUrl()) =>
  `${base}${provisionPath(`${slug}/${key}`)}`;

/** The annotation rows of some agreements (ids in order), one statement; provisions as the record orders them. */
async function annotationRows(
  em: EntityManager,
  ids: number[],
  selection: ExportSelection,
): Promise<ExportRow[]> {
  const repository = new ExportRepository(em);
  const rows = await repository.annotationRows(ids, selection);
  if (!rows.length) return [];
  const agreements = await repository.agreementFacts([...new Set(rows.map((r) => Number(r.agreement_id)))]);
  const parties = await new BindingRepository(em).partyListsOf(ids, today());
  return rows.map((n) => {
    const id = Number(n.agreement_id);
    const g = agreements.get(id)!;
    const slug = g.slug as string;
    const fromTota = Boolean(g.tota_id);
    const hasEvidence = n.evidence_start != null && n.evidence_end != null;
    return {
      agreement_source: fromTota ? 'tota' : ((g.origin as string | null) ?? null),
      agreement_external_id: fromTota
        ? externalId('tota', g.tota_id as string)
        : externalId('wto', g.wto_rta_id as string | null),
      agreement_slug: slug,
      agreement_date_signed: (g.date_signed as string | null) ?? null,
      ...partyCells(parties.get(id), 'agreement_'),
      provision_external_id: externalId('tota', n.external_id as string | null),
      pinpoint: `${slug}/${n.key as string}`,
      provision_label: provisionLabel(n, citedChapter(n)),
      code: n.code as string,
      detail: jsonColumn<string[]>(n.detail),
      binding_force: (n.binding_force as string | null) ?? null,
      location: n.location as string,
      confidence: (n.confidence as Nullable) ?? null,
      status: n.status as string,
      origin: n.origin as string,
      rule_id: (n.rule_id as string | null) ?? null,
      evidence: hasEvidence ? normalizeWhitespace((n.evidence_quote as string | null) ?? '') : null,
      url: pinpointUrl(slug, n.key as string),
    };
  });
}

/**
 * The agreement CSV rows of some agreements (ids in order): facts, lists and counts, a few statements; with a party
 * filter (`parties`), one row per agreement and filtered party it binds, with that party's dates (FILTERED_PARTY_COLUMNS).
 */
async function agreementRows(
  em: EntityManager,
  ids: number[],
  filtered?: readonly string[] | null,
): Promise<ExportRow[]> {
  const repository = new ExportRepository(em);
  const agreements = await repository.agreementFacts(ids);
  const types = await repository.typesPerAgreement(ids);
  const parties = await new BindingRepository(em).partyListsOf(ids, today());
  const countOf = await repository.counts(ids);
  const codeStatuses = await repository.codeStatuses(ids);
  const bindings = filtered?.length
    ? await new BindingRepository(em).partyBindingDatesOf(ids, today())
    : undefined;
  return ids.flatMap((id) => {
    const g = agreements.get(id);
    if (!g) throw new Error(`agreement ${id} not found`);
    const text = (column: string) => (g[column] as string | null) ?? null;
    const row: ExportRow = {
      ...fieldsOf(AGREEMENT_FIELDS.map(columnName), (column) =>
        column === 'types' ? (types.get(id) ?? []) : text(column),
      ),
      ...partyCells(parties.get(id), ''),
      wto_rta_id: externalId('wto', text('wto_rta_id')),
      tota_id: externalId('tota', text('tota_id')),
      desta_number: externalId('desta', text('desta_number')),
      language: text('language'),
      origin: text('origin'),
      provisions: Number(countOf.get(id)?.provisions ?? 0),
      annotations: Number(countOf.get(id)?.annotations ?? 0),
      ...(({ accepted, proposedOnly }) => ({ codes_accepted: accepted, codes_proposed_only: proposedOnly }))(
        codesByReview(codeStatuses.get(id) ?? []),
      ),
      url: pageUrl(`/agreements/${encodeURIComponent(g.slug as string)}`),
    };
    const ofAgreement = bindings?.get(id);
    const bound = (filtered ?? []).filter((code) => ofAgreement?.has(code));
    // No filter, or none of the filtered parties bound by it (an agreement a party signed only is bound by no date):
    // one row, its party cells empty.
    if (!bound.length) return [{ ...row, ...filteredPartyCells(null, undefined) }];
    return bound.map((code) => ({ ...row, ...filteredPartyCells(code, ofAgreement!.get(code)) }));
  });
}

/**
 * Writes provision lines that the database built, each ended with its url; returns the count of rows written
 * so far (`count` before). A JSON row after the first is preceded by `,` and a line break.
 */
async function writeProvisionLines(
  lines: ProvisionLine[],
  format: ExportFormat,
  out: Writable,
  count: number,
): Promise<number> {
  const base = publicUrl();
  for (const provision of lines) {
    const { line, rest, article_number, slug, key } = provision;
    if (out.destroyed) break;
    const url = pinpointUrl(slug, key, base);
    if (format === 'json' && count) out.write(',\n');
    out.write(line);
    const label = article_number
      ? articleCellLabel(article_number, citedChapter(provision), undefined, key)
      : null;
    out.write(format === 'csv' ? `${csvCell(label)},` : `"article_label":${JSON.stringify(label)},`);
    out.write(rest);
    const end = format === 'csv' ? `${csvCell(url)}\n` : `"url":${JSON.stringify(url)}}`;
    if (!out.write(end)) await room(out);
    count++;
  }
  return count;
}

/** Writes whole records from their parts (RecordInParts), `,` and a line break between two; returns the count. */
async function writeRecords(records: RecordInParts[], out: Writable, count: number): Promise<number> {
  for (const { head, provisions } of records) {
    if (out.destroyed) break;
    out.write(`${count ? ',\n' : ''}${head},"provisions":[`);
    for (let i = 0; i < provisions.length; i++) {
      out.write(provisions[i].line);
      out.write(i + 1 < provisions.length ? `${provisions[i].end},` : provisions[i].end);
    }
    if (!out.write(']}')) await room(out);
    count++;
  }
  return count;
}

const roomWaiters = new WeakMap<Writable, () => Promise<void>>();

/**
 * Resolves when `out` has room again ('drain'), or when it closes: the reader went away (an HTTP client that hung
 * up), and waiting for more room would wait forever. One 'drain' and one 'close' listener per stream, whatever the
 * number of waits: the compression middleware hands a response's 'drain' listeners to its gzip stream, where
 * removing them from the response does not reach, so a listener per wait piled up for the whole download (and
 * every 'drain' ran them all).
 */
function room(out: Writable): Promise<void> {
  let wait = roomWaiters.get(out);
  if (!wait) {
    let closed = false;
    let waiting: (() => void)[] = [];
    const wake = () => {
      const woken = waiting;
      waiting = [];
      for (const resolve of woken) resolve();
    };
    out.on('drain', wake);
    out.once('close', () => {
      closed = true;
      wake();
    });
    wait = () =>
      closed || out.destroyed ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve));
    roomWaiters.set(out, wait);
  }
  return wait();
}

/**
 * Agreements read at once, per export: a few plain statements per page (no entities), so that memory is bounded
 * by a page whatever the size of the catalogue. Whole records (JSON agreements) hold every provision's text.
 */
const PAGE = { records: 10, agreements: 200, provisions: 25, annotations: 100 } as const;

/**
 * Streams one export to `out`, a page of agreements at a time (the selection applied in SQL), so that memory
 * stays flat on the whole corpus.
 * Stops early, without error, when `out` is destroyed (a client that hung up).
 */
@Injectable()
export class ExportService {
  constructor(private readonly orm: MikroORM) {}

  /** The ids of the agreements an export covers, in id order; checks the filter first (BAD_USER_INPUT). */
  /**
   * BAD_USER_INPUT at `argument` for party codes the catalogue does not hold, as the API's agreement filter
   * answers them: a mistyped code would otherwise give an empty file that reads as "no such agreements".
   */
  async checkParties(selection: ExportSelection, argument: string): Promise<void> {
    const codes = selection.agreements?.parties;
    if (codes?.length) await checkPartyCodes(this.orm.em.fork() as EntityManager, argument, codes);
  }

  async agreementIds(selection: ExportSelection = {}): Promise<number[]> {
    const em = this.orm.em.fork() as EntityManager;
    if (!selection.agreements) {
      const where = {
        ...VISIBLE_AGREEMENT,
        ...(selection.agreementSlug ? { slug: selection.agreementSlug } : {}),
      };
      const ids = (await em.find(Agreement, where, { fields: ['id'], orderBy: { id: 'asc' } })).map(
        (a) => a.id,
      );
      // One agreement asked for by slug: a mistyped slug is NOT_FOUND, not an empty file.
      if (selection.agreementSlug && !ids.length)
        throw new NotFoundError('Agreement', selection.agreementSlug);
      return ids;
    }
    return new ExportRepository(em).agreementIds(selection.agreements);
  }

  async export(
    kind: ExportKind,
    format: ExportFormat,
    out: Writable,
    selection: ExportSelection = {},
  ): Promise<number> {
    const root = this.orm.em.fork() as EntityManager;
    const ids = await this.agreementIds(selection);
    // Each line is written as it is made (strings of one row; gathering them into larger chunks cost more, in
    // turning the longer strings into bytes, than the writes it saved); the reader is waited for only when full.
    const write = async (text: string) => {
      if (!out.write(text)) await room(out);
    };
    const columns: readonly string[] | undefined =
      format !== 'csv'
        ? undefined
        : kind === 'annotations'
          ? ANNOTATION_COLUMNS
          : kind === 'provisions'
            ? PROVISION_COLUMNS
            : AGREEMENT_COLUMNS;
    // Text cells that a spreadsheet would run as a formula are neutralised, as in the report CSVs (csvCell).
    if (columns) await write(csvHeader(columns));
    else if (kind === 'agreements')
      await write(`{"format":"${EXPORT_FORMAT_ID}","version":${EXPORT_VERSION},"agreements":[\n`);
    else await write('[\n');
    const pageSize = PAGE[kind === 'agreements' && format === 'json' ? 'records' : kind];
    const read = (page: number[]): Promise<object[] | ProvisionLine[] | RecordInParts[]> => {
      const rows = readPage(page);
      // Awaited in its turn; until then a failure must not count as unhandled (it is thrown when awaited).
      rows.catch(() => undefined);
      return rows;
    };
    const readPage = (page: number[]): Promise<object[] | ProvisionLine[] | RecordInParts[]> =>
      kind === 'annotations'
        ? annotationRows(root, page, selection)
        : kind === 'provisions'
          ? new ExportRepository(root).provisionLines(page, selection, format)
          : format === 'csv'
            ? agreementRows(root, page, selection.agreements?.parties)
            : readAgreementRecordsInParts(root.fork(), page);
    let count = 0;
    // The next page is read while this one is written: the database works while the rows are turned into text.
    let next = ids.length ? read(ids.slice(0, pageSize)) : undefined;
    for (let i = 0; next && !out.destroyed; i += pageSize) {
      const rows = await next;
      const following = ids.slice(i + pageSize, i + 2 * pageSize);
      next = following.length ? read(following) : undefined;
      // Its statement reaches the database through promises, which wait for the turn of the event loop to end: a
      // page that the reader takes in one go (a file, a fast client) is written in one turn, and the database stood
      // idle while it was (bench:export: the provisions CSV's statements and writing took their sum, not the longer).
      if (next) await setImmediate();
      if (kind === 'provisions') {
        count = await writeProvisionLines(rows as ProvisionLine[], format, out, count);
        continue;
      }
      if (kind === 'agreements' && !columns) {
        count = await writeRecords(rows as RecordInParts[], out, count);
        continue;
      }
      for (const row of rows) {
        if (out.destroyed) break;
        const line = columns
          ? csvLine(columns, row as ExportRow)
          : `${count ? ',\n' : ''}${JSON.stringify(row)}`;
        if (!out.write(line)) await room(out);
        count++;
      }
    }
    if (!columns) await write(kind === 'agreements' ? '\n]}\n' : '\n]\n');
    return count;
  }
}
