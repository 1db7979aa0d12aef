import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { ConflictError, shown } from './errors';

/** PostgreSQL's unique_violation; SQLite says it in words (its code, SQLITE_CONSTRAINT, is every constraint's). */
const PG_UNIQUE_VIOLATION = '23505';
const SQLITE_UNIQUE = /UNIQUE constraint failed: ([\w.]+(?:, [\w.]+)*)/;
/** PostgreSQL's detail of a unique violation: `Key (agreement_id, key)=(12, art-1) already exists.` */
const PG_DETAIL = /^Key \((.+?)\)=\((.*)\) already exists\.?$/s;

interface DriverError {
  code?: unknown;
  message?: unknown;
  detail?: unknown;
  table?: unknown;
}

/**
 * The key in words: columns that hold another row's id are named by that row ("agreement", not "agreement_id") and
 * their values left out (an internal id tells the user nothing); other columns' values are shown when known.
 */
function keyInWords(table: string, columns: string[], values: string[] | null): string {
  const named = columns.map((column, i) => {
    const reference = column.endsWith('_id');
    const name = (reference ? column.slice(0, -'_id'.length) : column).replaceAll('_', ' ');
    return values && !reference ? `${name} "${shown(values[i])}"` : name;
  });
  const list =
    named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : named[0];
  const row = table.replaceAll('_', ' ');
  return `${/^[aeiou]/.test(row) ? 'an' : 'a'} ${row} with the same ${list}`;
}

/** What the row the other write took is: its table and key in words, from either driver's error. */
function takenKey(error: DriverError): string | null {
  if (error.code === PG_UNIQUE_VIOLATION) {
    const table = typeof error.table === 'string' ? error.table : 'row';
    const detail = typeof error.detail === 'string' ? PG_DETAIL.exec(error.detail) : null;
    if (!detail) return keyInWords(table, ['key'], null);
    const columns = detail[1].split(', ');
    const values = detail[2].split(', ');
    return keyInWords(table, columns, values.length === columns.length ? values : null);
  }
  const sqlite = typeof error.message === 'string' ? SQLITE_UNIQUE.exec(error.message) : null;
  if (!sqlite) return null;
  const columns = sqlite[1].split(', ').map((c) => c.split('.'));
  return keyInWords(
    columns[0][0],
    columns.map((c) => c[1]),
    null,
  );
}

/**
 * The refusal of a write that lost a race: two requests (or imports) that each found no agreement with a slug, no
 * provision with a key, and each inserted it; the database's unique index refuses the second, whose transaction is
 * rolled back whole. It was answered INTERNAL_SERVER_ERROR on PostgreSQL (a create sent twice at once: a form
 * submitted twice, a client retrying), and an import's failure quoted the whole INSERT statement; SQLite takes
 * writes one at a time (`BEGIN IMMEDIATE`), so there the second finds the first's row and says so itself. Null for
 * any other error (a NOT NULL, foreign-key or check constraint failed is a fault of the service, not a race).
 */
export function writtenMeanwhile(error: unknown): ConflictError | null {
  for (let cause = error, depth = 0; cause && typeof cause === 'object' && depth < 5; depth++) {
    const key = takenKey(cause as DriverError);
    if (key || cause instanceof UniqueConstraintViolationException)
      return new ConflictError(
        `another write (a request or an import) made ${key ?? 'a row with the same key'} at the same moment; nothing of this one was written: try again (it will find the other's)`,
        { refusal: 'changed' },
      );
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}
