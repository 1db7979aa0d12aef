// bench/api, the collector's share, measured so that the load of the machine does not move it: runs a build of the
// service with --trace-gc-nvp under autocannon (10 connections, a fixed number of requests per query) and sums, per
// request, the scavenges, the bytes they copied (survived) and promoted to the old generation, and the pauses.
// `node -r ts-node/register bench/api/gc-stats.ts <main.js> <port> [node options...]` (after `npm run build`).
import autocannon from 'autocannon';
import { spawn, execFileSync } from 'node:child_process';
import { QUERIES } from './queries';
import { PROJECT_ROOT } from '../../src/common/paths';
const [main, port, ...args] = process.argv.slice(2);
const db = `/tmp/ct-bench-gc-${port}.sqlite`;
const env = {
  ...process.env,
  DATABASE_URL: `sqlite:${db}`,
  DATABASE_CREATE: 'true',
  PORT: port,
  NODE_ENV: 'production',
  RATE_LIMIT_PER_ADDRESS: '1000000000',
};
execFileSync(process.execPath, ['dist/src/cli.js', 'keys', 'list'], { cwd: PROJECT_ROOT, env });
const child = spawn(process.execPath, ['--trace-gc-nvp', ...args, main], {
  cwd: PROJECT_ROOT,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
let out = '';
child.stdout.on('data', (c: Buffer) => (out += c.toString()));
const stats = () => {
  const s = { n: 0, survived: 0, promoted: 0, pause: 0, marks: 0, markPause: 0 };
  for (const line of out.split('\n')) {
    if (/gc=s /.test(line)) {
      s.n++;
      s.survived += Number(/new_space_survived=(\d+)/.exec(line)?.[1] ?? 0);
      s.promoted += Number(/promoted=(\d+)/.exec(line)?.[1] ?? 0);
      s.pause += Number(/pause=([\d.]+)/.exec(line)?.[1] ?? 0);
    } else if (/gc=(mc|ms) /.test(line)) {
      s.marks++;
      s.markPause += Number(/pause=([\d.]+)/.exec(line)?.[1] ?? 0);
    }
  }
  return s;
};
(async () => {
  while (!/localhost:\d+\/graphql/.test(out)) await new Promise((r) => setTimeout(r, 200));
  for (const [name, query] of Object.entries(QUERIES)) {
    const count = name.startsWith('nested') ? 300 : 1000;
    const run = (amount: number) =>
      new Promise<autocannon.Result>((ok, fail) =>
        autocannon(
          {
            url: `http://127.0.0.1:${port}/graphql`,
            connections: 10,
            amount,
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ query }),
          },
          (e, r) => (e ? fail(e) : ok(r)),
        ),
      );
    await run(count / 5);
    const before = stats();
    const r = await run(count);
    await new Promise((ok) => setTimeout(ok, 300));
    const after = stats();
    const per = (k: keyof typeof before) => (after[k] - before[k]) / r.requests.total;
    console.log(
      `${name.padEnd(22)} ${r.requests.total} req (${r.non2xx} non-2xx): scavenges ${per('n').toFixed(3)}/req, survived ${(per('survived') / 1024).toFixed(0)} KB/req, promoted ${(per('promoted') / 1024).toFixed(0)} KB/req, scavenge pause ${per('pause').toFixed(2)} ms/req, mark-compacts ${per('marks').toFixed(4)}/req pause ${per('markPause').toFixed(2)} ms/req`,
    );
  }
  child.kill();
})();
