import { ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropPostgresDatabase, recreatePostgresDatabase } from '../../src/database/postgres-admin';
import { RUN_TS } from '../support/run-ts';
import { copySqliteTemplate, postgresServer, templateDatabase } from '../support/template-database';

// The README (Deployment, one machine): `SERVER_PROCESSES=2` serves one port from two processes, which share the
// rate-limit buckets through the primary, are restarted when one dies, and stop together on SIGTERM. On the run's
// engine: a copy of its template (a SQLite file, or a PostgreSQL database on TEST_DATABASE_URL's server).
const ADDRESS_BUDGET = 6;
const DATABASE = `ct_server_processes_${process.pid}`;

interface Group {
  primary: ChildProcess;
  port: number;
  /** Pids of the server processes that said they serve, in order. */
  serving: number[];
  closed: Promise<number | null>;
}

const freePort = async (): Promise<number> => {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
};

/** One request on a connection of its own (so that the cluster hands each to the next process). */
const ask = (port: number): Promise<{ status: number; remaining: string }> =>
  new Promise((resolve, reject) => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const req = request(
      {
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json' },
      },
      (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, remaining: String(res.headers['x-ratelimit-remaining']) }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, done: () => boolean, ms = 120_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('SERVER_PROCESSES=2: one port served by a group of processes', () => {
  let dir: string;
  let group: Group;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'server-processes-'));
    const server = postgresServer();
    const template = templateDatabase();
    let databaseUrl = `sqlite:${join(dir, 'db.sqlite')}`;
    if (server) databaseUrl = await recreatePostgresDatabase(server, DATABASE, template ?? undefined);
    else if (template) copySqliteTemplate(template, join(dir, 'db.sqlite'));
    const port = await freePort();
    const primary = spawn(process.execPath, [...RUN_TS, 'src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: {
        ...process.env,
        SERVER_PROCESSES: '2',
        DATABASE_URL: databaseUrl,
        // Without a template, a new SQLite file: made only when asked.
        DATABASE_CREATE: 'true',
        PORT: String(port),
        LOG_LEVEL: 'info',
        REDIS_URL: '',
        RATE_LIMIT_PER_ADDRESS: String(ADDRESS_BUDGET),
        SHUTDOWN_READY_DELAY_MS: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const serving: number[] = [];
    let pending = '';
    primary.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines)
        if (line.includes('Clause Tracker is serving GraphQL'))
          serving.push((JSON.parse(line) as { pid: number }).pid);
    });
    primary.stderr.resume();
    const closed = new Promise<number | null>((resolve) => primary.on('close', (status) => resolve(status)));
    group = { primary, port, serving, closed };
    await until('two server processes', () => serving.length >= 2);
  }, 180_000);

  afterAll(async () => {
    if (group?.primary.exitCode === null) group.primary.kill('SIGKILL');
    for (const pid of group?.serving ?? []) if (alive(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dir, { recursive: true, force: true });
    const server = postgresServer();
    if (server) await dropPostgresDatabase(server, DATABASE);
  });

  it('starts two server processes, neither of them the primary', () => {
    expect(new Set(group.serving).size).toBe(2);
    expect(group.serving).not.toContain(group.primary.pid);
  });

  it('shares one rate-limit bucket an address between the processes: the budget holds across connections', async () => {
    const answers = [];
    for (let i = 0; i < ADDRESS_BUDGET * 2; i++) answers.push(await ask(group.port));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(ADDRESS_BUDGET);
    expect(answers.slice(ADDRESS_BUDGET).every((a) => a.status === 429)).toBe(true);
    expect(answers.slice(0, ADDRESS_BUDGET).map((a) => a.remaining)).toEqual(['5', '4', '3', '2', '1', '0']);
  });

  it('starts another server process when one dies', async () => {
    const [victim] = group.serving;
    process.kill(victim, 'SIGKILL');
    await until('a replacement', () => group.serving.length >= 3);
    expect(alive(victim)).toBe(false);
    expect(group.serving.slice(1).every(alive)).toBe(true);
  }, 180_000);

  it('stops every process on SIGTERM to the primary, exit status 0', async () => {
    const workers = group.serving.filter(alive);
    group.primary.kill('SIGTERM');
    expect(await group.closed).toBe(0);
    await until('the server processes to exit', () => !workers.some(alive), 15_000);
  }, 30_000);
});
