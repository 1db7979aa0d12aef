import { cliInProcess } from '../support/cli-in-process';

// `npm run cli -- <command>`: a mistyped command or option is said once (commander prints it; the error
// handler must not print it a second time). What is checked is what the command line says, so it runs in this
// process (`cliInProcess`, the entry `src/cli.ts` runs); the commands' real processes are started by the
// reports, import and start-up tests.
describe('the command line, mistyped', () => {
  it('names an unknown command once and exits non-zero', async () => {
    const result = await cliInProcess(['nope']);
    expect(result.status).not.toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual(["error: unknown command 'nope'"]);
  });
});
