// Preloaded into a server by bench/api (`node -r`, BENCH_PROBE=1): which AsyncLocalStorages the process enables
// and what they cost each promise, measured in the process itself, without process.binding.
//
// On Node 20 an AsyncLocalStorage is enabled by its first `run` or `enterWith` and stays enabled (its promise
// hook on) for the life of the process unless someone calls `disable()`. The probe records each storage when it is
// first enabled, with the first frame of the caller outside Node's own code. On SIGUSR2 it prints (stderr, one
// line `BENCH_PROBE {json}`) the storages still enabled and the least CPU time of three runs of a fixed promise
// workload as the process is and of three with every storage disabled (no promise hook left), in turn.
// The server must be idle meanwhile (the bench sends the signal between measures).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- preloaded with `node -r`, plain CommonJS
const { AsyncLocalStorage } = require('node:async_hooks');

const enabled = new Map(); // storage -> where it was first enabled

function where() {
  const frames = (new Error().stack ?? '').split('\n').slice(3);
  const outside = frames.find((f) => !f.includes('node:') && !f.includes('async-probe.js'));
  return (outside ?? frames[0] ?? '').trim().replace(process.cwd() + '/', '');
}

// BENCH_NO_STORAGES=1: no storage is ever enabled (`run` calls its callback outside any store, `enterWith` does
// nothing), so that no promise hook is installed: every `getStore()` answers undefined. For measuring a server
// without them only: what a store carried (the request's budget for statements, the request's logger, MikroORM's
// contexts) is then missing, and the bench's equal-answers check tells whether the read path still answers.
const noStorages = process.env.BENCH_NO_STORAGES === '1';

for (const method of ['run', 'enterWith']) {
  const original = AsyncLocalStorage.prototype[method];
  AsyncLocalStorage.prototype[method] = function (...args) {
    if (!this.enabled && !enabled.has(this)) enabled.set(this, where());
    if (noStorages) return method === 'run' ? args[1](...args.slice(2)) : undefined;
    return original.apply(this, args);
  };
}

/** CPU milliseconds of 20 rounds of 10,000 awaited promises (an async function awaiting another's result). */
async function promiseWorkload() {
  const step = async (i) => i + 1;
  const start = process.cpuUsage();
  for (let round = 0; round < 20; round++) {
    let n = 0;
    for (let i = 0; i < 10_000; i++) n = await step(n);
  }
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

process.on('SIGUSR2', async () => {
  const storages = [...enabled].filter(([storage]) => storage.enabled);
  const asIs = [];
  const withoutStorages = [];
  for (let turn = 0; turn < 3; turn++) {
    asIs.push(await promiseWorkload());
    for (const [storage] of storages) storage.disable();
    withoutStorages.push(await promiseWorkload());
    // `_enable` is what `run` calls on a disabled storage: the stores already held by resources stay readable.
    for (const [storage] of storages) storage._enable();
  }
  const report = {
    storages: storages.map(([, at]) => at),
    promiseWorkloadCpuMs: { asIs: Math.min(...asIs), withoutStorages: Math.min(...withoutStorages) },
  };
  process.stderr.write(`BENCH_PROBE ${JSON.stringify(report)}\n`);
});
