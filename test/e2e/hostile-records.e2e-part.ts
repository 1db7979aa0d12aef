import { EntityManager } from '@mikro-orm/knex';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agreement } from '../../src/agreements/agreement.entity';
import { Role } from '../../src/auth/role.enum';
import { importers } from '../../src/ingest/importers';
import { writeAgreementsFile } from '../support/agreements-file';
import { startTestApp, TestApp } from '../support/test-app';

type Errors = { errors?: { extensions: { code: string; fields?: { field: string; message: string }[] } }[] };

/**
 * What hostile18 found stored that should not have been: titles holding characters Unicode shows as nothing (a soft
 * hyphen, a Hangul filler, tag characters), an agreement's dates out of order where the first date given was in
 * order (a termination before the entry into force, a provisional application before the signature), and an
 * annotation scoped to a party the agreement no longer lists.
 */
describe('hostile records: invisible title characters and dates out of order', () => {
  let t: TestApp;
  let admin: string;
  let dir: string;
  const saved = process.env.RATE_LIMIT_PER_KEY;
  const em = () => t.orm.em.fork() as EntityManager;
  let unique = 0;
  const slug = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++unique}`;
  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_KEY = '1000000';
    t = await startTestApp();
    admin = await t.createKey(Role.ADMIN, 'admin');
    dir = mkdtempSync(join(tmpdir(), 'ct-hostile-records-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env.RATE_LIMIT_PER_KEY;
    else process.env.RATE_LIMIT_PER_KEY = saved;
  });
  const create = (input: Record<string, unknown>) =>
    t.gql<{ createAgreement: { slug: string; version: number; title: string } }>(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug version title } }',
      {
        input: {
          slug: slug('hostile'),
          title: 'Hostile records FTA',
          kind: 'BILATERAL',
          status: 'SIGNED',
          ...input,
        },
      },
      { key: admin },
    );
  const refusal = (r: Errors) => ({
    code: r.errors?.[0]?.extensions.code ?? 'OK',
    fields: (r.errors?.[0]?.extensions.fields ?? []).map((f) => `${f.field}: ${f.message}`),
  });

  it('refuses a title holding a character shown as nothing, or only such characters, and keeps what scripts need', async () => {
    const invisible: [string, string][] = [
      ['Ag\u00adreement on films', 'U+00AD'], // soft hyphen: looks like "Agreement on films"
      ['\u3164', 'U+3164'], // a Hangul filler alone: a blank title
      ['\u2800', 'U+2800'], // a blank braille pattern alone: a blank title
      ['Films\u{e0069}\u{e0067}\u{e006e}', 'U+E0069'], // tag characters, which spell "ign" unseen
      ['Films \ufff9note\ufffb', 'U+FFF9'], // interlinear annotation
      ['Films\u2028on screen', 'U+2028'], // a line separator
      ['Films \ufffe', 'U+FFFE'], // a noncharacter
      ['CE\u034fTA', 'U+034F'], // combining grapheme joiner
    ];
    for (const [title, shown] of invisible) {
      const r = refusal(await create({ title }));
      expect([title, r.code]).toEqual([title, 'BAD_USER_INPUT']);
      expect(r.fields.join('\n')).toContain(
        `input.title: must not contain control, invisible or bidirectional`,
      );
      expect(r.fields.join('\n')).toContain(shown);
    }
    for (const title of [
      '\u0645\u06cc\u200c\u0634\u0648\u062f', // a zero-width non-joiner, as Persian writes it
      'Film \u200eFTA', // a left-to-right mark
      'Agreement \u2764\ufe0f', // an emoji with its variation selector
      'Agreement \u{1f469}\u200d\u{1f4bb}', // an emoji joined by a zero-width joiner
      '\u182e\u1823\u1829\u182d\u1824\u182f \u1833\u180b', // Mongolian with a free variation selector
    ]) {
      const r = await create({ title });
      expect([title, refusal(r).code]).toEqual([title, 'OK']);
      expect(r.data?.createAgreement.title).toBe(title);
    }
  });

  it('import json refuses a provision title with a soft hyphen, as the API does', async () => {
    const file = writeAgreementsFile(join(dir, 'soft-hyphen.json'), [
      {
        slug: 'json-soft-hyphen',
        title: 'Record with a soft hyphen',
        kind: 'BILATERAL',
        status: 'SIGNED',
        parties: [{ code: 'CAN' }, { code: 'HND' }],
        provisions: [
          {
            key: 'art-1',
            location: 'OPERATIVE',
            articleTitle: 'Cul\u00adture',
            text: 'The Parties trade films.',
          },
        ],
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.imported).toBe(0);
    expect(summary.failures.map((f) => f.reason).join('\n')).toMatch(
      /provisions\.0\.articleTitle: must not contain control, invisible or bidirectional-override characters \(U\+00AD/,
    );
    expect(await em().count(Agreement, { slug: 'json-soft-hyphen' })).toBe(0);
  });

  it('refuses a termination before the entry into force and a provisional application before the signature', async () => {
    expect(
      refusal(
        await create({
          status: 'TERMINATED',
          dateSigned: '2010-05-01',
          dateInForce: '2012-01-01',
          dateTerminated: '2011-01-01',
        }),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.dateTerminated: (2011-01-01) is before dateInForce (2012-01-01)'],
    });
    expect(
      refusal(await create({ dateSigned: '2010-05-01', dateProvisionallyApplied: '2001-01-01' })),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.dateProvisionallyApplied: (2001-01-01) is before dateSigned (2010-05-01)'],
    });
    expect(
      refusal(
        await create({
          status: 'TERMINATED',
          dateSigned: '2010-05-01',
          dateProvisionallyApplied: '2011-01-01',
          dateTerminated: '2010-12-01',
        }),
      ),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.dateTerminated: (2010-12-01) is before dateProvisionallyApplied (2011-01-01)'],
    });
    // In order, and on the same day, they are taken.
    const fine = await create({
      status: 'TERMINATED',
      dateSigned: '2010-05-01',
      dateProvisionallyApplied: '2010-05-01',
      dateInForce: '2011-01-01',
      dateTerminated: '2011-01-01',
    });
    expect(refusal(fine).code).toBe('OK');
  });

  it('updateAgreement judges a new date against the dates the agreement holds', async () => {
    const made = await create({ status: 'IN_FORCE', dateSigned: '2010-05-01', dateInForce: '2012-01-01' });
    const { slug: held, version } = made.data!.createAgreement;
    const update = (input: Record<string, unknown>) =>
      t.gql(
        'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { version dateTerminated } }',
        { input: { slug: held, version, ...input } },
        { key: admin },
      );
    expect(refusal(await update({ status: 'TERMINATED', dateTerminated: '2011-01-01' }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.dateTerminated: (2011-01-01) is before dateInForce (2012-01-01)'],
    });
    expect(refusal(await update({ dateProvisionallyApplied: '2009-01-01' }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['input.dateProvisionallyApplied: (2009-01-01) is before dateSigned (2010-05-01)'],
    });
    const stored = await em().findOneOrFail(Agreement, { slug: held });
    expect([stored.dateTerminated ?? null, stored.dateProvisionallyApplied ?? null]).toEqual([null, null]);
  });

  it('setAgreementParties refuses to drop a party an annotation is scoped to, naming the annotation', async () => {
    const made = await create({
      kind: 'PLURILATERAL',
      parties: [{ code: 'CAN' }, { code: 'KOR' }, { code: 'MEX' }],
    });
    const { slug: held, version } = made.data!.createAgreement;
    const added = await t.gql<{ addProvision: { pinpoint: string } }>(
      'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
      {
        input: {
          agreement: held,
          key: 'art-1',
          location: 'OPERATIVE',
          text: 'Canada may adopt or maintain measures protecting its cultural heritage.',
        },
      },
      { key: admin },
    );
    const pinpoint = added.data!.addProvision.pinpoint;
    const annotated = await t.gql<{ createAnnotation: { id: string } }>(
      'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
      { input: { pinpoint, code: 'HERITAGE_EXCEPTION', partyScope: ['CAN'] } },
      { key: admin },
    );
    const id = annotated.data!.createAnnotation.id;
    const setParties = (parties: { code: string }[], at: number) =>
      t.gql<{ setAgreementParties: { version: number } }>(
        'mutation($input: SetAgreementPartiesInput!) { setAgreementParties(input: $input) { version } }',
        { input: { slug: held, version: at, parties } },
        { key: admin },
      );
    expect(refusal(await setParties([{ code: 'KOR' }, { code: 'MEX' }], version))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: [
        `input.parties: annotation ${id} on ${pinpoint} is scoped to CAN, which this list no longer binds: change or withdraw it first`,
      ],
    });
    // Nothing changed: Canada is still a party.
    const parties = await t.gql<{ agreement: { version: number; parties: { party: { code: string } }[] } }>(
      'query($slug: String!) { agreement(slug: $slug) { version parties { party { code } } } }',
      { slug: held },
    );
    expect(parties.data!.agreement.parties.map((p) => p.party.code).sort()).toEqual(['CAN', 'KOR', 'MEX']);
    // Dropping another party is taken.
    const kept = await setParties([{ code: 'CAN' }, { code: 'KOR' }], parties.data!.agreement.version);
    expect(refusal(kept).code).toBe('OK');
  });

  it('import tota refuses a file with a document type declaration, whose entities were stored unexpanded', async () => {
    // A billion-laughs file: the parser expands no entity, and the title "&j;" and the slug "j" were stored.
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'tota', 'sample_1.xml'), 'utf8');
    const entities = ['<!ENTITY a "aaaaaaaaaa">'];
    for (let i = 1; i < 10; i++)
      entities.push(
        `<!ENTITY ${String.fromCharCode(97 + i)} "${`&${String.fromCharCode(96 + i)};`.repeat(10)}">`,
      );
    const text = sample
      .replace('<treaty>', `<!DOCTYPE treaty [\n${entities.join('\n')}\n]>\n<treaty>`)
      .replace('<name>Canada - Testland</name>', '<name>&j;</name>')
      .replace('990001', '990181');
    const file = join(dir, 'laughs_1.xml');
    writeFileSync(file, text);
    const summary = await importers(t.app).tota.import({ paths: [file], annotate: false });
    expect(summary.imported).toBe(0);
    expect(summary.failures.map((f) => f.reason)).toEqual([
      expect.stringMatching(/document type declaration \(<!DOCTYPE, line 3\) is not read/),
    ]);
    expect(await em().count(Agreement, { totaId: '990181' })).toBe(0);
  });

  it('import json keeps a record whose dates contradict each other but says so, whichever date comes first', async () => {
    const file = writeAgreementsFile(join(dir, 'dates.json'), [
      {
        slug: 'json-terminated-early',
        title: 'Record terminated before it entered into force',
        kind: 'BILATERAL',
        status: 'TERMINATED',
        dateSigned: '2010-05-01',
        dateInForce: '2012-01-01',
        dateTerminated: '2011-01-01',
        parties: [{ code: 'CAN' }, { code: 'HND' }],
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.failures).toEqual([]);
    expect(summary.warnings.map((w) => w.message)).toContain(
      'dateTerminated (2011-01-01) is before dateInForce (2012-01-01)',
    );
  });
});
