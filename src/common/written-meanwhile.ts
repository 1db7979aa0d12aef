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

/** What the row the other write took is: its table and key in words, from either driver's error. */
function takenKey(error: DriverError): string | null {
  if (error.code === PG_UNIQUE_VIOLATION) {
    const table = typeof error.table === 'string' ? error.table.replaceAll('_', ' ') : 'row';
    const detail = typeof error.detail === 'string' ? PG_DETAIL.exec(error.detail) : null;
    return detail ? `${table} with ${detail[1]} "${shown(detail[2])}"` : `${table} with the same key`;
  }
  const sqlite = typeof error.message === 'string' ? SQLITE_UNIQUE.exec(error.message) : null;
  if (!sqlite) return null;
  const columns = sqlite[1].split(', ').map((c) => c.split('.'));
  return `${columns[0][0].replaceAll('_', ' ')} with the same ${columns.map((c) => c[1]).join(', ')}`;
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
        `another write (a request or an import) made the same ${key ?? 'row'} at the same moment; nothing of this one was written: try again (it will find the other's)`,
        { refusal: 'changed' },
      );
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}
