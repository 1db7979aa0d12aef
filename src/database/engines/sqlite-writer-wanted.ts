import { closeSync, fchmodSync, fstatSync, ftruncateSync, openSync, statSync, writeSync } from 'node:fs';

/** What the sign's file is called: the database file's name followed by this, as SQLite names its `-wal`. */
export const WRITER_WANTED_SUFFIX = '-writer-wanted';

/** The sign's length at which a refused writer empties it rather than lengthen it. */
const SIGN_MOST_BYTES = 4096;

/** A database that no other process can open: nobody else can want its writer. */
const inMemory = (database: string): boolean =>
  database === ':memory:' ||
  database === '' ||
  /^file::memory:/.test(database) ||
  /^file:[^?]*\?(.*&)?mode=memory(&|$)/.test(database);

/**
 * The sign by which a writer refused SQLite's writer (`takingTheWriter`) tells a run of many transactions
 * (`WriterTurns`) that another process waits: a file beside the database, `<database>-writer-wanted`, one byte
 * longer at each refusal (emptied once it reaches 4 KB), so that its length and modification time change at every
 * one, whatever the file system's clock granularity. The run compares what it reads with what it read at its last
 * turn: a stat, no read of the file. It is created with the database file's permissions, as SQLite creates its
 * `-wal` and `-shm` (the folder must already be writable for those), so that every user who may write the database
 * may raise it. Best effort: a sign that cannot be made never fails the write that raises it (`raise` answers
 * false), and a sign that cannot be read counts as raised (the run then gives its turns as it did before).
 * A database in memory has no sign: no other process can open it.
 */
export class WriterWantedSign {
  /** The sign's file, or null for a database in memory. */
  readonly path: string | null;

  constructor(private readonly database: string) {
    this.path = inMemory(database) ? null : `${database}${WRITER_WANTED_SUFFIX}`;
  }

  /** Tells that a writer waits; false when the sign could not be made (never throws). */
  raise(): boolean {
    if (!this.path) return false;
    let fd: number | undefined;
    try {
      fd = this.open(this.path);
      if (fstatSync(fd).size >= SIGN_MOST_BYTES) ftruncateSync(fd, 0);
      else writeSync(fd, '.');
      return true;
    } catch {
      return false;
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /**
   * What the sign is now, which changes at every `raise`: null when none was ever raised (or the database is in
   * memory); `undefined` when it cannot be read (a reader must then suppose a writer waits).
   */
  read(): string | null | undefined {
    if (!this.path) return null;
    try {
      const sign = statSync(this.path, { bigint: true, throwIfNoEntry: false });
      return sign ? `${sign.ino}:${sign.size}:${sign.mtimeNs}` : null;
    } catch {
      return undefined;
    }
  }

  /** The sign's file for appending, made with the database file's permissions when it is not there yet. */
  private open(path: string): number {
    let fd: number;
    try {
      fd = openSync(path, 'ax');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      return openSync(path, 'a');
    }
    try {
      fchmodSync(fd, statSync(this.database).mode & 0o777);
    } catch {
      // The umask's permissions, then: the sign is still raised for this user.
    }
    return fd;
  }
}
