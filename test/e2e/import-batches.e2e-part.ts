import { ChildProcess, spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { ExportService } from '../../src/ingest/export.service';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/knex';
import { MikroORM } from '@mikro-orm/core';
import { Agreement } from '../../src/agreements/agreement.entity';
import { AgreementKind, AgreementStatus } from '../../src/agreements/agreement.enums';
import { PendingImport } from '../../src/ingest/pending-import.entity';
import { importers } from '../../src/ingest/importers';
import { ormOptions } from '../../src/database/orm-options';
import {
  beginPendingImport,
  keepAlive,
  PENDING_IMPORT_DEAD_AFTER_MS,
  publishPendingImport,
  sweepDeadImports,
} from '../../src/ingest/pending-imports';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';
import {
  deleteMarkedAgreements,
  markedAgreements,
} from '../../src/ingest/repository/pending-import.repository';
import { toGlobalId } from '../../src/graphql/node/global-id';
import { Role } from '../../src/auth/role.enum';
import { writeAgreementsFile } from '../support/agreements-file';
import { RUN_TS } from '../support/run-ts';
import { slowRecordWrites, tryOtherWrite } from '../support/other-writer';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * `import json` writes a file's new agreements in batches (the writer free between them) marked as a pending import:
 * what a reader sees of it, what a killed import leaves, and the other writers' turns. The import runs in a child
 * process (the command line beside the server, as in production), on the test's database.
 */

/** A word no fixture holds, in every provision of the files here (the file's prefix after it), for the search. */
const WORD = 'quorblefax';

const HELD_IMPORT = join(__dirname, '..', 'support', 'held-import.ts');

const record = (prefix: string, i: number, provisions: number) => ({
  slug: `${prefix}-${i}`,
  title: `Batched ${prefix} agreement ${i}`,
  kind: 'BILATERAL',
  status: 'SIGNED',
  parties: [{ code: 'CAN' }, { code: 'FRA' }],
  provisions: Array.from({ length: provisions }, (_, k) => ({
    key: `art-${k + 1}`,
    location: 'OPERATIVE',
    articleNumber: String(k + 1),
    text: `The Parties recognise the ${WORD}${prefix} clause ${k + 1} of agreement ${i}, on cultural goods and services of the ${prefix} kind.`,
    annotations: [{ code: 'CULTURAL_COOPERATION' }],
  })),
});

describe('import json in batches: a pending import is invisible, all or nothing across a killed process', () => {
  let t: TestApp;
  let dir: string;
  const em = () => t.orm.em.fork() as EntityManager;
  /** The agreements marked as an import's (of one file's, `prefix-*`). */
  const marked = (prefix?: string) =>
    em().count(Agreement, {
      pendingImportId: { $ne: null },
      ...(prefix ? { slug: { $like: `${prefix}-%` } } : {}),
    });

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'ct-batches-'));
  });
  /** The imports started here: one a test left running (it failed midway) is stopped before the next test. */
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) {
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      }
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * `import json` of `file` in a child, each record's write slowed to a tenth of a second (batches of about ten
   * records) and held before its sixteenth, inside its second batch's transaction, until SIGUSR2 (`held-import.ts`).
   */
  const importInChild = (file: string): ChildProcess =>
    spawn(process.execPath, [...RUN_TS, '-r', HELD_IMPORT, 'src/cli.ts', 'import', 'json', file], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env, HELD_IMPORT_RECORD_MS: '100', HELD_IMPORT_AFTER: '15' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });

  /** Waits until the child's import has committed a batch (marked agreements seen from here); false if it ended first. */
  const untilMarked = async (child: ChildProcess, prefix: string): Promise<boolean> => {
    while (child.exitCode === null) {
      if ((await marked(prefix)) > 0) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return false;
  };

  /** What the readers show of the agreements `prefix-*`: lists, lookups, provisions, annotations, search, nodes. */
  const seen = async (prefix: string): Promise<Record<string, unknown>> => {
    const ids = await em().find(Agreement, { slug: { $like: `${prefix}-%` } }, { fields: ['id'], limit: 1 });
    const provision = ids.length
      ? await em()
          .getConnection()
          .execute<{ id: number }[]>(
            `select id from provision where agreement_id = ${Number(ids[0].id)} limit 1`,
          )
      : [];
    const { data, errors } = await t.gql<Record<string, { totalCount?: number } | unknown>>(
      `query ($title: String!, $slug: String!, $word: String!, $nodes: [ID!]!) {
        agreements(filter: { titleContains: $title, includeArchived: true }) { totalCount }
        agreement(slug: $slug) { slug }
        provisions(filter: { agreement: { titleContains: $title } }) { totalCount }
        annotations(filter: { agreement: { titleContains: $title } }) { totalCount }
        searchProvisions(query: $word) { totalCount }
        party(code: "CAN") { agreements(filter: { titleContains: $title }) { totalCount } }
        nodes(ids: $nodes) { id }
      }`,
      {
        title: `Batched ${prefix}`,
        slug: `${prefix}-1`,
        word: `${WORD}${prefix}`,
        nodes: [
          ...ids.map((a) => toGlobalId('Agreement', a.id)),
          ...provision.map((p) => toGlobalId('Provision', p.id)),
        ],
      },
    );
    const pinpoint = await t.gql(`{ provision(pinpoint: "${prefix}-1/art-1") { id } }`);
    // The export of the whole catalogue (`export agreements`, the downloads): the number of the file's records.
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    await t.app.get(ExportService).export('agreements', 'csv', out);
    const exported = Buffer.concat(chunks)
      .toString('utf8')
      .split('\n')
      .filter((line) => new RegExp(`(^|,)${prefix}-\\d+,`).test(line)).length;
    return {
      errors: (errors ?? []).map((e) => (e.extensions?.code === 'NOT_FOUND' ? 'NOT_FOUND' : e.message)),
      agreements: (data?.agreements as { totalCount: number })?.totalCount,
      agreement: data?.agreement ?? null,
      provisions: (data?.provisions as { totalCount: number })?.totalCount,
      annotations: (data?.annotations as { totalCount: number })?.totalCount,
      search: (data?.searchProvisions as { totalCount: number })?.totalCount,
      partyAgreements: (data?.party as { agreements: { totalCount: number } })?.agreements.totalCount,
      nodes: (data?.nodes as unknown[])?.filter(Boolean).length,
      pinpoint: pinpoint.errors?.[0]?.extensions?.code ?? 'found',
      exported,
    };
  };

  const NOTHING = {
    agreements: 0,
    agreement: null,
    provisions: 0,
    annotations: 0,
    search: 0,
    partyAgreements: 0,
    nodes: 0,
    pinpoint: 'NOT_FOUND',
    exported: 0,
  };

  it('readers see none of a file while its batches are written, then all of it at once', async () => {
    const file = writeAgreementsFile(
      join(dir, 'seen.json'),
      Array.from({ length: 20 }, (_, i) => record('seen', i + 1, 2)),
    );
    const child = importInChild(file);
    const exited = once(child, 'exit');
    children.push(child);
    // Before, the file was one transaction and nothing was ever marked: this waited for the import's end (false).
    expect(await untilMarked(child, 'seen')).toBe(true);
    // Mid-way, some batches committed: every reader leaves them out (nodes by id too, and the pinpoint of one).
    const mid = await seen('seen');
    expect(await marked()).toBeGreaterThan(0);
    const { errors, ...shown } = mid;
    expect(shown).toEqual(NOTHING);
    expect((errors as string[]).filter((code) => code !== 'NOT_FOUND')).toEqual([]);
    child.kill('SIGUSR2');
    const [code] = (await exited) as [number];
    expect(code).toBe(0);
    const after = await seen('seen');
    expect({ ...after, errors: undefined }).toEqual({
      errors: undefined,
      agreements: 20,
      agreement: { slug: 'seen-1' },
      provisions: 40,
      annotations: 40,
      search: 40,
      partyAgreements: 20,
      nodes: 2,
      pinpoint: 'found',
      exported: 20,
    });
    expect(await em().count(PendingImport)).toBe(0);
    expect(await marked()).toBe(0);
  });

  it('a killed import leaves nothing visible; the next import sweeps it once it is old, and imports the file whole', async () => {
    const file = writeAgreementsFile(
      join(dir, 'killed.json'),
      Array.from({ length: 20 }, (_, i) => record('killed', i + 1, 2)),
    );
    const child = importInChild(file);
    const exited = once(child, 'exit');
    children.push(child);
    expect(await untilMarked(child, 'killed')).toBe(true);
    child.kill('SIGKILL');
    await exited;
    // Killed midway: its rows are in the database, marked, and no reader shows them.
    const left = await marked();
    expect(left).toBeGreaterThan(0);
    const { errors, ...shown } = await seen('killed');
    expect(shown).toEqual(NOTHING);
    expect((errors as string[]).filter((code) => code !== 'NOT_FOUND')).toEqual([]);
    // A slug of the killed file is not free for the API meanwhile: the conflict says why.
    const key = await t.createKey(Role.EDITOR);
    const taken = await t.gql(
      `mutation { createAgreement(input: { slug: "killed-1", title: "Another", kind: BILATERAL, status: SIGNED }) { slug } }`,
      {},
      { key },
    );
    expect(taken).toMatchObject({ errors: [{ message: expect.stringMatching(/import in progress/) }] });
    // A recent row may be an import still writing (another process): not swept.
    await importers(t.app).json.import({ paths: [writeAgreementsFile(join(dir, 'none.json'), [])] });
    expect(await marked()).toBe(left);
    // Once its row is older than an import's batches leave it, the next import sweeps it, then writes its file.
    await em().nativeUpdate(
      PendingImport,
      {},
      { aliveAt: new Date(Date.now() - PENDING_IMPORT_DEAD_AFTER_MS - 1000) },
    );
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect([summary.failures, summary.imported]).toEqual([[], 20]);
    expect(await em().count(PendingImport)).toBe(0);
    expect(await marked()).toBe(0);
    expect((await seen('killed')).agreements).toBe(20);
  });

  it("a sweep that read an import's marks just before the import published them deletes none of them", async () => {
    // PostgreSQL: a sweep reads the marked ids, then its delete waits on the locks of the import's last transaction,
    // which publishes them; the delete must then find them published and leave them.
    const id = await beginPendingImport(t.orm, 'race.json');
    const slugs = ['eu-korea-fta', 'canada-chile-fta'];
    await em().nativeUpdate(Agreement, { slug: { $in: slugs } }, { pendingImportId: id });
    const read = await markedAgreements(em(), id, 10);
    expect(read).toHaveLength(2);
    await em().transactional((tx) => publishPendingImport(tx, id));
    await em().transactional((tx) => deleteMarkedAgreements(tx, id, read));
    expect(await em().count(Agreement, { slug: { $in: slugs } })).toBe(2);
  });

  it("a sweep run while an import's last transaction runs leaves that import alone: the file is published whole", async () => {
    // PostgreSQL: the last transaction may last long (a re-import of held agreements), and a sweep of another
    // process judges the import by its row's alive_at, refreshed by the batches only. The sweep is run here from
    // inside the last transaction (its first relation written), with every import taken for dead by its age
    // (deadAfterMs 0). Before, it deleted the file's agreements, and the import then published none of them while
    // its summary said 3 imported. SQLite's one writer makes the sweep wait for the transaction's end.
    const file = writeAgreementsFile(
      join(dir, 'last.json'),
      Array.from({ length: 3 }, (_, i) => record('last', i + 1, 2)),
    );
    const postgres = Boolean(process.env.TEST_DATABASE_URL);
    let sweep: Promise<{ imports: number; agreements: number }> | undefined;
    const real = AgreementRecordWriter.prototype.writeRelations;
    const spy = jest
      .spyOn(AgreementRecordWriter.prototype, 'writeRelations')
      .mockImplementation(async function (this: AgreementRecordWriter, ...args) {
        if (!sweep) {
          sweep = sweepDeadImports(t.orm, 0);
          if (postgres) await sweep;
        }
        return real.apply(this, args);
      });
    try {
      const summary = await importers(t.app).json.import({ paths: [file] });
      expect([summary.failures, summary.imported]).toEqual([[], 3]);
    } finally {
      spy.mockRestore();
    }
    expect(await sweep).toEqual({ imports: 0, agreements: 0 });
    expect(await em().count(Agreement, { slug: { $like: 'last-%' } })).toBe(3);
    expect([await marked(), await em().count(PendingImport)]).toEqual([0, 0]);
  });

  it('an import a sweep took for dead between its batches writes no more, and publishes nothing', async () => {
    // A process stalled past PENDING_IMPORT_DEAD_AFTER_MS between two batches: a sweep removes what it wrote. Its
    // next transaction finds its row gone and stops (before, it refreshed no row, went on writing, and its last
    // transaction published the batches written after the sweep: part of a file).
    const id = await beginPendingImport(t.orm, 'stalled.json');
    await em().nativeUpdate(PendingImport, { id }, { aliveAt: new Date(Date.now() - 1000) });
    expect((await sweepDeadImports(t.orm, 500)).imports).toBe(1);
    await expect(em().transactional((tx) => keepAlive(tx, id))).rejects.toThrow(
      /taken for dead and removed by a sweep/,
    );
    // A sweep stopped after it claimed an import (its row deleted, its agreements not yet) leaves marks with no row:
    // the next sweep removes them (before, a sweep looked at the rows only, and they stayed, invisible, for good).
    const orphan = await beginPendingImport(t.orm, 'orphan.json');
    const fork = em();
    fork.create(Agreement, {
      slug: 'orphan-1',
      title: 'Orphan',
      kind: AgreementKind.BILATERAL,
      status: AgreementStatus.SIGNED,
      pendingImportId: orphan,
    });
    await fork.flush();
    await em().nativeDelete(PendingImport, { id: orphan });
    expect(await sweepDeadImports(t.orm)).toEqual({ imports: 1, agreements: 1 });
    expect(await em().count(Agreement, { slug: 'orphan-1' })).toBe(0);
  });

  it('a killed import is swept at the next start', async () => {
    const file = writeAgreementsFile(
      join(dir, 'restart.json'),
      Array.from({ length: 20 }, (_, i) => record('restart', i + 1, 2)),
    );
    const child = importInChild(file);
    const exited = once(child, 'exit');
    children.push(child);
    expect(await untilMarked(child, 'restart')).toBe(true);
    child.kill('SIGKILL');
    await exited;
    expect(await marked()).toBeGreaterThan(0);
    await em().nativeUpdate(
      PendingImport,
      {},
      { aliveAt: new Date(Date.now() - PENDING_IMPORT_DEAD_AFTER_MS - 1000) },
    );
    // A start of the command line on the same database (any command: the start-up runs first).
    const start = spawn(process.execPath, [...RUN_TS, 'src/cli.ts', 'keys', 'list'], {
      cwd: join(__dirname, '..', '..'),
      env: { ...process.env },
      stdio: 'ignore',
    });
    const [code] = (await once(start, 'exit')) as [number];
    expect(code).toBe(0);
    expect(await marked()).toBe(0);
    expect(await em().count(PendingImport)).toBe(0);
    expect(await em().count(Agreement, { slug: { $like: 'restart-%' } })).toBe(0);
  });

  it("gives another process's writes their turn between batches: a write sent after a batch is taken, not refused", async () => {
    // The file was one transaction: on SQLite another process's write (the server's, trying for the writer until
    // shortly before its request's deadline, here 400 ms away) was refused for the whole of it.
    const other = await MikroORM.init(ormOptions());
    // Each record's write lasts a quarter of a second (a stand-in for a corpus-size file's 74 s of writes).
    const spy = await slowRecordWrites(250);
    const tryToWrite = () => tryOtherWrite(other);
    const tries: Promise<boolean>[] = [];
    try {
      const file = writeAgreementsFile(
        join(dir, 'turns.json'),
        Array.from({ length: 16 }, (_, i) => record('turns', i + 1, 2)),
      );
      const summary = await importers(t.app).json.import({
        paths: [file],
        progress: () => ({ tick: () => tries.push(tryToWrite()), stop: () => {} }),
      });
      expect([summary.imported, summary.failures]).toEqual([16, []]);
      const taken = await Promise.all(tries);
      // The tries sent during the first half of the file (before, the file's one transaction held the writer
      // throughout; after, batches of about a second end there, each followed by a turn).
      expect(taken.slice(0, 8)).toContain(true);
    } finally {
      spy.mockRestore();
      await Promise.allSettled(tries);
      await other.em.transactional((otx) =>
        otx
          .getConnection()
          .execute(
            "update party set name = replace(name, '.', '') where code = 'CAN'",
            [],
            'run',
            otx.getTransactionContext(),
          ),
      );
      await other.close();
    }
  });
});
