import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './common/paths';
import { withConfigurationTable } from './config-doc';
import bytes from 'bytes';
import { bodyLimitBytes } from './app.setup';
import { checkEnvironment, ENVIRONMENT, environmentProblems, setting } from './config';

describe('configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('the README lists every variable as src/config.ts does (npm run config:doc)', () => {
    const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(withConfigurationTable(readme)).toBe(readme);
  });

  it('names every bad value, and stops start-up on one', () => {
    process.env.PORT = 'abc';
    process.env.PUBLIC_READ = 'yes';
    process.env.REQUEST_TIMEOUT_MS = '0';
    process.env.PUBLIC_URL = 'not a url';
    expect(environmentProblems()).toEqual([
      'PORT="abc" must be a number',
      'PUBLIC_URL="not a url" must be an http(s) URL',
      'PUBLIC_READ="yes" must be true or false',
      'REQUEST_TIMEOUT_MS="0" must be at least 1',
    ]);
    expect(() => checkEnvironment()).toThrow(/PORT="abc"/);
    expect(() => setting('PUBLIC_READ')).toThrow('configuration: PUBLIC_READ="yes" must be true or false');
  });

  // body-parser throws on a size it cannot parse, after start-up began: a typo must be named with the others.
  it('refuses a DATABASE_URL of another scheme at start, and never prints the password of a URL it refuses', () => {
    process.env.DATABASE_URL = 'mysql://clauses:s3cret-pw@db.example.org:3306/clauses';
    process.env.REDIS_URL = 'http://:redis-s3cret@cache.example.org:6379';
    const problems = environmentProblems().join('; ');
    expect(problems).toContain(
      'DATABASE_URL="mysql://clauses:***@db.example.org:3306/clauses" must start with',
    );
    expect(problems).toContain('REDIS_URL="http://:***@cache.example.org:6379" must be a redis://');
    expect(problems).not.toContain('s3cret');
    delete process.env.REDIS_URL;
    for (const good of ['sqlite:data/x.sqlite', 'postgresql://u:p@h:5432/db', 'postgres://u@h/db']) {
      process.env.DATABASE_URL = good;
      expect(environmentProblems()).toEqual([]);
    }
    process.env.DATABASE_URL = 'sqlite:';
    expect(environmentProblems().join()).toContain('DATABASE_URL="sqlite:" needs a file path');
  });

  it('takes PUBLIC_URL only over http(s), and CORS_ORIGINS only as origins (a browser sends no path or slash)', () => {
    process.env.PUBLIC_URL = 'ftp://clauses.example.org';
    process.env.CORS_ORIGINS = 'https://app.example.org/, https://ok.example.org,app.example.org';
    const problems = environmentProblems().join('; ');
    expect(problems).toContain('PUBLIC_URL="ftp://clauses.example.org" must be an http(s) URL');
    expect(problems).toContain('CORS_ORIGINS=');
    expect(problems).toContain('"https://app.example.org/", "app.example.org" are not origins');
    process.env.PUBLIC_URL = 'https://clauses.example.org';
    process.env.CORS_ORIGINS = 'https://app.example.org, http://localhost:5173';
    expect(environmentProblems()).toEqual([]);
  });

  it('takes BODY_LIMIT only as a size body-parser reads (bytes, kb, mb, gb)', () => {
    for (const good of ['1mb', '512kb', '2MB', '1.5mb', '100000', '10 kb', '1gb']) {
      process.env.BODY_LIMIT = good;
      expect(environmentProblems()).toEqual([]);
    }
    // A number past the safe integers (10000pb) was taken, and then read as another number of bytes.
    for (const bad of ['lots', '1 megabyte', '-1mb', 'mb', '1m', '1.5', '10000pb']) {
      process.env.BODY_LIMIT = bad;
      expect(environmentProblems()).toEqual([
        `BODY_LIMIT="${bad}" must be a size such as 1mb, 512kb or 100000 (bytes)`,
      ]);
    }
  });

  it('reads BODY_LIMIT in bytes once, as body-parser reads its limit (the bytes package): what a page names is what it enforces', () => {
    for (const [text, expected] of [
      ['1mb', 1_048_576],
      ['512kb', 524_288],
      ['2MB', 2_097_152],
      ['1.5mb', 1_572_864],
      ['100000', 100_000],
      ['10 kb', 10_240],
      ['1gb', 1_073_741_824],
    ] as const) {
      process.env.BODY_LIMIT = text;
      expect({ text, bytes: bodyLimitBytes() }).toEqual({ text, bytes: expected });
      expect(bytes.parse(text)).toBe(expected);
    }
  });

  it('gives typed values and the defaults when a variable is unset or empty', () => {
    delete process.env.RATE_LIMIT_PER_KEY;
    process.env.PUBLIC_READ = '';
    process.env.MAX_QUERY_DEPTH = '20';
    expect(setting('RATE_LIMIT_PER_KEY')).toBe(600);
    expect(setting('PUBLIC_READ')).toBe(true);
    expect(setting('MAX_QUERY_DEPTH')).toBe(20);
    // Read again once the environment changes (tests and operators change it between applications).
    process.env.MAX_QUERY_DEPTH = '30';
    expect(setting('MAX_QUERY_DEPTH')).toBe(30);
    process.env.MAX_QUERY_DEPTH = 'deep';
    expect(() => setting('MAX_QUERY_DEPTH')).toThrow('MAX_QUERY_DEPTH="deep" must be a number');
  });

  it('every environment variable the code reads is declared, typed and documented in src/config.ts', () => {
    const { execFileSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process');
    const found = execFileSync('grep', ['-rlE', 'process\\.env\\.[A-Z_]+', 'src', '--include=*.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((file) => file && !file.endsWith('.spec.ts'));
    const named = new Set(Object.keys(ENVIRONMENT));
    for (const file of found) {
      const source = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      for (const [, name] of source.matchAll(/process\.env\.([A-Z_]+)/g))
        expect([file, named.has(name)]).toEqual([file, true]);
    }
  });

  it('only src/config.ts reads the environment: everything else calls setting()', () => {
    const { execFileSync } = jest.requireActual<typeof import('node:child_process')>('node:child_process');
    const readers = execFileSync('grep', ['-rnE', 'process\\.env(\\.[A-Z_]+|\\[)', 'src', '--include=*.ts'], {
      cwd: PROJECT_ROOT,
      encoding: 'utf8',
    })
      .split('\n')
      .filter((line) => line && !/^src\/config\.ts:|\.spec\.ts:/.test(line))
      // Setting a variable (before anything reads it) is not reading one.
      .filter((line) => !/process\.env\.[A-Z_]+ = /.test(line));
    expect(readers).toEqual([]);
  });
});
