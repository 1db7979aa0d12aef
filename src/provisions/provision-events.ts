/**
 * Emitted (and awaited) by an import before it takes the database's writer (`import tota`: for the next file, while
 * the file before it is written), with the indexed columns of the
 * provisions it is about to write: listeners elsewhere (search's index rows) may do their share of the work ahead,
 * outside the transaction, so that the import holds the writer for its writes only. `PROVISIONS_WRITTEN` follows
 * once the import is over, written or not, for them to let go of what was not used.
 */
export const PROVISIONS_WRITING = 'provisions.writing';
export const PROVISIONS_WRITTEN = 'provisions.written';

/** A provision's columns as it is about to be written (a record's: titles and labels in title form). */
export interface ProvisionColumns {
  chapterTitle?: string | null;
  sectionTitle?: string | null;
  articleNumber?: string | null;
  articleTitle?: string | null;
  text?: string | null;
  summary?: string | null;
}

export interface ProvisionsWriting {
  provisions: readonly ProvisionColumns[];
  /**
   * How long a listener may hold the event loop at a time (default 20 ms): short when the work fills the time an
   * import waits on the database for the file before (`import tota`), so that the file's statements are not
   * kept waiting behind it.
   */
  turnEveryMs?: number;
}
