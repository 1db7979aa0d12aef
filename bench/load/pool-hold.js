// bench/load, what the database's connection pool does under the load: preloaded into the server
// (`BENCH_SETTINGS_A="--require=./bench/load/pool-hold.js" npm run bench:load`), it prints to stderr every 5 s how
// many times a connection was taken from the pool (Knex's tarn), how long connections were held in all (on SQLite's
// one connection, the share of the time it was busy), how much of that the statements themselves took (from the
// call to node-sqlite3 to its callback), the holds of three statements or more (a transaction: a write's BEGIN ..
// COMMIT) apart, and how long requests waited for a connection in all (divided by the 5 s: how many were waiting
// on average). A measuring tool only: it wraps tarn's and node-sqlite3's methods.
/* global setInterval */
/* eslint-disable @typescript-eslint/no-require-imports -- preloaded with `node -r`, plain CommonJS */
const { performance } = require('node:perf_hooks');
const { Pool } = require('tarn/dist/Pool.js');
const sqlite3 = require('sqlite3');
/* eslint-enable @typescript-eslint/no-require-imports */

const PERIOD_MS = 5000;
const holds = new Map(); // connection -> { at, statements, statementMs }
let current = null; // the hold whose statements are being issued (the connection most recently handed out)
const totals = { holds: 0, heldMs: 0, statementMs: 0, statements: 0, txHolds: 0, txHeldMs: 0, waitMs: 0 };

const acquire = Pool.prototype.acquire;
Pool.prototype.acquire = function (...args) {
  const pending = acquire.apply(this, args);
  const asked = performance.now();
  pending.promise.then(
    (connection) => {
      totals.waitMs += performance.now() - asked;
      current = { at: performance.now(), statements: 0, statementMs: 0 };
      holds.set(connection, current);
    },
    () => undefined,
  );
  return pending;
};
const release = Pool.prototype.release;
Pool.prototype.release = function (connection, ...args) {
  const hold = holds.get(connection);
  if (hold) {
    holds.delete(connection);
    const held = performance.now() - hold.at;
    totals.holds++;
    totals.heldMs += held;
    totals.statementMs += hold.statementMs;
    totals.statements += hold.statements;
    if (hold.statements >= 3) {
      totals.txHolds++;
      totals.txHeldMs += held;
    }
  }
  return release.call(this, connection, ...args);
};

// Database#run/all/get make a Statement and call its method, so the Statement's methods (and exec) are timed once.
for (const [type, methods] of [
  [sqlite3.Statement, ['all', 'run', 'get']],
  [sqlite3.Database, ['exec']],
]) {
  for (const method of methods) {
    const original = type.prototype[method];
    type.prototype[method] = function (...args) {
      const last = args.length - 1;
      const hold = current;
      if (hold && typeof args[last] === 'function') {
        const callback = args[last];
        const started = performance.now();
        args[last] = function (...results) {
          hold.statements++;
          hold.statementMs += performance.now() - started;
          return callback.apply(this, results);
        };
      }
      return original.apply(this, args);
    };
  }
}

let before = { ...totals };
setInterval(() => {
  const d = Object.fromEntries(Object.keys(totals).map((key) => [key, totals[key] - before[key]]));
  before = { ...totals };
  if (d.holds === 0) return;
  const share = (ms) => `${((100 * ms) / PERIOD_MS).toFixed(0)}%`;
  process.stderr.write(
    `[pool] ${d.holds} holds, held ${share(d.heldMs)} of the time (statements ${share(d.statementMs)}, ` +
      `${(d.statements / d.holds).toFixed(1)} a hold, ${(d.heldMs / d.holds).toFixed(1)} ms a hold); ` +
      `transactions ${d.txHolds}, held ${share(d.txHeldMs)} (${(d.txHeldMs / Math.max(1, d.txHolds)).toFixed(1)} ms each); ` +
      `waiting for a connection: ${(d.waitMs / PERIOD_MS).toFixed(1)} on average\n`,
  );
}, PERIOD_MS).unref();
