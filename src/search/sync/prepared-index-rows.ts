import {
  comparisonText,
  Fingerprint,
  fingerprint,
  ProvisionSource,
  SearchDocument,
  searchDocument,
} from './provision-index-rows';

/** A provision's search document and fingerprint, computed ahead of its write. */
export interface PreparedRows {
  document: SearchDocument;
  fingerprint: Fingerprint | null;
}

type IndexedColumns = Omit<ProvisionSource, 'id'>;

/**
 * Index rows computed before an import takes the database's writer (`prepareIndexRows`, on PROVISIONS_WRITING),
 * taken by the flush that writes the provision (`preparedRows`, in `refreshProvisionIndex`). Keyed by the indexed
 * columns themselves: the rows are a pure function of them, so a provision written with other values than those
 * announced simply finds nothing and is computed as before.
 */
const prepared = new Map<string, { rows: PreparedRows; announced: number }>();

/** The key of a provision's indexed columns (null and empty read the same to both indexes; NUL is never stored). */
function keyOf(columns: IndexedColumns): string {
  return [
    columns.chapter_title,
    columns.section_title,
    columns.article_number,
    columns.article_title,
    columns.text,
    columns.summary,
  ]
    .map((value) => value ?? '')
    .join('\u0000');
}

/** Computes the rows of these provisions ahead, giving the event loop a turn every `turnEveryMs` (20 ms). */
export async function prepareIndexRows(
  provisions: readonly IndexedColumns[],
  turnEveryMs = 20,
): Promise<void> {
  let since = performance.now();
  for (const columns of provisions) {
    // Provisions with the same columns (a clause two agreements share, announced for the next file while the one
    // before is written) have the same rows: computed once, taken as many times as announced.
    const key = keyOf(columns);
    const held = prepared.get(key);
    if (held) {
      held.announced++;
      continue;
    }
    const source = { id: 0, ...columns };
    prepared.set(key, {
      rows: { document: searchDocument(source), fingerprint: fingerprint(comparisonText(source)) },
      announced: 1,
    });
    if (performance.now() - since > turnEveryMs) {
      await new Promise((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

/**
 * The rows computed ahead for a provision with these columns, taken (each as many times as provisions with them were
 * announced), or undefined.
 */
export function preparedRows(source: ProvisionSource): PreparedRows | undefined {
  if (!prepared.size) return undefined;
  const key = keyOf(source);
  const held = prepared.get(key);
  if (held && --held.announced === 0) prepared.delete(key);
  return held?.rows;
}

/** Lets go of every row computed ahead and not used (an import refused, rolled back, or writing other values). */
export function forgetPreparedRows(): void {
  prepared.clear();
}
