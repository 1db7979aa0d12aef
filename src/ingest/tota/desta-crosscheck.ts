import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * A second source beside ToTA: the DESTA list of treaties (v2.02, `$CORPUS_DIR/desta`), which gives each
 * agreement's year of signature and year of entry into force. Where DESTA's entry for the same agreement (its
 * `wto_name` is the WTO name ToTA uses) gives other years than ToTA's dates, the record says so beside ToTA's
 * value rather than keeping one silently: DESTA often dates the agreement itself where ToTA dates its interim
 * agreement (EU - Serbia: ToTA 2010-02-01, the interim agreement; DESTA 2013, the Stabilisation and Association
 * Agreement). The dates themselves stay ToTA's (DESTA gives years only).
 */

export interface DestaEntry {
  number: string;
  name: string;
  entryType: string;
  year: string | null;
  entryForceYear: string | null;
}

const DESTA_FILE = join('desta', 'desta_list_of_treaties_02_02.csv');
const COUNTRIES_FILE = join('countries', 'country-codes.csv');
/** Which entry of a name speaks for the agreement: the treaty itself before its consolidations and protocols. */
const ENTRY_ORDER = ['base_treaty', 'accession', 'consolidated', 'protocol or amendment'];

export const destaName = (name: string): string =>
  name
    .replace(/&amp;/g, '&')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** What an import reads of DESTA: its entries by WTO name, and its accession and withdrawal entries. */
export interface DestaSources {
  entries: Map<string, DestaEntry>;
  accessions: Map<string, DestaAccession[]>;
  withdrawals: Map<string, DestaAccession[]>;
  /** The files not found (DESTA's list, the country codes): what they would correct is left as ToTA gives it. */
  absent: string[];
}

type CsvRow = Record<string, string>;
const readCsv = (bytes: Buffer) =>
  parse(bytes, { columns: true, bom: true, skip_empty_lines: true }) as CsvRow[];

/** The last sources read, with the digest of the two files they were read from. */
let lastRead: { digest: string; sources: DestaSources } | null = null;

/**
 * DESTA's list and the countries list, each parsed once (the list has some 200 columns: parsing it is most of
 * what an import of a few small files costs), and kept while the files are the same bytes: every `import tota`
 * of a process (a server, a test file) asks for them again. The maps are shared: callers read them only.
 */
export function readDestaSources(corpus: string): DestaSources {
  const bytesOf = (file: string) => (existsSync(file) ? readFileSync(file) : null);
  const destaFile = join(corpus, DESTA_FILE);
  const countriesFile = join(corpus, COUNTRIES_FILE);
  const desta = bytesOf(destaFile);
  const countries = bytesOf(countriesFile);
  const digest = [desta, countries]
    .map((bytes) => (bytes ? createHash('sha256').update(bytes).digest('hex') : 'absent'))
    .join(' ')
    .concat(' ', corpus);
  if (lastRead?.digest === digest) return lastRead.sources;
  const rows = desta ? readCsv(desta) : null;
  const alpha3 = countries ? alpha3Codes(readCsv(countries)) : null;
  const sources: DestaSources = {
    entries: rows ? destaEntries(rows) : new Map(),
    accessions: rows && alpha3 ? memberEntries(rows, alpha3, 'accession') : new Map(),
    withdrawals: rows && alpha3 ? memberEntries(rows, alpha3, 'withdrawal') : new Map(),
    absent: [desta ? null : destaFile, countries ? null : countriesFile].filter(
      (f): f is string => f !== null,
    ),
  };
  lastRead = { digest, sources };
  return sources;
}

/** DESTA's entries by WTO name, the one that speaks for the agreement first; empty when the file is absent. */
export const readDesta = (corpus: string): Map<string, DestaEntry> => readDestaSources(corpus).entries;

function destaEntries(rows: CsvRow[]): Map<string, DestaEntry> {
  const index = new Map<string, DestaEntry>();
  const rank = (type: string) => {
    const i = ENTRY_ORDER.indexOf(type);
    return i < 0 ? ENTRY_ORDER.length : i;
  };
  for (const row of rows) {
    const wto = (row.wto_name ?? '').trim();
    if (!wto || rank(row.entry_type) === ENTRY_ORDER.length) continue;
    const key = destaName(wto);
    const held = index.get(key);
    if (held && rank(held.entryType) <= rank(row.entry_type)) continue;
    index.set(key, {
      number: row.number,
      name: row.name,
      entryType: row.entry_type,
      year: /^\d{4}$/.test(row.year ?? '') ? row.year : null,
      entryForceYear: /^\d{4}$/.test(row.entryforceyear ?? '') ? row.entryforceyear : null,
    });
  }
  return index;
}

/** DESTA's entry for an agreement of this name (its WTO name), if any. */
export const destaEntryOf = (desta: Map<string, DestaEntry>, name: string | null): DestaEntry | undefined =>
  name ? desta.get(destaName(name)) : undefined;

/** The notes, by fact, where DESTA's entry for the agreement gives another year than ToTA's date. */
export function destaDisagreements(
  desta: Map<string, DestaEntry>,
  treaty: { name: string | null; dateSigned: string | null; dateIntoForce: string | null; fileName: string },
): Record<string, string> {
  const entry = destaEntryOf(desta, treaty.name);
  if (!entry) return {};
  const notes: Record<string, string> = {};
  const cite = `DESTA v2.02 entry ${entry.number} ("${entry.name}", ${entry.entryType.replace(/_/g, ' ')})`;
  const differs = (date: string | null, year: string | null) =>
    date !== null && year !== null && !date.startsWith(year);
  if (differs(treaty.dateSigned, entry.year))
    notes.dateSignedDesta = `ToTA (${treaty.fileName}) gives ${treaty.dateSigned}; ${cite} gives the year of signature ${entry.year}. The sources disagree; ToTA's date is shown`;
  if (differs(treaty.dateIntoForce, entry.entryForceYear))
    notes.dateInForceDesta = `ToTA (${treaty.fileName}) gives ${treaty.dateIntoForce}; ${cite} gives the year of entry into force ${entry.entryForceYear}. The sources disagree (one may date an interim agreement or provisional application); ToTA's date is shown`;
  return notes;
}

/** A state's accession to an agreement, as DESTA records it: the year only (DESTA gives no day). */
export interface DestaAccession {
  number: string;
  name: string;
  year: string;
  /** The acceding states (DESTA's member code 1 in the entry), as ISO 3166-1 alpha-3 codes. */
  codes: string[];
  /**
   * The states the entry names that its base treaty does not (any member code): where a member state joins a bloc
   * agreement by its own protocol, DESTA codes the sides (2 and 3), not the newcomer (Croatia in 810+2, "Colombia
   * EC Peru Croatia accession", 2015, is coded 2 like the EU's side of the base treaty 810).
   */
  newcomers: string[];
}

/**
 * DESTA's accession entries, by the WTO name of the agreement acceded to (the `wto_name` of its base treaty):
 * DESTA names the acceding states by their UN M49 / ISO 3166-1 numeric code (`c1`...`c91`) and marks them with
 * the member code 1 (`mc1`...); the countries list turns the numbers into alpha-3 codes. Empty when either file is
 * absent.
 */
export const readDestaAccessions = (corpus: string): Map<string, DestaAccession[]> =>
  readDestaSources(corpus).accessions;

/**
 * DESTA's withdrawal entries, read as its accessions are: the withdrawing states are those marked with the member
 * code 1 (entry 243_1, "COMESA withdrawal Lesotho Mozambique", 1997, marks 426 and 508).
 */
export const readDestaWithdrawals = (corpus: string): Map<string, DestaAccession[]> =>
  readDestaSources(corpus).withdrawals;

/** The countries list's alpha-3 codes by UN M49 / ISO 3166-1 numeric code. */
function alpha3Codes(rows: CsvRow[]): Map<number, string> {
  const alpha3 = new Map<number, string>();
  for (const c of rows) {
    const numeric = Number(c['ISO3166-1-numeric'] || c.M49);
    if (c['ISO3166-1-Alpha-3'] && Number.isInteger(numeric) && numeric > 0)
      alpha3.set(numeric, c['ISO3166-1-Alpha-3']);
  }
  return alpha3;
}

function memberEntries(
  rows: CsvRow[],
  alpha3: Map<number, string>,
  entryType: 'accession' | 'withdrawal',
): Map<string, DestaAccession[]> {
  const index = new Map<string, DestaAccession[]>();
  const baseName = new Map<string, string>();
  const baseMembers = new Map<string, Set<string>>();
  const members = (row: CsvRow) => {
    const found: { code: string; memberCode: string }[] = [];
    for (let i = 1; row[`c${i}`] !== undefined; i++) {
      const code = alpha3.get(Number(row[`c${i}`]));
      if (code) found.push({ code, memberCode: row[`mc${i}`] });
    }
    return found;
  };
  // The entry acceded to or withdrawn from is the one its `base_treaty` numbers: mostly a base treaty, sometimes a
  // protocol that is an agreement of its own (672, the SADC Trade Protocol of 1996, whose accessions are 672+1...).
  const referenced = new Set(rows.filter((r) => r.entry_type === entryType).map((r) => r.base_treaty));
  for (const row of rows)
    if (row.number === row.base_treaty || referenced.has(row.number)) {
      baseMembers.set(row.number, new Set(members(row).map((m) => m.code)));
      if ((row.wto_name ?? '').trim()) baseName.set(row.number, row.wto_name.trim());
    }
  for (const row of rows) {
    if (row.entry_type !== entryType || !/^\d{4}$/.test(row.year ?? '')) continue;
    const base = baseName.get(row.base_treaty);
    if (!base) continue;
    const named = members(row);
    const codes = named.filter((m) => m.memberCode === '1').map((m) => m.code);
    const inBase = baseMembers.get(row.base_treaty) ?? new Set<string>();
    const newcomers = [...new Set(named.map((m) => m.code).filter((c) => !inBase.has(c)))];
    if (!codes.length && !newcomers.length) continue;
    const key = destaName(base);
    index.set(key, [
      ...(index.get(key) ?? []),
      { number: row.number, name: row.name, year: row.year, codes, newcomers },
    ]);
  }
  return index;
}

/**
 * The parties ToTA lists among an agreement's original parties that DESTA records as acceding later (an accession
 * entry naming them, of a year after the agreement's signature): ToTA's list is the WTO card's, which names later
 * members among the original ones (Viet Nam in AFTA, signed 1992: DESTA's entry 64+1 has it accede in 1995). The
 * agreement's dates are not theirs, and DESTA gives a year only: by code, the entry that says so.
 */
export function laterAccessions(
  accessions: Map<string, DestaAccession[]>,
  treaty: { name: string | null; dateSigned: string | null },
  originalParties: readonly string[],
): Map<string, DestaAccession> {
  return laterEntries(accessions, treaty, originalParties, (entry) => entry.codes);
}

/**
 * The member states of a bloc that joined it after the bloc signed the agreement (`members`, folded into the bloc
 * by `foldBlocs`) and that DESTA records as acceding to the agreement on their own (an accession entry naming them,
 * acceding or new to the base treaty, of a year after the signature): Croatia and the EEA (437+33, 2014), and
 * EU-Colombia-Peru (810+2, 2015). DESTA gives a year only: by code, the first entry that says so.
 */
export function laterMemberAccessions(
  accessions: Map<string, DestaAccession[]>,
  treaty: { name: string | null; dateSigned: string | null },
  members: readonly string[],
): Map<string, DestaAccession> {
  return laterEntries(accessions, treaty, members, (entry) => [...entry.codes, ...entry.newcomers]);
}

/**
 * The parties ToTA lists among an agreement's current parties that DESTA records as withdrawing after the signature
 * (a withdrawal entry naming them, of a year after the agreement's signature): ToTA's list is the WTO card's, which
 * keeps states that left (COMESA, signed 1993: Lesotho left in 1997, Tanzania in 2004, Angola in 2007, DESTA
 * entries 243_1, 243_3, 243_4). DESTA gives a year only: by code, the first entry that says so.
 */
export function laterWithdrawals(
  withdrawals: Map<string, DestaAccession[]>,
  treaty: { name: string | null; dateSigned: string | null },
  currentParties: readonly string[],
): Map<string, DestaAccession> {
  return laterEntries(withdrawals, treaty, currentParties, (entry) => entry.codes);
}

/** By code, the first of the treaty's DESTA entries of a year after its signature that names one of `parties`. */
function laterEntries(
  entries: Map<string, DestaAccession[]>,
  treaty: { name: string | null; dateSigned: string | null },
  parties: readonly string[],
  codesOf: (entry: DestaAccession) => readonly string[],
): Map<string, DestaAccession> {
  const found = new Map<string, DestaAccession>();
  const signed = treaty.dateSigned?.slice(0, 4);
  if (!treaty.name || !signed) return found;
  for (const entry of entries.get(destaName(treaty.name)) ?? [])
    for (const code of codesOf(entry))
      if (entry.year > signed && parties.includes(code) && !found.has(code)) found.set(code, entry);
  return found;
}
