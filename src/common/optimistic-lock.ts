import { OptimisticLockError } from '@mikro-orm/core';
import { ConflictError } from './errors';

/** CONFLICT when the client's version is not the current one; the current version travels in the error. */
export function checkVersion(entity: { version: number }, expected: number, what: string): void {
  if (entity.version !== expected) {
    throw new ConflictError(
      `${what} has changed since you read it: you sent version ${expected}, it is now at version ${entity.version}; read it again`,
      { refusal: 'changed', currentVersion: entity.version },
    );
  }
}

/**
 * Runs a versioned write; if another request updated the row between our read and our write (the UPDATE
 * matched no row at the version we read), answers CONFLICT with the version now stored.
 */
export async function writeOrConflict<T>(
  what: string,
  write: () => Promise<T>,
  currentVersion: () => Promise<number | null>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof OptimisticLockError)) throw error;
    const version = await currentVersion();
    throw new ConflictError(`${what} was changed by another request at the same time; read it again`, {
      refusal: 'changed',
      currentVersion: version,
    });
  }
}
