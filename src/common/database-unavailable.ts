import { ConnectionException, LockWaitTimeoutException } from '@mikro-orm/core';
import { DomainError, ErrorCode } from './errors';

/** Seconds a client is asked to wait before trying again when the database cannot serve. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Node's codes for a server that cannot be reached or dropped the connection. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLite's file held by another process's writer past the busy timeout, as the driver raises it: MikroORM wraps it
 * (LockWaitTimeoutException) for its own statements, not for one sent through Knex (`writeInTransaction`: a
 * provision's lock, which createAnnotation answered 200 INTERNAL_SERVER_ERROR beside an import until 6 December 2026).
 */
const BUSY_CODES = new Set(['SQLITE_BUSY']);

/**
 * PostgreSQL's SQLSTATEs of a server that cannot serve now: connection exceptions (class 08), too many
 * connections, a server shutting down or starting up.
 */
const UNAVAILABLE_SQLSTATE = /^(08[0-9A-Z]{3}|53300|57P0[1-3])$/;

/** What the drivers say when the connection itself is gone (pg, knex's pool). */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|not currently accepting connections|Timeout acquiring a connection|is not queryable|Not connected to database/i;

/**
 * A database with no room to write: SQLite's SQLITE_FULL (the disk, or the file's page limit), PostgreSQL's
 * disk_full (53100). Nothing is wrong with the request, and the write was rolled back whole; it may be taken once the
 * operator makes room. Until 6 December 2026 a write on a full disk answered 200 with INTERNAL_SERVER_ERROR.
 */
const FULL_CODES = new Set(['SQLITE_FULL', '53100']);
const FULL_MESSAGE = /SQLITE_FULL|database or disk is full|No space left on device/i;

/**
 * An error's code, message and name, whatever made it: a native driver's error (sqlite3's) is an Error of the
 * process's first realm, which `instanceof Error` does not recognise in another (Jest's).
 */
function errorParts(error: unknown): { code?: unknown; message: string; name?: unknown } | null {
  if (typeof error !== 'object' || error === null) return null;
  const { message } = error as { message?: unknown };
  return typeof message === 'string' ? (error as { code?: unknown; message: string; name?: unknown }) : null;
}

function isFull(error: unknown): boolean {
  const parts = errorParts(error);
  if (!parts) return false;
  return (typeof parts.code === 'string' && FULL_CODES.has(parts.code)) || FULL_MESSAGE.test(parts.message);
}

function isUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionException || error instanceof LockWaitTimeoutException) return true;
  const parts = errorParts(error);
  if (!parts) return false;
  const { code } = parts;
  if (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || BUSY_CODES.has(code) || UNAVAILABLE_SQLSTATE.test(code))
  )
    return true;
  return parts.name === 'KnexTimeoutError' || UNAVAILABLE_MESSAGE.test(parts.message);
}

/**
 * The refusal to answer for an error of a database that cannot serve now (down, unreachable, restarting, out of
 * connections, an SQLite file locked past the busy timeout, or no room left to write), or null for any other error. The client gets 503
 * SERVICE_UNAVAILABLE with Retry-After rather than a 500 INTERNAL_SERVER_ERROR: nothing is wrong with its request
 * and trying again later may work. The transports log the original error for the operator.
 */
export function databaseUnavailable(error: unknown): DomainError | null {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    if (isFull(cause))
      return new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'The database has no room to write (its disk is full): nothing was written; try again later',
        { retryAfter: DATABASE_RETRY_AFTER_SECONDS },
      );
    if (isUnavailable(cause)) {
      return new DomainError(
        ErrorCode.SERVICE_UNAVAILABLE,
        'The database cannot serve the request now (unreachable, restarting or busy); try again in a moment',
        { retryAfter: DATABASE_RETRY_AFTER_SECONDS },
      );
    }
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}
