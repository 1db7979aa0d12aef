// Preloaded into a server by bench/api/cost-work.ts (`node -r`): counts the statements node-sqlite3 runs and the
// rows they answer (`Database#all`, `Statement#all`, the two the service's reads use), and on SIGUSR2 prints the
// totals since start (stderr, one line `BENCH_ROWS {json}`). For measuring only.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- preloaded with `node -r`, plain CommonJS
const sqlite3 = require('sqlite3');

const totals = { statements: 0, rows: 0 };

function counting(original) {
  return function (...args) {
    const callback = args.at(-1);
    if (typeof callback === 'function')
      args[args.length - 1] = function (error, rows) {
        totals.statements++;
        if (Array.isArray(rows)) totals.rows += rows.length;
        return callback.apply(this, [error, rows]);
      };
    return original.apply(this, args);
  };
}

sqlite3.Database.prototype.all = counting(sqlite3.Database.prototype.all);
sqlite3.Statement.prototype.all = counting(sqlite3.Statement.prototype.all);

process.on('SIGUSR2', () => process.stderr.write(`BENCH_ROWS ${JSON.stringify(totals)}\n`));
