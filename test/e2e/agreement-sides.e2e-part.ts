import { EntityManager } from '@mikro-orm/knex';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Role } from '../../src/auth/role.enum';
import { ExportService } from '../../src/ingest/export.service';
import { importers } from '../../src/ingest/importers';
import { writeAgreementsFile } from '../support/agreements-file';
import { startTestApp, TestApp } from '../support/test-app';

const EFTA = ['CHE', 'ISL', 'LIE', 'NOR'];

/**
 * The sides of an agreement (`agreement_party.side`): EFTA's agreements list the EFTA States one by one, and most
 * apply only between each EFTA State and the partner(s) (EFTA - Colombia Art. 1.5; EFTA - Central America Art. 1.4,
 * not between Costa Rica and Panama either). Switzerland's report named Iceland, Liechtenstein and Norway its
 * partners under EFTA - Colombia, and Liechtenstein's unknown Convention status was reported as a partner's. Records
 * built here (the corpus is not in e2e), as the ToTA import writes them.
 */
describe('the sides of an agreement (agreement_party.side)', () => {
  let t: TestApp;
  let admin: string;
  const dir = mkdtempSync(join(tmpdir(), 'agreement-sides-'));
  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    admin = await t.createKey(Role.ADMIN, 'admin');
  });
  afterAll(() => t.close());

  const sided = (codes: readonly string[], side: string | null) =>
    codes.map((code) => ({ code, ...(side === null ? {} : { side }) }));
  const create = (slug: string, parties: Record<string, unknown>[]) =>
    t.gql<{ createAgreement: { slug: string; parties: { party: { code: string }; side: string | null }[] } }>(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug parties { party { code } side } } }',
      {
        input: {
          slug,
          title: `Test ${slug}`,
          kind: 'PLURILATERAL',
          status: 'IN_FORCE',
          dateSigned: '2008-11-25',
          dateInForce: '2011-07-01',
          parties,
        },
      },
      { key: admin },
    );
  type Row = {
    agreement: { slug: string };
    partners: { code: string }[];
  };
  type Finding = { agreement: { slug: string } | null; message: string };
  const report = async (party: string) => {
    const res = await t.gql<{ coherenceReport: { agreements: Row[]; findings: Finding[] } }>(
      `query($party: String!) { coherenceReport(party: $party, asOf: "2024-01-01") {
        agreements { agreement { slug } partners { code } } findings { agreement { slug } message } } }`,
      { party },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.coherenceReport;
  };
  const partnersIn = async (party: string, slug: string) =>
    (await report(party)).agreements
      .find((a) => a.agreement.slug === slug)
      ?.partners.map((p) => p.code)
      .sort();

  it('names no party of its own side a partner: Switzerland under EFTA - Colombia has Colombia alone', async () => {
    const made = await create('t-efta-colombia', [
      ...sided(EFTA, 'EFTA States'),
      ...sided(['COL'], 'Colombia'),
    ]);
    expect(made.errors).toBeUndefined();
    expect(made.data!.createAgreement.parties.map((p) => `${p.party.code}:${p.side}`).sort()).toEqual([
      'CHE:EFTA States',
      'COL:Colombia',
      'ISL:EFTA States',
      'LIE:EFTA States',
      'NOR:EFTA States',
    ]);
    // The agreement's page says each party's side.
    const page = await t.http().get('/agreements/t-efta-colombia').expect(200);
    expect(page.text).toContain('of the side: <span lang="en">EFTA States</span>');
    expect(page.text).toContain('of the side: <span lang="en">Colombia</span>');
    expect(await partnersIn('CHE', 't-efta-colombia')).toEqual(['COL']);
    expect(await partnersIn('ISL', 't-efta-colombia')).toEqual(['COL']);
    expect(await partnersIn('COL', 't-efta-colombia')).toEqual(EFTA);
    // Liechtenstein's Convention status is not known: said to Colombia, its partner, not to Switzerland.
    const lie = (findings: Finding[]) =>
      findings.filter(
        (f) => f.agreement?.slug === 't-efta-colombia' && /Liechtenstein|\bLIE\b/.test(f.message),
      );
    expect(lie((await report('CHE')).findings)).toEqual([]);
    expect(lie((await report('COL')).findings).length).toBeGreaterThan(0);
  });

  it("says each side in the page language: the translation table, its parties' names, else the label marked English", async () => {
    const efta = await create('t-sides-words', [
      ...sided(EFTA, 'EFTA States'),
      ...sided(['COL'], 'Colombia'),
    ]);
    expect(efta.errors).toBeUndefined();
    const named = await create('t-sides-names', [
      // Listed in another order than the label's, as the ToTA import lists them: the label's order is kept.
      ...sided(['HND', 'SLV'], 'El Salvador and Honduras'),
      ...sided(['TWN'], 'Republic of China (Taiwan)'),
    ]);
    expect(named.errors).toBeUndefined();
    const other = await create('t-sides-other', [
      ...sided(['PER', 'ECU'], 'Andean partners'),
      ...sided(['CAN'], 'Canada'),
    ]);
    expect(other.errors).toBeUndefined();
    const sides = async (slug: string, lang: string) => {
      const page = await t.http().get(`/agreements/${slug}?lang=${lang}`).expect(200);
      const word = { en: 'of the side:', fr: 'du côté :', es: 'del lado:' }[lang]!;
      return [
        ...page.text.matchAll(new RegExp(`${word} (<span lang="en">[^<]*</span>|[^<·]*?)\\s*(?:<|·)`, 'g')),
      ]
        .map((m) => m[1].trim())
        .filter((v, i, all) => all.indexOf(v) === i);
    };
    // A bloc's side in the interface's words; a one-party side by its party's name (CLDR's); none left English.
    expect(await sides('t-sides-words', 'fr')).toEqual(['États de l’AELE', 'Colombie']);
    expect(await sides('t-sides-words', 'es')).toEqual(['Estados de la AELC', 'Colombia']);
    // A side named by its parties: their names as the language joins a list.
    expect(await sides('t-sides-names', 'fr')).toEqual(['Salvador et Honduras', 'Taïwan']);
    expect(await sides('t-sides-names', 'es')).toEqual(['El Salvador y Honduras', 'Taiwán']);
    // A label with no translation is shown as the record writes it, and marked English for a reader and a screen reader.
    expect(await sides('t-sides-other', 'fr')).toEqual(['<span lang="en">Andean partners</span>', 'Canada']);
    // English shows the record's label, as written.
    expect(await sides('t-sides-words', 'en')).toEqual([
      '<span lang="en">EFTA States</span>',
      '<span lang="en">Colombia</span>',
    ]);
  });

  it('with no sides recorded every party is a partner (the EFTA Convention binds the EFTA States to each other)', async () => {
    const made = await create('t-efta-convention', sided(EFTA, null));
    expect(made.errors).toBeUndefined();
    expect(await partnersIn('CHE', 't-efta-convention')).toEqual(['ISL', 'LIE', 'NOR']);
  });

  it('EFTA - Central America: Costa Rica and Panama are no partners of each other, and Panama grants Costa Rica nothing', async () => {
    // With an article of preferential treatment for culture, for the flows (written as `import json` writes it).
    const file = writeAgreementsFile(join(dir, 'central-america.json'), [
      {
        slug: 't-efta-central-america',
        title: 'Test EFTA - Central America',
        kind: 'PLURILATERAL',
        status: 'IN_FORCE',
        dateSigned: '2013-06-24',
        dateInForce: '2014-08-19',
        parties: [...sided(EFTA, 'EFTA States'), ...sided(['CRI', 'PAN'], 'Central American States')],
        provisions: [
          {
            key: 'art-1',
            location: 'OPERATIVE',
            articleNumber: '1',
            language: 'en',
            text: 'A made-up article on technical assistance for cultural goods.',
            annotations: [
              {
                code: 'PREFERENTIAL_TREATMENT_CULTURE',
                detail: ['TECHNICAL_ASSISTANCE'],
                status: 'ACCEPTED',
              },
            ],
          },
        ],
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.failures).toEqual([]);
    expect(await partnersIn('CRI', 't-efta-central-america')).toEqual(EFTA);
    expect(await partnersIn('PAN', 't-efta-central-america')).toEqual(EFTA);
    expect(await partnersIn('NOR', 't-efta-central-america')).toEqual(['CRI', 'PAN']);
    // Panama is classed developed: it was said to grant Costa Rica what the agreement gives developing countries.
    const flows = await t.gql<{
      preferentialTreatmentFlows: { flows: { grantor: { code: string }; agreement: { slug: string } }[] };
    }>(
      `{ preferentialTreatmentFlows(filter: { beneficiaries: ["CRI"] }) { flows { grantor { code } agreement { slug } } } }`,
    );
    expect(flows.errors).toBeUndefined();
    const grantors = flows
      .data!.preferentialTreatmentFlows.flows.filter((f) => f.agreement.slug === 't-efta-central-america')
      .map((f) => f.grantor.code)
      .sort();
    expect(grantors).toEqual(EFTA);
  });

  it('refuses sides given to some parties only, or one side only, naming the field', async () => {
    const some = await create('t-sides-some', [...sided(EFTA, 'EFTA States'), ...sided(['COL'], null)]);
    expect(some.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(some.errors?.[0]?.message).toMatch(/parties\.4\.side|side: is not given/);
    const one = await create('t-sides-one', sided([...EFTA, 'COL'], 'EFTA States'));
    expect(one.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(one.errors?.[0]?.message).toMatch(/names one side only/);
  });

  it('import json writes the sides, and the export gives them back', async () => {
    const file = writeAgreementsFile(join(dir, 'sides.json'), [
      {
        slug: 't-json-efta-peru',
        title: 'Test EFTA - Peru',
        kind: 'PLURILATERAL',
        status: 'IN_FORCE',
        dateSigned: '2010-06-24',
        dateInForce: '2011-07-01',
        parties: [...sided(EFTA, 'EFTA States'), ...sided(['PER'], 'Peru')],
        factSources: { sides: 'a test source: Art. 1.5' },
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.failures).toEqual([]);
    expect(await partnersIn('CHE', 't-json-efta-peru')).toEqual(['PER']);
    const out = join(dir, 'export.json');
    const stream = createWriteStream(out);
    await t.app
      .get(ExportService)
      .export('agreements', 'json', stream, { agreementSlug: 't-json-efta-peru' });
    stream.end();
    await once(stream, 'finish');
    const exported = JSON.parse(readFileSync(out, 'utf8')) as {
      agreements: { parties: { code: string; side: string | null }[] }[];
    };
    expect(exported.agreements[0].parties.map((p) => `${p.code}:${p.side}`).sort()).toEqual([
      'CHE:EFTA States',
      'ISL:EFTA States',
      'LIE:EFTA States',
      'NOR:EFTA States',
      'PER:Peru',
    ]);
    // The same file again changes nothing.
    const rows = () =>
      (t.orm.em.fork() as EntityManager)
        .getConnection()
        .execute(
          "select ap.party_code, ap.side from agreement_party ap join agreement a on a.id = ap.agreement_id where a.slug = 't-json-efta-peru' order by ap.party_code",
        );
    const before = await rows();
    const again = await importers(t.app).json.import({ paths: [file] });
    expect(again.unchanged.length).toBe(1);
    expect(await rows()).toEqual(before);
  });
});
