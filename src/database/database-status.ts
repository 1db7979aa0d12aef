import { Injectable } from '@nestjs/common';
import { parseDatabaseUrl } from '../config';
import { engineFor } from './engines/engines';

/** The database as an operator reads it in a message: the SQLite file, the PostgreSQL URL without password. */
export function describeDatabase(url?: string): string {
  const db = parseDatabaseUrl(url);
  return engineFor(db.driver).describe(db.target);
}

/** What the start-up checks found: whether the database takes writes (a read-only file or server does not). */
@Injectable()
export class DatabaseStatus {
  writable = true;
  problem: string | null = null;

  markReadOnly(problem: string): void {
    this.writable = false;
    this.problem = problem;
  }
}
