import { DatabaseConfig } from '../../src/config';

/** BENCH_DATABASE: a SQLite file, or a PostgreSQL URL (`postgresql://...`) holding the same import. */
export const benchDatabase = (value: string): DatabaseConfig =>
  /^postgres(ql)?:\/\//.test(value)
    ? { driver: 'postgresql', target: value }
    : { driver: 'sqlite', target: value };
