import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';

/**
 * The corpus sources read on their own, without the project's parsers, so that the truth checks compare the
 * product with what the sources say rather than with what the product's own reading of them says.
 */

export interface TotaMeta {
  id: string;
  file: string;
  name: string | null;
  status: string | null;
  signed: string | null;
  inForce: string | null;
  inactive: string | null;
  original: string[];
  current: string[];
  wto: string | null;
  related: string[];
}

const field = (meta: string, tag: string): string | null => {
  const m = new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(meta);
  const value = m ? m[1].trim() : '';
  return value === '' ? null : value;
};

const codes = (meta: string, tag: string): string[] => {
  const m = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(meta);
  if (!m) return [];
  return [...m[1].matchAll(/<partyisocode[^>]*>([^<]*)<\/partyisocode>/g)]
    .map((x) => x[1].trim())
    .filter((c) => c !== '');
};

/** The `<meta>` of every ToTA file, by treaty identifier. */
export function readTotaMeta(corpus: string): Map<string, TotaMeta> {
  const dir = join(corpus, 'tota', 'xml');
  const result = new Map<string, TotaMeta>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.xml'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    const meta = text.slice(text.indexOf('<meta>'), text.indexOf('</meta>'));
    const id = field(meta, 'treaty_identifier');
    if (!id) throw new Error(`${file}: no treaty_identifier`);
    result.set(id, {
      id,
      file,
      name: field(meta, 'name')?.replace(/&amp;/g, '&') ?? null,
      status: field(meta, 'status'),
      signed: field(meta, 'date_signed'),
      inForce: field(meta, 'date_into_force'),
      inactive: field(meta, 'date_inactive'),
      original: codes(meta, 'parties_original'),
      current: codes(meta, 'parties'),
      wto: field(meta, 'wto_rta_id'),
      related: [...meta.matchAll(/<related_agreement_wto_id[^>]*>([^<]*)<\/related_agreement_wto_id>/g)].map(
        (x) => x[1].trim(),
      ),
    });
  }
  return result;
}

export type Row = Record<string, string>;

export function readCsv(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}

/** A WTO name as both lists are matched on: lower case, any run of other characters than letters and digits a space. */
export const destaKey = (name: string): string =>
  name
    .replace(/&amp;/g, '&')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * DESTA's accession entries (or, with `entryType`, its withdrawal entries), read on their own: by the WTO name of
 * the entry they name as their base (a base treaty, or a protocol that is an agreement of its own: the SADC Trade
 * Protocol, 672), the acceding (withdrawing) states (member code 1) as alpha-3 codes through the countries list's
 * numeric codes, with the entry's year; and the states the entry names that its base does not (a member state's
 * protocol to a bloc agreement is coded by side).
 */
export function readDestaAccessions(
  corpus: string,
  entryType: 'accession' | 'withdrawal' = 'accession',
): Map<string, { year: string; codes: string[]; newcomers: string[] }[]> {
  const countries = new Map<string, string>();
  for (const c of readCsv(join(corpus, 'countries', 'country-codes.csv')))
    if (c['ISO3166-1-numeric']) countries.set(String(Number(c['ISO3166-1-numeric'])), c['ISO3166-1-Alpha-3']);
  const rows = readCsv(join(corpus, 'desta', 'desta_list_of_treaties_02_02.csv'));
  const referenced = new Set(rows.filter((r) => r.entry_type === entryType).map((r) => r.base_treaty));
  const isBase = (r: Row) => r.number === r.base_treaty || referenced.has(r.number);
  const base = new Map(rows.filter((r) => isBase(r) && r.wto_name).map((r) => [r.number, r.wto_name]));
  const named = (r: Row) => {
    const all: string[] = [];
    for (let i = 1; i <= 91; i++)
      if (r[`c${i}`] && countries.has(String(Number(r[`c${i}`]))))
        all.push(countries.get(String(Number(r[`c${i}`])))!);
    return all;
  };
  const baseMembers = new Map(rows.filter(isBase).map((r) => [r.number, new Set(named(r))]));
  const result = new Map<string, { year: string; codes: string[]; newcomers: string[] }[]>();
  for (const r of rows) {
    const name = base.get(r.base_treaty);
    if (r.entry_type !== entryType || !name || !/^\d{4}$/.test(r.year)) continue;
    const codes: string[] = [];
    for (let i = 1; i <= 91; i++)
      if (r[`mc${i}`] === '1' && countries.has(String(Number(r[`c${i}`]))))
        codes.push(countries.get(String(Number(r[`c${i}`])))!);
    const inBase = baseMembers.get(r.base_treaty) ?? new Set<string>();
    const newcomers = named(r).filter((c) => !inBase.has(c));
    const key = destaKey(name);
    result.set(key, [...(result.get(key) ?? []), { year: r.year, codes, newcomers }]);
  }
  return result;
}

const MONTH_NUMBERS = new Map(
  'january february march april may june july august september october november december'
    .split(' ')
    .map((m, i) => [m, i + 1]),
);
const ORDINAL_DAYS = new Map<string, number>([
  ...'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
    .split(' ')
    .map((w, i): [string, number] => [w, i + 1]),
  ...'first second third fourth fifth sixth seventh eighth ninth'
    .split(' ')
    .flatMap((w, i): [string, number][] => [
      [`twenty-${w}`, 21 + i],
      [`twenty ${w}`, 21 + i],
    ]),
  ['thirtieth', 30],
  ['thirty-first', 31],
  ['thirty first', 31],
]);

/**
 * The dates a ToTA file's text gives in its final clauses ("Done at Minsk on 26 May, 1995", "DONE in Seoul, on the
 * fifteenth day of February of 2003", "DONE at Vladivostok, ..., this September 7th 2012"), in the order they come,
 * read from the file alone. A clause naming another instrument ("the Marrakesh Agreement ... done on April 15, 1994")
 * is written in lower case and not read: only a "Done"/"DONE"/"Signed"/"SIGNED" opening a sentence counts.
 */
export function finalClauseDates(xml: string, verbs = 'Done|DONE|Signed|SIGNED'): string[] {
  const body = xml
    .slice(xml.indexOf('</meta>'))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
  const date =
    String.raw`(?:(?:the )?(\d{1,2}|[a-z]+(?:[- ][a-z]+)?)(?:st|nd|rd|th)?(?: day)?(?: of)? ([A-Z][a-z]+),? ` +
    String.raw`(?:in the year |of the year |of )?(\d{4})|([A-Z][a-z]+),? (\d{1,2})(?:st|nd|rd|th)?,? (?:of )?(\d{4}))`;
  const clause = new RegExp(String.raw`\b(?:${verbs})\b[^.;]{0,120}?\b(?:on|this|,)\s+${date}`, 'g');
  const found: string[] = [];
  for (const m of body.matchAll(clause)) {
    const [day, month, year] = m[4] ? [m[5], m[4], m[6]] : [m[1], m[2], m[3]];
    const monthNumber = MONTH_NUMBERS.get(month.toLowerCase());
    const spelled = day.toLowerCase().replace(/ day$/, '');
    const dayNumber = /^\d+$/.test(day) ? Number(day) : ORDINAL_DAYS.get(spelled);
    if (!monthNumber || !dayNumber) continue;
    found.push(`${year}-${String(monthNumber).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`);
  }
  return found;
}

/**
 * The dates a ToTA file's final clauses say its text was amended on ("AMENDED at Vaduz this 21st day of June,
 * 2001", after the 1960 "DONE at Stockholm"): a text as amended later than the signature the record gives.
 */
export function finalClauseAmendmentDates(xml: string): string[] {
  return finalClauseDates(xml, 'Amended|AMENDED');
}
