import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RUN_TS } from '../support/run-ts';

// `npm run cli -- <command>`: a mistyped command or option is said once (commander prints it; the error
// handler must not print it a second time).
describe('the command line, mistyped', () => {
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [...RUN_TS, 'src/cli.ts', ...args], {
      cwd: join(__dirname, '..', '..'),
      encoding: 'utf8',
      timeout: 120_000,
    });

  it('names an unknown command once and exits non-zero', () => {
    const result = cli('nope');
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual(["error: unknown command 'nope'"]);
  });
});
