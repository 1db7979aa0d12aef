import { resolve } from 'node:path';
import { PROJECT_ROOT } from './common/paths';

export type DatabaseDriver = 'sqlite' | 'postgresql';

export interface DatabaseConfig {
  driver: DatabaseDriver;
  /** SQLite file path (or :memory:) or PostgreSQL connection URL. */
  target: string;
}

export const DEFAULT_DATABASE_URL = 'sqlite:data/clause-tracker.sqlite';

/** Reads DATABASE_URL: `sqlite:<path>` (relative to the project) or `postgresql://...`. */
export function parseDatabaseUrl(
  url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length);
    if (!file)
      throw new Error('DATABASE_URL "sqlite:" needs a file path, e.g. sqlite:data/clause-tracker.sqlite');
    return { driver: 'sqlite', target: file === ':memory:' ? file : resolve(PROJECT_ROOT, file) };
  }
  if (/^postgres(ql)?:\/\//.test(url)) return { driver: 'postgresql', target: url };
  throw new Error(`DATABASE_URL must start with sqlite: or postgresql:// (got "${url}")`);
}

export function port(): number {
  const value = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new Error(`PORT must be a port number`);
  return value;
}

export const isProduction = (): boolean => process.env.NODE_ENV === 'production';
export const isDevelopment = (): boolean => process.env.NODE_ENV === 'development';

/**
 * The service's own address, for absolute links (XLSX cells cannot link relatively): PUBLIC_URL, else
 * http://localhost:PORT. Never the request's Host header, which the client chooses.
 */
export const publicUrl = (): string =>
  (process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? '3000'}`).replace(/\/+$/, '');
