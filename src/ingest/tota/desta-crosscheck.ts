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
/** Which entry of a name speaks for the agreement: the treaty itself before its consolidations and protocols. */
const ENTRY_ORDER = ['base_treaty', 'accession', 'consolidated', 'protocol or amendment'];

export const destaName = (name: string): string =>
  name
    .replace(/&amp;/g, '&')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** DESTA's entries by WTO name, the one that speaks for the agreement first; empty when the file is absent. */
export function readDesta(corpus: string): Map<string, DestaEntry> {
  const path = join(corpus, DESTA_FILE);
  const index = new Map<string, DestaEntry>();
  if (!existsSync(path)) return index;
  const rows = parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Record<
    string,
    string
  >[];
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

/** The notes, by fact, where DESTA's entry for the agreement gives another year than ToTA's date. */
export function destaDisagreements(
  desta: Map<string, DestaEntry>,
  treaty: { name: string | null; dateSigned: string | null; dateIntoForce: string | null; fileName: string },
): Record<string, string> {
  const entry = treaty.name ? desta.get(destaName(treaty.name)) : undefined;
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
