import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { RUN_TS } from '../../test/support/run-ts';

/**
 * The export reads the next page while it writes one. A read that fails while the export waits for its reader
 * must fail the export when its turn comes, not earlier as an unhandled rejection (which stops the process).
 */
describe('the export reading a page ahead', () => {
  it('fails the export with the read error, with no unhandled rejection while it waited for its reader', () => {
    const root = join(__dirname, '..', '..');
    const result = spawnSync(process.execPath, [...RUN_TS, 'test/support/export-read-ahead.ts'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.stderr).not.toContain('disk I/O error');
    expect(result.stdout.trim()).toBe('failed: disk I/O error');
    expect(result.status).toBe(0);
  });
});
