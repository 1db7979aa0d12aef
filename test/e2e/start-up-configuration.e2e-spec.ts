import { spawn, SpawnOptionsWithStdioTuple, spawnSync, StdioNull, StdioPipe } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RUN_TS } from '../support/run-ts';
import { copySqliteTemplate, postgresServer, templateDatabase } from '../support/template-database';

// The README: "a bad value stops the server and the command line at start, naming each bad variable
// (`PORT="abc" must be a number`)". The server must say so as the command line does: the message, no stack trace.
describe('the server with a bad configuration', () => {
  it('prints each bad variable on one line, with no stack trace, and exits 1, before loading the application', () => {
    // The settings are checked before the application's modules are loaded (seconds of CPU): a hook says at exit
    // whether the application's root module was loaded.
    const dir = mkdtempSync(join(tmpdir(), 'bad-configuration-'));
    const hook = join(dir, 'application-loaded.js');
    writeFileSync(
      hook,
      `process.on('exit', () => { if (Object.keys(require.cache).some((file) => file.endsWith('app.module.ts')))
        process.stdout.write('the application was loaded'); });`,
    );
    const result = spawnSync(process.execPath, [...RUN_TS, '-r', hook, 'src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: {
        ...process.env,
        PORT: 'abc',
        BODY_LIMIT: 'lots',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
    rmSync(dir, { recursive: true, force: true });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^configuration: /);
    expect(lines[0]).toContain('PORT="abc" must be a number');
    expect(lines[0]).toContain('BODY_LIMIT="lots"');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

// The README (Hardening, start-up): "Errors name the SQLite file or the PostgreSQL URL (password masked)". An
// operator reads them in a log: one line, exit status 1, not an unhandled rejection's stack trace around it.
describe('a start that fails on the database or the port', () => {
  const root = join(__dirname, '..', '..');
  let dir: string;
  const file = () => join(dir, 'not-a-directory', 'db.sqlite');
  // The port's start opens its database first: a copy of the run's SQLite template when there is one (nothing
  // left to migrate or load), else a new file.
  const portDatabase = () => {
    const database = join(dir, 'port.sqlite');
    const template = postgresServer() ? null : templateDatabase();
    if (template) copySqliteTemplate(template, database);
    return database;
  };
  let port: number;
  let results: { server: Started; cli: Started; portInUse: Started; mistyped: Started; mistypedCli: Started };
  // A mistyped path (a folder that does not exist): SQLite would make it and a catalogue of the fixtures alone.
  const mistyped = () => join(dir, 'typo', 'catalogue.sqlite');

  const start = (script: string, args: string[], env: Record<string, string>): Promise<Started> =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [...RUN_TS, script, ...args], {
        cwd: root,
        env: {
          ...process.env,
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 180_000);
      child.on('close', (status) => (clearTimeout(timer), resolve({ status, stderr })));
    });

  // The three starts run at once (each loads the application, a few seconds).
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'start-up-'));
    writeFileSync(join(dir, 'not-a-directory'), '');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    port = (taken.address() as AddressInfo).port;
    try {
      const [server, cli, portInUse, mistypedServer, mistypedCli] = await Promise.all([
        start('src/main.ts', [], { DATABASE_URL: `sqlite:${file()}`, PORT: '0' }),
        start('src/cli.ts', ['keys', 'list'], { DATABASE_URL: `sqlite:${file()}` }),
        start('src/main.ts', [], {
          DATABASE_URL: `sqlite:${portDatabase()}`,
          DATABASE_CREATE: 'true',
          PORT: String(port),
        }),
        start('src/main.ts', [], {
          DATABASE_URL: `sqlite:${mistyped()}`,
          DATABASE_CREATE: 'false',
          PORT: '0',
        }),
        start('src/cli.ts', ['keys', 'list'], {
          DATABASE_URL: `sqlite:${mistyped()}`,
          DATABASE_CREATE: 'false',
        }),
      ]);
      results = { server, cli, portInUse, mistyped: mistypedServer, mistypedCli };
    } finally {
      await new Promise((resolve) => taken.close(resolve));
    }
  }, 200_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const oneLine = (stderr: string): string => {
    expect(stderr).not.toMatch(/\n\s+at /);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    return lines[0];
  };

  it('the server names the SQLite file it cannot open on one line and exits 1', () => {
    expect(results.server.status).toBe(1);
    expect(oneLine(results.server.stderr)).toMatch(
      new RegExp(`^start-up: .*${file().replace(/[.]/g, '\\.')}`),
    );
  });

  it('the command line names the SQLite file it cannot open on one line and exits 1', () => {
    expect(results.cli.status).toBe(1);
    expect(oneLine(results.cli.stderr)).toMatch(new RegExp(`^keys: .*${file().replace(/[.]/g, '\\.')}`));
  });

  it('the server and the command line refuse a SQLite file that does not exist, naming it, and make nothing', () => {
    const said = `SQLite database ${mistyped()} does not exist: check the path in DATABASE_URL, or start with DATABASE_CREATE=true to create it`;
    expect(results.mistyped.status).toBe(1);
    expect(oneLine(results.mistyped.stderr)).toBe(`start-up: ${said}`);
    expect(results.mistypedCli.status).toBe(1);
    expect(oneLine(results.mistypedCli.stderr)).toBe(`keys: ${said}`);
    expect(existsSync(join(dir, 'typo'))).toBe(false);
  });

  it('the server says which port is in use on one line and exits 1', () => {
    expect(results.portInUse.status).toBe(1);
    expect(oneLine(results.portInUse.stderr)).toBe(
      `start-up: port ${port} is already in use (PORT): another process is listening on it`,
    );
  });
});

interface Started {
  status: number | null;
  stderr: string;
}

/**
 * How the tests below start a server (or `npm start`): on a new SQLite file in `dir` (made, DATABASE_CREATE), any
 * free port, logs at info.
 */
const serverOptions = (dir: string): SpawnOptionsWithStdioTuple<StdioNull, StdioPipe, StdioPipe> => ({
  cwd: join(__dirname, '..', '..'),
  env: {
    ...process.env,
    LOG_LEVEL: 'info',
    PORT: '0',
    DATABASE_URL: `sqlite:${join(dir, 'db.sqlite')}`,
    DATABASE_CREATE: 'true',
    SHUTDOWN_READY_DELAY_MS: '0',
  },
  stdio: ['ignore', 'pipe', 'pipe'],
});

// The README (Hardening): logs are structured JSON (pino). Run by an orchestrator, the server's standard output
// goes to a log collector that reads one JSON object a line: every line it writes there must be one.
describe("the server's standard output when it is not a terminal", () => {
  it('is one JSON object a line, from start to stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'start-up-log-'));
    const child = spawn(process.execPath, [...RUN_TS, 'src/main.ts'], serverOptions(dir));
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      for (let waited = 0; !stdout.includes('is serving GraphQL') && waited < 170_000; waited += 200)
        await new Promise((resolve) => setTimeout(resolve, 200));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      const lines = stdout.split('\n').slice(0, -1);
      expect(lines.some((line) => line.includes('is serving GraphQL'))).toBe(true);
      expect(lines.filter((line) => !/^\{.*\}$/.test(line))).toEqual([]);
      for (const line of lines) expect(typeof JSON.parse(line).msg).toBe('string');
    } finally {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 200_000);
});

// The README (Running): `npm start` is how the server is run; an orchestrator or a terminal stops it with SIGTERM
// to the process it started, npm. The script ran `node` under a shell (`sh -c`, dash, which does not hand its place
// to its last command): npm passed SIGTERM to the shell, the shell died, and the server went on serving as an
// orphan, its port held.
describe('npm start stopped with SIGTERM', () => {
  it('stops the server it started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'npm-start-'));
    // On a copy of the run's SQLite template when there is one: the stop is checked here, and migrating and loading
    // a new database (seconds of CPU) is the test above's start.
    const template = postgresServer() ? null : templateDatabase();
    if (template) copySqliteTemplate(template, join(dir, 'db.sqlite'));
    const npm = spawn('npm', ['start', '--silent'], serverOptions(dir));
    let stdout = '';
    npm.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const exited = new Promise<void>((resolve) => npm.on('exit', () => resolve()));
    const alive = (pid: number) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    };
    let server: number | undefined;
    try {
      for (let waited = 0; !stdout.includes('is serving GraphQL') && waited < 170_000; waited += 200)
        await new Promise((resolve) => setTimeout(resolve, 200));
      // The server's pid, as its log lines carry it (pino): the process that listens.
      const serving = stdout.split('\n').find((line) => line.includes('is serving GraphQL'))!;
      server = (JSON.parse(serving) as { pid: number }).pid;
      expect(server).not.toBe(npm.pid);
      expect(alive(server)).toBe(true);
      npm.kill('SIGTERM');
      await exited;
      // The server's own stop (its responses in flight, the database closed) ends within its grace.
      for (let waited = 0; alive(server) && waited < 15_000; waited += 200)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect({ server, alive: alive(server) }).toEqual({ server, alive: false });
    } finally {
      npm.kill('SIGKILL');
      if (server && alive(server)) process.kill(server, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 200_000);
});
