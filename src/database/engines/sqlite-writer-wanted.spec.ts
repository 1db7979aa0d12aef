import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WRITER_WANTED_SUFFIX, WriterWantedSign } from './sqlite-writer-wanted';

describe('WriterWantedSign', () => {
  let dir: string;
  let database: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ct-writer-wanted-'));
    database = join(dir, 'db.sqlite');
    writeFileSync(database, '');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('is read as absent until raised, then as something else after every raise, however close together', () => {
    const sign = new WriterWantedSign(database);
    expect(sign.path).toBe(`${database}${WRITER_WANTED_SUFFIX}`);
    expect(sign.read()).toBeNull();
    const seen = new Set<string | null | undefined>();
    // Many raises within the same millisecond or clock tick: each still changes what a reader sees (its length).
    for (let i = 0; i < 20; i++) {
      expect(sign.raise()).toBe(true);
      seen.add(sign.read());
    }
    expect(seen.size).toBe(20);
    expect(seen.has(null)).toBe(false);
    expect(seen.has(undefined)).toBe(false);
  });

  it('is emptied once it reaches 4 KB, and that too is a change', () => {
    const sign = new WriterWantedSign(database);
    writeFileSync(sign.path!, '.'.repeat(4096));
    const full = sign.read();
    expect(sign.raise()).toBe(true);
    expect(statSync(sign.path!).size).toBe(0);
    expect(sign.read()).not.toEqual(full);
  });

  it("is made with the database file's permissions, whatever the umask, as SQLite makes its -wal", () => {
    chmodSync(database, 0o666);
    const sign = new WriterWantedSign(database);
    sign.raise();
    expect(statSync(sign.path!).mode & 0o777).toBe(0o666);
  });

  it('never throws: a sign that cannot be made answers false; one that cannot be read is undefined', () => {
    const missing = new WriterWantedSign(join(dir, 'no-such-folder', 'db.sqlite'));
    expect(missing.raise()).toBe(false);
    expect(missing.read()).toBeNull();
    // A folder that is a file: neither made nor read (ENOTDIR), so a reader must suppose a writer waits.
    const blocked = new WriterWantedSign(join(database, 'db.sqlite'));
    expect(blocked.raise()).toBe(false);
    expect(blocked.read()).toBeUndefined();
  });

  it('is none for a database in memory, which no other process can open', () => {
    for (const target of [':memory:', 'file::memory:?cache=shared', 'file:x?mode=memory']) {
      const sign = new WriterWantedSign(target);
      expect([sign.path, sign.raise(), sign.read()]).toEqual([null, false, null]);
    }
  });
});
