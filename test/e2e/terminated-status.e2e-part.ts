import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agreement } from '../../src/agreements/agreement.entity';
import { AgreementStatus } from '../../src/agreements/agreement.enums';
import { Role } from '../../src/auth/role.enum';
import { importers } from '../../src/ingest/importers';
import { writeAgreementsFile } from '../support/agreements-file';
import { startTestApp, TestApp } from '../support/test-app';
import { pageText as text } from '../support/page-text';

/**
 * An agreement recorded IN_FORCE whose termination has passed (truth19): NAFTA, terminated on 2020-07-01 when the USMCA
 * replaced it, as a record that kept ToTA's "in force" beside its date of termination would hold it (the fixture says
 * TERMINATED; here the status is set back as such a record, or one whose announced termination has since come, has
 * it). The reports already left it out after 2020-07-01 (the binding rule ends it on its termination); the agreement
 * page, the party page, the comparison and the status filter said it was in force.
 */
describe('an agreement recorded in force whose termination has passed', () => {
  let t: TestApp;
  let admin: string;
  const dir = mkdtempSync(join(tmpdir(), 'terminated-status-'));

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    admin = await t.createKey(Role.ADMIN, 'admin');
    const em = t.orm.em.fork();
    const nafta = await em.findOneOrFail(Agreement, { slug: 'nafta' });
    expect(nafta.dateTerminated).toBe('2020-07-01');
    nafta.status = AgreementStatus.IN_FORCE;
    await em.flush();
  });
  afterAll(() => t.close());

  it('binds Canada before its termination and not after, in the coherence report', async () => {
    const report = async (asOf: string) =>
      (
        await t.gql<{
          coherenceReport: {
            agreements: { agreement: { slug: string } }[];
            leftOut: { slug: string; status: string }[];
          };
        }>(
          'query($asOf: LocalDate) { coherenceReport(party: "CAN", asOf: $asOf) { agreements { agreement { slug } } leftOut { slug status } } }',
          { asOf },
        )
      ).data!.coherenceReport;
    const before = await report('2019-06-01');
    expect(before.agreements.map((a) => a.agreement.slug)).toContain('nafta');
    const after = await report('2022-01-01');
    expect(after.agreements.map((a) => a.agreement.slug)).not.toContain('nafta');
    expect(after.leftOut.find((a) => a.slug === 'nafta')).toEqual({ slug: 'nafta', status: 'TERMINATED' });
  });

  it('is terminated in GraphQL, on the agreement page, the party page and in the comparison', async () => {
    const res = await t.gql<{ agreement: { status: string } }>('{ agreement(slug: "nafta") { status } }');
    expect(res.errors).toBeUndefined();
    expect(res.data!.agreement.status).toBe('TERMINATED');
    const page = text((await t.http().get('/agreements/nafta').expect(200)).text);
    expect(page).toMatch(/Status terminated Kind/);
    const party = text((await t.http().get('/parties/CAN').expect(200)).text);
    expect(party).toMatch(/NAFTA 17 Dec 1992 terminated/);
    expect(party).not.toMatch(/NAFTA 17 Dec 1992 in force/);
    const md = (await t.http().get('/reports/compare.md?agreements=nafta,ceta').expect(200)).text;
    const statusRow = md.split('\n').find((line) => /^\| Status \|/.test(line));
    expect(statusRow).toMatch(/^\| Status \| terminated \|/);
  });

  it('is found among terminated agreements by the status filter, not among those in force', async () => {
    const slugs = async (status: string) =>
      (
        await t.gql<{ agreements: { edges: { node: { slug: string } }[] } }>(
          `{ agreements(first: 100, filter: { statuses: [${status}] }) { edges { node { slug } } } }`,
        )
      ).data!.agreements.edges.map((e) => e.node.slug);
    expect(await slugs('IN_FORCE')).not.toContain('nafta');
    expect(await slugs('TERMINATED')).toContain('nafta');
    expect(await slugs('IN_FORCE')).toContain('usmca');
  });

  it('is refused in force by the API once its termination has passed, naming the status', async () => {
    const usmca = await t.gql<{ agreement: { version: number } }>('{ agreement(slug: "usmca") { version } }');
    const res = await t.gql(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { status } }',
      { input: { slug: 'usmca', version: usmca.data!.agreement.version, dateTerminated: '2021-01-01' } },
      { key: admin },
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toContain(
      'input.status: is IN_FORCE, but dateTerminated (2021-01-01) has passed',
    );
    // A termination announced for a day to come leaves it in force until then.
    const later = await t.gql<{ updateAgreement: { status: string; dateTerminated: string } }>(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { status dateTerminated } }',
      { input: { slug: 'usmca', version: usmca.data!.agreement.version, dateTerminated: '2070-01-01' } },
      { key: admin },
    );
    expect(later.errors).toBeUndefined();
    expect(later.data!.updateAgreement).toEqual({ status: 'IN_FORCE', dateTerminated: '2070-01-01' });
  });

  it('lets another field of an agreement stored in force after its termination be edited', async () => {
    const nafta = await t.gql<{ agreement: { version: number } }>('{ agreement(slug: "nafta") { version } }');
    const res = await t.gql<{ updateAgreement: { shortTitle: string; status: string } }>(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { shortTitle status } }',
      { input: { slug: 'nafta', version: nafta.data!.agreement.version, shortTitle: 'NAFTA 1992' } },
      { key: admin },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateAgreement).toEqual({ shortTitle: 'NAFTA 1992', status: 'TERMINATED' });
  });

  it('is kept as recorded by import json, which says so, and read as terminated', async () => {
    const file = writeAgreementsFile(join(dir, 'ended.json'), [
      {
        slug: 'json-ended-in-force',
        title: 'Recorded in force, terminated in 2015',
        kind: 'BILATERAL',
        status: 'IN_FORCE',
        dateSigned: '2001-01-01',
        dateInForce: '2002-01-01',
        dateTerminated: '2015-01-01',
        parties: [{ code: 'CHE' }, { code: 'NZL' }],
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.imported).toBe(1);
    expect(summary.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^status IN_FORCE contradicts dateTerminated \(2015-01-01\), .*kept as recorded$/,
      ),
    ]);
    const em = t.orm.em.fork();
    expect((await em.findOneOrFail(Agreement, { slug: 'json-ended-in-force' })).status).toBe('IN_FORCE');
    const read = await t.gql<{ agreement: { status: string } }>(
      '{ agreement(slug: "json-ended-in-force") { status } }',
    );
    expect(read.data!.agreement.status).toBe('TERMINATED');
  });
});
