import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../../src/agreements/agreement.entity';
import { AgreementRelation } from '../../src/agreements/agreement-relation.entity';
import { Provision } from '../../src/provisions/provision.entity';
import { Annotation } from '../../src/annotations/annotation.entity';
import { AnnotationOrigin } from '../../src/annotations/annotation.enums';
import { AnnotateCommand } from '../../src/annotations/commands/annotate.command';
import { RuleAnnotationService } from '../../src/annotations/rule-annotation.service';
import { Role } from '../../src/auth/role.enum';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';
import { importers } from '../../src/ingest/importers';
import { beginPendingImport, publishPendingImport } from '../../src/ingest/pending-imports';
import { writeAgreementsFile } from '../support/agreements-file';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * An agreement that an `import json` is still writing (marked as its pending import, invisible) is that import's
 * alone: every other write door refuses it with one message naming the import (`agreements/repository/
 * pending-agreement.ts`). Before, `import text` and `import tota` wrote onto it (matched by slug or ToTA id: what
 * they wrote was then shown with the other import's file, or deleted with it, after a summary that said imported),
 * `import json` pointed a relation at it, and the API's mutations answered NOT_FOUND or a message of their own.
 * The pending import is made here as its batches leave it (`beginPendingImport`, agreements marked), so that each
 * door meets it without a race.
 */
describe('writes onto an agreement an import in progress is writing', () => {
  let t: TestApp;
  let dir: string;
  const em = () => t.orm.em.fork() as EntityManager;
  const TOTA_SAMPLE = join(__dirname, '..', 'fixtures', 'tota', 'sample_1.xml');
  const TEXT_SAMPLE = join(__dirname, '..', 'fixtures', 'text', 'sample-treaty.md');
  const SLUG = 'eu-japan-epa';

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'ct-pending-writes-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('every door refuses it with one message naming the import, and writes nothing; once published, it is writable', async () => {
    // A ToTA agreement held before the import began, so that `import tota` has one to match by its ToTA id.
    expect((await importers(t.app).tota.import({ paths: [TOTA_SAMPLE] })).failures).toEqual([]);
    const tota = await em().findOneOrFail(Agreement, { totaId: '990001' });
    const id = await beginPendingImport(t.orm, 'other-file.json');
    await em().nativeUpdate(Agreement, { slug: { $in: [SLUG, tota.slug] } }, { pendingImportId: id });
    const refused = new RegExp(
      `is being written by an import in progress \\(import ${id} of "other-file\\.json"\\); nothing was written`,
    );
    const held = async (slug: string) => {
      const a = await em().findOneOrFail(Agreement, { slug });
      return {
        title: a.title,
        version: a.version,
        archived: a.archivedAt,
        provisions: await em().count(Provision, { agreement: a }),
        texts: (await em().find(Provision, { agreement: a }, { orderBy: { key: 'asc' } })).map((p) => p.text),
        annotations: (
          await em().find(Annotation, { provision: { agreement: a } }, { orderBy: { id: 'asc' } })
        ).map((n) => [n.id, n.code, n.status, n.version]),
      };
    };
    // The ToTA agreement's rule annotations removed, so that `annotate` over all, had it taken the agreement, would write them again.
    const ruled = await em().find(Annotation, {
      provision: { agreement: { slug: tota.slug } },
      origin: AnnotationOrigin.RULE,
    });
    expect(ruled.length).toBeGreaterThan(0);
    await em().nativeDelete(Annotation, { id: { $in: ruled.map((n) => n.id) } });
    const before = { [SLUG]: await held(SLUG), [tota.slug]: await held(tota.slug) };
    const [provision] = await em().find(
      Provision,
      { agreement: { slug: SLUG } },
      { limit: 1, orderBy: { key: 'asc' } },
    );

    // import text into its slug (before: imported, its provisions replaced by the text's).
    const text = await importers(t.app).text.import({
      paths: [TEXT_SAMPLE],
      agreement: SLUG,
      annotate: true,
    });
    expect([text.imported, text.failures.map((f) => refused.test(f.reason))]).toEqual([0, [true]]);

    // import tota of a file whose ToTA id it holds (before: written onto it, counted unchanged or updated).
    const again = await importers(t.app).tota.import({ paths: [TOTA_SAMPLE], annotate: true });
    expect([again.imported, again.failures.map((f) => refused.test(f.reason))]).toEqual([0, [true]]);

    // import json of a record related to it (before: the relation was written, pointing at an invisible agreement).
    const related = writeAgreementsFile(join(dir, 'related.json'), [
      {
        slug: 'pending-related-1',
        title: 'An agreement amending one being imported',
        kind: 'BILATERAL',
        status: 'SIGNED',
        parties: [{ code: 'CAN' }, { code: 'FRA' }],
        related: [{ slug: SLUG, relation: 'AMENDS' }],
      },
    ]);
    // Refused by the file's checks, before any record is written (before: in the last transaction, once the file's
    // records were all written, named by slug).
    const writes = jest.spyOn(AgreementRecordWriter.prototype, 'writeRecord');
    let json: Awaited<ReturnType<ReturnType<typeof importers>['json']['import']>>;
    try {
      json = await importers(t.app).json.import({ paths: [related] });
      expect(writes).not.toHaveBeenCalled();
    } finally {
      writes.mockRestore();
    }
    expect([json.imported, json.failures.map((f) => refused.test(f.reason))]).toEqual([0, [true]]);
    expect(json.failures[0].file).toMatch(/related\.json#agreements\[0\]$/);
    expect(await em().count(Agreement, { slug: 'pending-related-1' })).toBe(0);
    expect(await em().count(AgreementRelation, { to: { slug: SLUG } })).toBe(0);
    // import json of a record of its slug: refused by its checks, before any write, in the same words.
    const same = writeAgreementsFile(join(dir, 'same.json'), [
      { slug: SLUG, title: 'The same slug', kind: 'BILATERAL', status: 'SIGNED' },
    ]);
    const twice = await importers(t.app).json.import({ paths: [same] });
    expect([twice.imported, twice.failures.map((f) => refused.test(f.reason))]).toEqual([0, [true]]);

    // The API's mutations naming the agreement (before: NOT_FOUND, and createAgreement a message of its own).
    const key = await t.createKey(Role.EDITOR);
    const annotator = await t.createKey(Role.ANNOTATOR);
    const version = before[SLUG].version;
    const pinpoint = `${SLUG}/${provision.key}`;
    const mutations: Record<string, string> = {
      createAgreement: `createAgreement(input: { slug: "${SLUG}", title: "T", kind: BILATERAL, status: SIGNED }) { slug }`,
      updateAgreement: `updateAgreement(input: { slug: "${SLUG}", version: ${version}, title: "Changed" }) { slug }`,
      archiveAgreement: `archiveAgreement(input: { slug: "${SLUG}", version: ${version}, reason: "r" }) { slug }`,
      setAgreementParties: `setAgreementParties(input: { slug: "${SLUG}", version: ${version}, parties: [{ code: "JPN" }] }) { slug }`,
      addProvision: `addProvision(input: { agreement: "${SLUG}", key: "art-new", location: OPERATIVE, text: "A text." }) { id }`,
      updateProvision: `updateProvision(input: { pinpoint: "${pinpoint}", version: ${provision.version}, text: "Changed." }) { id }`,
      removeProvision: `removeProvision(input: { pinpoint: "${pinpoint}", version: ${provision.version} }) { id }`,
      createAnnotation: `createAnnotation(input: { pinpoint: "${pinpoint}", code: CULTURAL_COOPERATION }) { id }`,
    };
    const answers: Record<string, unknown> = {};
    for (const [name, mutation] of Object.entries(mutations)) {
      const { errors } = await t.gql(
        `mutation { ${mutation} }`,
        {},
        { key: name === 'createAnnotation' ? annotator : key },
      );
      answers[name] = errors?.map((e) => ({ code: e.extensions?.code, refused: refused.test(e.message) }));
    }
    const conflict = [{ code: 'CONFLICT', refused: true }];
    expect(answers).toEqual(Object.fromEntries(Object.keys(mutations).map((name) => [name, conflict])));

    // annotate --agreement naming it, and annotate over all (before: the rules annotated it, in both).
    const said = jest.spyOn(console, 'error').mockImplementation(() => {});
    const logged = jest.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const annotate = new AnnotateCommand(t.orm, t.app.get(RuleAnnotationService));
      await annotate.run([], { agreement: SLUG });
      expect([process.exitCode, said.mock.calls.map(([m]) => refused.test(String(m)))]).toEqual([1, [true]]);
      process.exitCode = undefined;
      await annotate.run([], {});
      expect(process.exitCode).toBeUndefined();
    } finally {
      said.mockRestore();
      logged.mockRestore();
    }

    // Nothing of either agreement changed.
    expect({ [SLUG]: await held(SLUG), [tota.slug]: await held(tota.slug) }).toEqual(before);

    // Once the import has published them, the same writes are taken.
    await em().transactional((tx) => publishPendingImport(tx, id));
    const { data, errors } = await t.gql<{ updateAgreement: { slug: string } }>(
      `mutation { ${mutations.updateAgreement} }`,
      {},
      { key },
    );
    expect([data?.updateAgreement, errors]).toEqual([{ slug: SLUG }, undefined]);
    expect((await importers(t.app).json.import({ paths: [related] })).failures).toEqual([]);
    expect((await importers(t.app).tota.import({ paths: [TOTA_SAMPLE] })).failures).toEqual([]);
  });
});
