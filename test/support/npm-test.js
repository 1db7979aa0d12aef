// `npm test`: the lint (`npm run lint`) and jest at once; the arguments go to jest (`npm test -- --maxWorkers=1`).
// The lint is one process on one core, and jest leaves a core idle while it starts (the template database is built
// in one child process) and while its last files finish: run one after the other, the two cost the lint's whole
// time on top of jest's. The lint's output is held and written after jest's, so that it is not lost among jest's
// lines; the exit status is the lint's when it failed, else jest's.
'use strict';
const { Buffer } = require('node:buffer');
const { spawn } = require('node:child_process');

const lint = spawn('npm', ['run', '--silent', 'lint'], { stdio: ['ignore', 'pipe', 'pipe'] });
const lintOutput = [];
lint.stdout.on('data', (chunk) => lintOutput.push(chunk));
lint.stderr.on('data', (chunk) => lintOutput.push(chunk));
const linted = new Promise((resolve) => lint.on('close', (code) => resolve(code ?? 1)));

const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(2)], {
  stdio: 'inherit',
});
const tested = new Promise((resolve) => jest.on('close', (code) => resolve(code ?? 1)));

void Promise.all([linted, tested]).then(([lintStatus, jestStatus]) => {
  const output = Buffer.concat(lintOutput).toString('utf8').trim();
  if (lintStatus !== 0)
    process.stderr.write(`\nnpm run lint failed (exit status ${lintStatus}):\n${output}\n`);
  else if (output) process.stdout.write(`\nnpm run lint: ${output}\n`);
  process.exitCode = lintStatus || jestStatus;
});
