import { EntityManager } from '@mikro-orm/knex';
import { dialectOf } from '../engine/dialects';
import { ProvisionBands } from '../engine/search-dialect';
import {
  deleteAllIndexRows,
  deleteIndexRows,
  insertRows,
  provisionSources,
  provisionSourcesAfter,
} from '../repository/provision-index.repository';
import {
  comparisonText,
  fingerprint,
  ProvisionSource,
  searchDocument,
  signatureToBytes,
} from './provision-index-rows';
import { PreparedRows, preparedRows } from './prepared-index-rows';

const IDS_PER_STATEMENT = 500;

/**
 * Brings the search rows (provision_search, which the full-text index follows) and the similarity rows
 * (provision_signature, the band keys) of these provisions up to date with the provision table: call it after
 * flushing a change, with the same (transactional) entity manager. Ids of removed provisions are fine: their
 * rows go (the foreign keys also cascade). `held`: the indexed columns of some of these provisions as they were
 * just written (a flush's new rows), which are then not read back; the rows are written in id order either way.
 */
export async function refreshProvisionIndex(
  em: EntityManager,
  provisionIds: readonly number[],
  held: readonly ProvisionSource[] = [],
): Promise<void> {
  const ids = [...new Set(provisionIds)];
  const known = new Map(held.map((source) => [Number(source.id), source]));
  const { indexTables } = dialectOf(em);
  for (let start = 0; start < ids.length; start += IDS_PER_STATEMENT) {
    const chunk = ids.slice(start, start + IDS_PER_STATEMENT);
    for (const table of indexTables) await deleteIndexRows(em, table, chunk);
    await writeRows(em, await sourcesOf(em, chunk, known));
  }
}

/** The sources of these provisions: the ones held, and the others read; in id order (as SQLite reads them). */
async function sourcesOf(
  em: EntityManager,
  ids: number[],
  known: Map<number, ProvisionSource>,
): Promise<ProvisionSource[]> {
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === ids.length) return provisionSources(em, ids);
  const read = missing.length ? await provisionSources(em, missing) : [];
  const held = ids.filter((id) => known.has(id)).map((id) => known.get(id)!);
  return [...read, ...held].sort((a, b) => Number(a.id) - Number(b.id));
}

/** Rebuilds both indexes for every provision (after a migration that changes how they are built). */
export async function rebuildProvisionIndex(em: EntityManager): Promise<number> {
  for (const table of dialectOf(em).indexTables) await deleteAllIndexRows(em, table);
  let after = 0;
  let count = 0;
  for (;;) {
    const sources = await provisionSourcesAfter(em, after, IDS_PER_STATEMENT);
    if (!sources.length) return count;
    await writeRows(em, sources);
    count += sources.length;
    after = Number(sources[sources.length - 1].id);
  }
}

/**
 * Writes the search rows first and computes the similarity rows (MinHash, the costly part on this side) while the
 * database takes them: the full-text index is built by the database as the rows arrive, so the two overlap.
 */
async function writeRows(em: EntityManager, sources: ProvisionSource[]): Promise<void> {
  // Rows an import computed before taking the writer (prepared-index-rows.ts), else computed here.
  const ahead = sources.map((source) => preparedRows(source));
  const documents = sources.map((source, i) => {
    const document = ahead[i]?.document ?? searchDocument(source);
    return [Number(source.id), document.title, document.body];
  });
  const [, { signatures, bands }] = await Promise.all([
    insertRows(em, 'provision_search', ['provision_id', 'title', 'body'], documents),
    afterStatementsStarted().then(() => similarityRows(sources, ahead)),
  ]);
  await insertRows(em, 'provision_signature', ['provision_id', 'words', 'signature'], signatures);
  await dialectOf(em).writeBands(em, bands);
}

function similarityRows(
  sources: ProvisionSource[],
  ahead: readonly (PreparedRows | undefined)[],
): { signatures: unknown[][]; bands: ProvisionBands[] } {
  const signatures: unknown[][] = [];
  const bands: ProvisionBands[] = [];
  for (const [i, source] of sources.entries()) {
    const print = ahead[i] ? ahead[i].fingerprint : fingerprint(comparisonText(source));
    if (!print) continue;
    const id = Number(source.id);
    signatures.push([id, print.words, signatureToBytes(print.signature)]);
    bands.push([id, print.bandKeys]);
  }
  return { signatures, bands };
}

/** Resolves once the statements already called have reached the driver (they start in promise callbacks). */
const afterStatementsStarted = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
