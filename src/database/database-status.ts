import { Injectable } from '@nestjs/common';
import { parseDatabaseUrl } from '../config';

/** The database as an operator reads it in a message: the SQLite file, or the PostgreSQL URL without password. */
export function describeDatabase(url?: string): string {
  const db = parseDatabaseUrl(url);
  if (db.driver === 'sqlite') return `SQLite database ${db.target}`;
  try {
    const parsed = new URL(db.target);
    if (parsed.password) parsed.password = '***';
    return `PostgreSQL database ${parsed.toString()}`;
  } catch {
    return 'PostgreSQL database (an unreadable URL)';
  }
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
