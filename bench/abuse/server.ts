// The production server the abuse benches attack: a child process (NODE_ENV=production, default limits) on a
// SQLite database holding the fixtures and, unless BENCH_CORPUS=false, the ToTA corpus of CORPUS_DIR.
// BENCH_DATABASE_CACHE=<file> keeps a copy of the prepared database there, and starts from it when it exists.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/common/paths';

export interface BenchServer {
  base: string;
  process: ChildProcess;
  /** Whether the ToTA corpus was imported (else the fixtures only). */
  corpus: boolean;
  stop(): Promise<void>;
}

const tsNode = ['-r', 'ts-node/register'];

export function memoryOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

export const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/**
 * Prepares the database (or copies the cached one) and starts the server on `port`; resolves once it answers.
 * `main`: the server's entry, by default the sources through ts-node; `dist/src/main.js` runs the build.
 */
export async function startBenchServer(
  name: string,
  port: number,
  main = 'src/main.ts',
): Promise<BenchServer> {
  const corpusXml = join(resolve(PROJECT_ROOT, process.env.CORPUS_DIR ?? '../shared/corpus'), 'tota', 'xml');
  const useCorpus = process.env.BENCH_CORPUS !== 'false' && existsSync(corpusXml);
  const dbFile = join(tmpdir(), `ct-bench-${name}-${process.pid}.sqlite`);
  const removeDb = () => {
    for (const s of ['', '-wal', '-shm']) rmSync(`${dbFile}${s}`, { force: true });
  };
  const env = {
    ...process.env,
    DATABASE_URL: `sqlite:${dbFile}`,
    DATABASE_CREATE: 'true',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    NODE_ENV: 'production',
    // Each simulated client has its own address (X-Forwarded-For), as it would behind the proxy.
    TRUST_PROXY: 'true',
    TS_NODE_SWC: 'true',
    TS_NODE_TRANSPILE_ONLY: 'true',
  };
  removeDb();
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [...tsNode, 'src/cli.ts', ...args], {
      cwd: PROJECT_ROOT,
      env,
      stdio: 'ignore',
    });
  const cache = process.env.BENCH_DATABASE_CACHE;
  if (cache && existsSync(cache)) {
    copyFileSync(cache, dbFile);
    console.log(`started from the database kept in ${cache}`);
  } else {
    cli('keys', 'list'); // migrates and loads the fixtures
    if (useCorpus) {
      const started = Date.now();
      try {
        cli('import', 'tota', corpusXml, '--no-annotate');
      } catch {
        // exit 1 when some corpus files are refused; the rest is imported
      }
      console.log(`imported the ToTA corpus in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    if (cache) copyFileSync(dbFile, cache);
  }
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(process.execPath, main.endsWith('.ts') ? [...tsNode, main] : [main], {
    cwd: PROJECT_ROOT,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    removeDb();
  };
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${base}/health`)).ok) return { base, process: server, corpus: useCorpus, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  await stop();
  throw new Error('the server did not start');
}
