import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// The README: "a bad value stops the server and the command line at start, naming each bad variable
// (`PORT="abc" must be a number`)". The server must say so as the command line does: the message, no stack trace.
describe('the server with a bad configuration', () => {
  it('prints each bad variable on one line, with no stack trace, and exits 1', () => {
    const result = spawnSync(process.execPath, ['-r', 'ts-node/register', 'src/main.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: {
        ...process.env,
        PORT: 'abc',
        BODY_LIMIT: 'lots',
        TS_NODE_SWC: 'true',
        TS_NODE_TRANSPILE_ONLY: 'true',
      },
      encoding: 'utf8',
      timeout: 120_000,
    });
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
