import { EntityManager } from '@mikro-orm/knex';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Agreement } from '../agreements/agreement.entity';
import { AgreementKind, AgreementStatus } from '../agreements/agreement.enums';
import { Provision } from '../provisions/provision.entity';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import { ExportService } from './export.service';
import { RUN_TS } from '../../test/support/run-ts';
import { openMigratedSqlite } from '../../test/support/migrated-sqlite';

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

/**
 * The page read ahead is read while a page is written: its statement must reach the database before the writing
 * starts, also for a reader that takes a whole page at once (a page is then written in one turn of the event loop,
 * and the statement, handed over through promises, waited for it: the database stood idle meanwhile).
 */
describe('the export reading a page ahead, to a reader that keeps up', () => {
  let db: Awaited<ReturnType<typeof openMigratedSqlite>>;
  beforeAll(async () => {
    db = await openMigratedSqlite('export-read-ahead');
    const em = db.orm.em.fork() as EntityManager;
    // Two pages of the provisions export (25 agreements a page).
    for (let i = 0; i < 30; i++) {
      const agreement = em.create(Agreement, {
        slug: `ahead-${i}`,
        title: `Ahead ${i}`,
        kind: AgreementKind.BILATERAL,
        status: AgreementStatus.SIGNED,
      });
      em.create(Provision, { agreement, key: 'art-1', location: ProvisionLocation.OPERATIVE, text: 'x' });
    }
    await em.flush();
  });
  afterAll(() => db.close());

  it("sends the next page's statement before it writes the page it has", async () => {
    const events: string[] = [];
    const knex = (db.orm.em as EntityManager).getKnex();
    const onQuery = (query: { sql: string }) => {
      if (query.sql.includes('from `provision` as `p`')) events.push('read');
    };
    knex.on('query', onQuery);
    const out = new Writable({
      write(_chunk, _encoding, done) {
        events.push('write');
        done();
      },
    });
    try {
      expect(await new ExportService(db.orm).export('provisions', 'csv', out)).toBe(30);
    } finally {
      knex.off('query', onQuery);
    }
    // The header, the first page's statement, the second's, and only then the first page's lines.
    expect(events.slice(0, 4)).toEqual(['write', 'read', 'read', 'write']);
  });
});
