import { EntityManager } from '@mikro-orm/knex';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/role.enum';
import { importers } from '../../src/ingest/importers';
import { startTestApp, TestApp } from '../support/test-app';
import { writeAgreementsFile } from '../support/agreements-file';

/**
 * `concludedBy` at every door that writes an agreement: readable on Agreement, set by the fixtures (with its
 * source), by createAgreement / updateAgreement and by `import json`; BLOC_ONLY beside a member state listed as
 * the bloc's refused everywhere, naming the field. And what it changes: a member state that joined the bloc after
 * the signature is bound by an agreement of the bloc alone from its entry into the bloc.
 */
describe('who concluded an agreement on the bloc side (concludedBy)', () => {
  let t: TestApp;
  let admin: string;
  const dir = mkdtempSync(join(tmpdir(), 'concluded-by-'));
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.createKey(Role.ADMIN, 'admin');
  });
  afterAll(() => t.close());

  const create = (input: Record<string, unknown>) =>
    t.gql<{ createAgreement: { slug: string; version: number; concludedBy: string | null } }>(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug version concludedBy } }',
      { input },
      { key: admin },
    );
  /** Croatia's binding (it joined the EU on 2013-07-01) as the table every reader reads holds it. */
  const hrv = async (slug: string) =>
    (
      await (t.orm.em.fork() as EntityManager)
        .getConnection()
        .execute<{ via: string | null; appliedFrom: string | null }[]>(
          `select b.via as "via", b.applied_from as "appliedFrom" from agreement_binding b join agreement a on a.id = b.agreement_id where a.slug = ? and b.party_code = 'HRV'`,
          [slug],
        )
    )[0];

  it('reads the fixtures: the EU agreements say who concluded them, and where that comes from', async () => {
    type Read = { concludedBy: string | null; factSources: { fact: string; source: string }[] };
    const res = await t.gql<Record<'japan' | 'korea' | 'canada', Read>>(
      '{ japan: agreement(slug: "eu-japan-epa") { concludedBy factSources { fact source } } korea: agreement(slug: "eu-korea-fta") { concludedBy factSources { fact source } } canada: agreement(slug: "canada-korea-fta") { concludedBy factSources { fact source } } }',
    );
    expect(res.errors).toBeUndefined();
    const source = (a: Read) => a.factSources.find((f) => f.fact === 'concludedBy')?.source;
    expect(res.data!.japan.concludedBy).toBe('BLOC_ONLY');
    expect(source(res.data!.japan)).toMatch(/2018\/1907/);
    expect(res.data!.korea.concludedBy).toBe('MIXED');
    expect(source(res.data!.korea)).toMatch(/22011A0514/);
    expect(res.data!.canada.concludedBy).toBeNull();
  });

  it('createAgreement and updateAgreement set it, and the binding of a later member follows', async () => {
    const made = await create({
      slug: 'eec-testland-1972',
      title: 'EEC - Testland (1972)',
      kind: 'BILATERAL',
      status: 'IN_FORCE',
      dateSigned: '1972-07-22',
      dateInForce: '1973-01-01',
      concludedBy: 'BLOC_ONLY',
      parties: [{ code: 'EUN' }, { code: 'CHE' }],
    });
    expect(made.errors).toBeUndefined();
    expect(made.data!.createAgreement.concludedBy).toBe('BLOC_ONLY');
    // Croatia joined the EU on 2013-07-01: bound by an agreement of the bloc alone from that day.
    expect(await hrv('eec-testland-1972')).toMatchObject({ via: 'EUN', appliedFrom: '2013-07-01' });
    const mixed = await t.gql<{ updateAgreement: { concludedBy: string; version: number } }>(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { concludedBy version } }',
      {
        input: {
          slug: 'eec-testland-1972',
          version: made.data!.createAgreement.version,
          concludedBy: 'MIXED',
        },
      },
      { key: admin },
    );
    expect(mixed.errors).toBeUndefined();
    expect(mixed.data!.updateAgreement.concludedBy).toBe('MIXED');
    // Mixed: bound by its own accession instrument, none listed: not known.
    expect(await hrv('eec-testland-1972')).toMatchObject({ via: 'EUN', appliedFrom: null });
    const cleared = await t.gql<{ updateAgreement: { concludedBy: string | null } }>(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { concludedBy } }',
      {
        input: { slug: 'eec-testland-1972', version: mixed.data!.updateAgreement.version, concludedBy: null },
      },
      { key: admin },
    );
    expect(cleared.data!.updateAgreement.concludedBy).toBeNull();
  });

  it('refuses BLOC_ONLY beside a member state listed as the bloc’s, naming concludedBy, at create, update and setParties', async () => {
    const refused = await create({
      slug: 'bloc-only-with-france',
      title: 'Bloc only with France',
      kind: 'BILATERAL',
      status: 'IN_FORCE',
      dateSigned: '2010-10-06',
      concludedBy: 'BLOC_ONLY',
      parties: [{ code: 'EUN' }, { code: 'KOR' }, { code: 'FRA' }],
    });
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain(
      'input.concludedBy: is BLOC_ONLY, but FRA is listed beside EUN',
    );
    // EU-Korea lists Croatia beside the EU as acceding by its own protocol: a mixed agreement.
    const korea = await t.gql<{ agreement: { version: number } }>(
      '{ agreement(slug: "eu-korea-fta") { version } }',
    );
    const update = await t.gql(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { concludedBy } }',
      { input: { slug: 'eu-korea-fta', version: korea.data!.agreement.version, concludedBy: 'BLOC_ONLY' } },
      { key: admin },
    );
    expect(update.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(update.errors?.[0]?.message).toContain(
      'input.concludedBy: is BLOC_ONLY, but HRV is listed beside EUN',
    );
    const japan = await t.gql<{ agreement: { version: number } }>(
      '{ agreement(slug: "eu-japan-epa") { version } }',
    );
    const parties = await t.gql(
      'mutation($input: SetAgreementPartiesInput!) { setAgreementParties(input: $input) { slug } }',
      {
        input: {
          slug: 'eu-japan-epa',
          version: japan.data!.agreement.version,
          parties: [{ code: 'EUN' }, { code: 'JPN' }, { code: 'DEU' }],
        },
      },
      { key: admin },
    );
    expect(parties.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(parties.errors?.[0]?.message).toContain("input.parties: the agreement's concludedBy is BLOC_ONLY");
  });

  it('import json sets it, and refuses BLOC_ONLY beside a member state naming the field', async () => {
    const record = (slug: string, extra: Record<string, unknown>) => ({
      slug,
      title: `Record ${slug}`,
      kind: 'BILATERAL',
      status: 'IN_FORCE',
      dateSigned: '1972-07-22',
      dateInForce: '1973-01-01',
      parties: [{ code: 'EUN' }, { code: 'ISL' }],
      ...extra,
    });
    const file = join(dir, 'records.json');
    writeAgreementsFile(file, [
      record('json-bloc-only', {
        concludedBy: 'BLOC_ONLY',
        factSources: { concludedBy: 'a test source' },
      }),
      record('json-bloc-only-with-italy', {
        concludedBy: 'BLOC_ONLY',
        parties: [{ code: 'EUN' }, { code: 'ISL' }, { code: 'ITA' }],
      }),
      record('json-not-a-value', { concludedBy: 'BLOC' }),
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    const reasons = summary.failures.map((f) => f.reason).join('\n');
    expect(reasons).toMatch(
      /json-bloc-only-with-italy: concludedBy: is BLOC_ONLY, but ITA is listed beside EUN/,
    );
    expect(reasons).toMatch(/concludedBy/);
    // The file is all or nothing: json-bloc-only is written once the file holds it alone.
    expect(summary.imported).toBe(0);
    expect(await hrv('json-bloc-only')).toBeUndefined();
    writeAgreementsFile(file, [
      record('json-bloc-only', {
        concludedBy: 'BLOC_ONLY',
        factSources: { concludedBy: 'a test source' },
      }),
    ]);
    expect((await importers(t.app).json.import({ paths: [file] })).imported).toBe(1);
    expect(await hrv('json-bloc-only')).toMatchObject({ via: 'EUN', appliedFrom: '2013-07-01' });
  });
});
