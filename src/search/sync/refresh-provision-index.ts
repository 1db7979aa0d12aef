import { EntityManager } from '@mikro-orm/knex';
import { inList } from '../../common/sql';
import { databaseDriver } from '../database-driver';
import {
  bandKeyToken,
  comparisonText,
  fingerprint,
  ProvisionSource,
  searchDocument,
  signatureToBytes,
} from './provision-index-rows';

const SOURCE_COLUMNS =
  'p."id", p."chapter_title", p."section_title", p."article_number", p."article_title", p."text", p."summary"';
const IDS_PER_STATEMENT = 500;
const ROWS_PER_INSERT = 200;
const BANDS_PER_INSERT = 5000;

/**
 * Brings the search rows (provision_search, which the full-text index follows) and the similarity rows
 * (provision_signature, provision_band) of these provisions up to date with the provision table: call it after
 * flushing a change, with the same (transactional) entity manager. Ids of removed provisions are fine: their
 * rows go (the foreign keys also cascade).
 */
export async function refreshProvisionIndex(
  em: EntityManager,
  provisionIds: readonly number[],
): Promise<void> {
  const ids = [...new Set(provisionIds)];
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
    const list = inList(chunk);
    for (const table of indexTables(em)) {
      await em.execute(`delete from "${table}" where "provision_id" in ${list.sql}`, list.params, 'run');
    }
    const sources = await em.execute<ProvisionSource[]>(
      `select ${SOURCE_COLUMNS} from "provision" p where p."id" in ${list.sql}`,
      list.params,
    );
    await writeRows(em, sources);
  }
}

/** Rebuilds both indexes for every provision (after a migration that changes how they are built). */
export async function rebuildProvisionIndex(em: EntityManager): Promise<number> {
  for (const table of indexTables(em)) await em.execute(`delete from "${table}"`, [], 'run');
  let after = 0;
  let count = 0;
  for (;;) {
    const sources = await em.execute<ProvisionSource[]>(
      `select ${SOURCE_COLUMNS} from "provision" p where p."id" > ? order by p."id" limit ${IDS_PER_STATEMENT}`,
      [after],
    );
    if (!sources.length) return count;
    await writeRows(em, sources);
    count += sources.length;
    after = Number(sources[sources.length - 1].id);
  }
}

/** On SQLite the band keys are an FTS5 table that a trigger on provision_signature empties. */
function indexTables(em: EntityManager): string[] {
  const tables = ['provision_search', 'provision_signature'];
  return databaseDriver(em) === 'postgresql' ? [...tables, 'provision_band'] : tables;
}

async function writeRows(em: EntityManager, sources: ProvisionSource[]): Promise<void> {
  const documents: unknown[][] = [];
  const signatures: unknown[][] = [];
  const bands: [number, number[]][] = [];
  for (const source of sources) {
    const id = Number(source.id);
    const document = searchDocument(source);
    documents.push([id, document.title, document.body]);
    const print = fingerprint(comparisonText(source));
    if (!print) continue;
    signatures.push([id, print.words, signatureToBytes(print.signature)]);
    bands.push([id, print.bandKeys]);
  }
  await insertRows(em, 'provision_search', ['provision_id', 'title', 'body'], documents);
  await insertRows(em, 'provision_signature', ['provision_id', 'words', 'signature'], signatures);
  await insertBands(em, bands);
}

/**
 * PostgreSQL: one (band_key, provision_id) row per band, sent as one JSON array per statement (far cheaper than
 * two parameters per row). SQLite: one FTS5 row per provision whose tokens are its band keys.
 */
async function insertBands(em: EntityManager, bands: [number, number[]][]): Promise<void> {
  if (databaseDriver(em) === 'sqlite') {
    const rows = bands.map(([id, keys]) => [id, keys.map(bandKeyToken).join(' ')]);
    return insertRows(em, 'provision_band', ['rowid', 'band_keys'], rows);
  }
  const pairs = bands.flatMap(([id, keys]) => [...new Set(keys)].map((key) => [key, id]));
  for (let start = 0; start < pairs.length; start += BANDS_PER_INSERT) {
    const chunk = pairs.slice(start, start + BANDS_PER_INSERT);
    await em.execute(
      `insert into "provision_band" ("band_key", "provision_id")
       select (e ->> 0)::bigint, (e ->> 1)::int from jsonb_array_elements(?::jsonb) e`,
      [JSON.stringify(chunk)],
      'run',
    );
  }
}

async function insertRows(em: EntityManager, table: string, columns: string[], rows: unknown[][]) {
  const placeholders = `(${columns.map(() => '?').join(', ')})`;
  const names = columns.map((c) => `"${c}"`).join(', ');
  for (let start = 0; start < rows.length; start += ROWS_PER_INSERT) {
    const chunk = rows.slice(start, start + ROWS_PER_INSERT);
    await em.execute(
      `insert into "${table}" (${names}) values ${chunk.map(() => placeholders).join(', ')}`,
      chunk.flat(),
      'run',
    );
  }
}
