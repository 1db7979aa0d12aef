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
    });
  }
  return result;
}

export type Row = Record<string, string>;

export function readCsv(path: string): Row[] {
  return parse(readFileSync(path), { columns: true, bom: true, skip_empty_lines: true }) as Row[];
}
