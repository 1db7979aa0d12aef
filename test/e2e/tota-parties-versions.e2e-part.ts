import { EntityManager } from '@mikro-orm/knex';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agreement } from '../../src/agreements/agreement.entity';
import { readPartyFixtures } from '../../src/parties/party-fixtures';
import { Provision } from '../../src/provisions/provision.entity';
import { startTestApp, TestApp } from '../support/test-app';
import { importers } from '../../src/ingest/importers';

/**
 * The ToTA import on a small catalogue built for each case: EU member states listed one by one (joined later,
 * the counterparty, left before), and one treaty held as two files in two languages. The treaty files are
 * invented here (no treaty sentence); only party codes and dates are real.
 */

const eu = readPartyFixtures().find((p) => p.code === 'EUN')!.members!;
const membersOn = (date: string) =>
  eu.filter((m) => m.dateJoined! <= date && (!m.dateLeft || m.dateLeft > date)).map((m) => m.code);

interface FileSpec {
  id: string;
  name: string;
  wto?: string;
  signed: string;
  original: string[];
  current?: string[];
  language?: string;
  composition?: string;
  articles?: [string, string][];
}

function totaXml(f: FileSpec): string {
  const codes = (list: string[]) =>
    list.map((c, i) => `<partyisocode n="${i + 1}">${c}</partyisocode>`).join('');
  const articles = (f.articles ?? [['Article 1', 'The partners trade.']])
    .map(
      ([number, text], i) =>
        `<article number="${number}" article_identifier="${f.id}0${i + 1}">${text}</article>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<treaty><meta>
  <name>${f.name}</name><type>Free Trade Agreement</type>
  <wto_rta_id>${f.wto ?? ''}</wto_rta_id><treaty_identifier>${f.id}</treaty_identifier>
  <status>In Force</status><date_signed>${f.signed}</date_signed>
  <parties_original>${codes(f.original)}</parties_original>
  <parties>${codes(f.current ?? [])}</parties>
  <composition>${f.composition ?? 'Bilateral'}</composition><language>${f.language ?? 'en'}</language>
  <source lang="${f.language ?? 'en'}" type="full text">https://example.org/${f.id}.pdf</source>
</meta><body>
  <chapter name="Preamble" chapter_identifier="1"><article article_identifier="${f.id}00">The partners agree.</article></chapter>
  <chapter number="1" name="General" chapter_identifier="2">${articles}</chapter>
</body></treaty>`;
}

describe('ToTA import: who is a party, and one treaty in two languages', () => {
  let t: TestApp;
  let dir: string;
  const em = () => t.orm.em.fork() as EntityManager;
  const write = (f: FileSpec) => {
    const file = join(dir, `pta_${f.id}.xml`);
    writeFileSync(file, totaXml(f));
    return file;
  };
  const importTota = (files: string[]) => importers(t.app).tota.import({ paths: files, annotate: false });
  const partiesOf = async (slug: string) => {
    const res = await t.gql<{ agreement: { parties: { party: { code: string }; role: string }[] } }>(
      `query ($slug: String!) { agreement(slug: $slug) { parties { party { code } role } } }`,
      { slug },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.agreement.parties.map((p) => p.party.code).sort();
  };
  const boundVia = async (slug: string) =>
    Object.fromEntries(
      (
        await em()
          .getConnection()
          .execute<{ party_code: string; via: string | null; applied_from: unknown }[]>(
            `select b."party_code", b."via", b."applied_from" from agreement_binding b join agreement a on a."id" = b."agreement_id" where a."slug" = ?`,
            [slug],
          )
      ).map((r) => [r.party_code, r.via]),
    );

  beforeAll(async () => {
    // Several coherence reports in a minute (each costs 50 of the 300 points): no rate limit here.
    t = await startTestApp({ rateLimits: false });
    dir = mkdtempSync(join(tmpdir(), 'ct-tota-parties-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records member states that joined the EU after the signature as bound through the EU, not as parties', async () => {
    const signed = '2002-11-18';
    const summary = await importTota([
      write({
        id: '9001',
        name: 'EU - Chile (invented file)',
        wto: '9001',
        signed,
        original: [...membersOn(signed), 'CHL'],
        current: [...membersOn('2014-01-01'), 'CHL'],
      }),
    ]);
    expect(summary.failures).toEqual([]);
    // ToTA's own status (the WTO card of 2017, which every ToTA record notes) is no warning: 450 of them hid the rest.
    expect(summary.warnings.filter((w) => /not re-checked since/.test(w.message))).toEqual([]);
    expect(await partiesOf('eu-chile-invented-file')).toEqual(['CHL', 'EUN']);
    expect(summary.foldedMembers).toBe(membersOn('2014-01-01').length);
    const via = await boundVia('eu-chile-invented-file');
    expect(via.BGR).toBe('EUN');
    expect(via.FRA).toBe('EUN');
    expect(via.CHL).toBeNull();
  });

  it('keeps the counterparty (not yet a member when it signed, named in the title) as a party', async () => {
    const signed = '1993-03-08';
    const summary = await importTota([
      write({
        id: '9002',
        name: 'EC - Bulgaria Europe Agreement (invented file)',
        signed,
        original: [...membersOn(signed), 'BGR'],
      }),
    ]);
    expect(await partiesOf('ec-bulgaria-europe-agreement-invented-file')).toEqual(['BGR', 'EUN']);
    expect(summary.counterparties).toEqual([
      { file: 'pta_9002.xml', into: 'ec-bulgaria-europe-agreement-invented-file', codes: ['BGR'] },
    ]);
    // States that joined soon after and are listed as original parties too are not counterparties.
    await importTota([
      write({
        id: '9003',
        name: 'EC - Austria Agreement (invented file)',
        signed: '1972-07-22',
        original: [...membersOn('1972-07-22'), 'AUT', 'DNK', 'GBR', 'IRL'],
      }),
    ]);
    expect(await partiesOf('ec-austria-agreement-invented-file')).toEqual(['AUT', 'EUN']);
    expect((await boundVia('ec-austria-agreement-invented-file')).GBR).toBe('EUN');
  });

  it('keeps a state that had left the EU before the signature as a party in its own right', async () => {
    const signed = '2021-06-01';
    await importTota([
      write({
        id: '9004',
        name: 'EU - Ukraine (invented file)',
        signed,
        original: [...membersOn(signed), 'GBR', 'UKR'],
      }),
    ]);
    expect(await partiesOf('eu-ukraine-invented-file')).toEqual(['EUN', 'GBR', 'UKR']);
    expect((await boundVia('eu-ukraine-invented-file')).GBR).toBeNull();
  });

  it('records a dependent territory listed by ToTA as a territory of its state, not as a party bound by the agreement', async () => {
    const signed = '2001-11-27';
    await importTota([
      write({
        id: '9005',
        name: 'EU - Overseas Countries (invented file)',
        signed,
        original: [...membersOn(signed), 'NCL', 'AIA', 'GRL'],
      }),
    ]);
    const territories = await em()
      .getConnection()
      .execute<{ code: string; territory_of: string | null }[]>(
        `select "code", "territory_of" from party where "code" in ('NCL', 'AIA', 'GRL', 'HKG', 'FRO') order by "code"`,
      );
    expect(Object.fromEntries(territories.map((r) => [r.code, r.territory_of]))).toEqual({
      AIA: 'GBR',
      FRO: null,
      GRL: 'DNK',
      HKG: null,
      NCL: 'FRA',
    });
    // Listed as ToTA gives them, but bound: only the EU and its member states.
    expect(await partiesOf('eu-overseas-countries-invented-file')).toEqual(['AIA', 'EUN', 'GRL', 'NCL']);
    const via = await boundVia('eu-overseas-countries-invented-file');
    expect(via.NCL).toBeUndefined();
    expect(via.AIA).toBeUndefined();
    expect(via.FRA).toBe('EUN');
  });

  it('merges two language versions of one treaty into one agreement whose provisions carry their language', async () => {
    const common = { wto: '9010', signed: '2016-02-04', original: ['CAN', 'CHL', 'PER'] };
    const en = write({ ...common, id: '9011', name: 'Pacific Partnership (invented file)' });
    const es = write({
      ...common,
      id: '9012',
      name: 'Asociación del Pacífico (invented file)',
      language: 'es',
      articles: [['Artículo 1', 'Las partes comercian.']],
    });
    const before = await em().count(Agreement);
    // The Spanish file first: the English one still becomes the first version, with the bare keys.
    const summary = await importTota([es, en]);
    expect(summary.failures).toEqual([]);
    expect(summary.imported).toBe(2);
    expect(summary.merged).toEqual([
      { file: 'pta_9012.xml', language: 'es', into: 'pacific-partnership-invented-file', keySuffix: 'es' },
    ]);
    expect(await em().count(Agreement)).toBe(before + 1);

    const res = await t.gql<{
      agreement: {
        externalIds: { totaId: string };
        language: string;
        sourceMeta: { languageVersions: { totaId: string; language: string; keySuffix: string | null }[] };
        record: { coverage: string; parts: string[] };
        sources: { url: string }[];
        provisions: { edges: { node: { key: string; language: string; pinpoint: string } }[] };
      };
    }>(`{ agreement(slug: "pacific-partnership-invented-file") {
      externalIds { totaId } language sourceMeta record { coverage parts } sources { url }
      provisions(first: 10) { edges { node { key language pinpoint } } } } }`);
    expect(res.errors).toBeUndefined();
    const a = res.data!.agreement;
    expect(a.externalIds.totaId).toBe('9011');
    expect(a.language).toBe('en');
    expect(a.record).toEqual({ coverage: 'FULL_TEXT', parts: ['MAIN_TEXT'] });
    expect(a.sourceMeta.languageVersions.map((v) => [v.totaId, v.language, v.keySuffix])).toEqual([
      ['9011', 'en', null],
      ['9012', 'es', 'es'],
    ]);
    expect(a.sources.map((s) => s.url).sort()).toEqual([
      'https://example.org/9011.pdf',
      'https://example.org/9012.pdf',
    ]);
    expect(a.provisions.edges.map((e) => [e.node.key, e.node.language])).toEqual([
      ['preamble', 'en'],
      ['art-1', 'en'],
      ['preamble.es', 'es'],
      ['art-1.es', 'es'],
    ]);
    expect(a.provisions.edges[3].node.pinpoint).toBe('pacific-partnership-invented-file/art-1.es');

    // Re-importing both, or the Spanish file alone, changes nothing.
    const snapshot = async () =>
      (await em().find(Provision, { agreement: { slug: 'pacific-partnership-invented-file' } }))
        .map((p) => `${p.id} ${p.key} ${p.language} ${p.position}`)
        .sort();
    const held = await snapshot();
    const both = await importTota([en, es]);
    expect(await snapshot()).toEqual(held);
    // Said as a plain re-import says it: unchanged, not "added as a further language version".
    expect({ merged: both.merged, unchanged: both.unchanged }).toEqual({
      merged: [],
      unchanged: [
        { file: 'pta_9011.xml', into: 'pacific-partnership-invented-file' },
        { file: 'pta_9012.xml', into: 'pacific-partnership-invented-file' },
      ],
    });
    const alone = await importTota([es]);
    expect({ merged: alone.merged, unchanged: alone.unchanged }).toEqual({
      merged: [],
      unchanged: [{ file: 'pta_9012.xml', into: 'pacific-partnership-invented-file' }],
    });
    expect(await snapshot()).toEqual(held);
    expect(await em().count(Agreement)).toBe(before + 1);
  });

  it('writes nothing when a language version held as it is comes again, whichever of three it is; a changed one is merged', async () => {
    const common = { wto: '9030', signed: '2015-05-05', original: ['CAN', 'CHL', 'PER'] };
    const en = write({ ...common, id: '9031', name: 'Triple Partnership (invented file)' });
    const es = (text: string) =>
      write({
        ...common,
        id: '9032',
        name: 'Asociación Triple (invented file)',
        language: 'es',
        articles: [['Artículo 1', text]],
      });
    const fr = write({
      ...common,
      id: '9033',
      name: 'Partenariat triple (invented file)',
      language: 'fr',
      articles: [['Article 1', 'Les partenaires commercent.']],
    });
    const slug = 'triple-partnership-invented-file';
    const first = await importTota([en, es('Las partes comercian.'), fr]);
    expect(first.merged.map((m) => m.file)).toEqual(['pta_9032.xml', 'pta_9033.xml']);
    // What a write would move: the agreement's version and every provision's last update.
    const state = async () => {
      const agreement = await em().findOneOrFail(Agreement, { slug });
      const provisions = await em().find(Provision, { agreement }, { orderBy: { key: 'asc' } });
      return {
        version: agreement.version,
        sourceMeta: JSON.stringify(agreement.sourceMeta),
        provisions: provisions.map((p) => `${p.key} ${p.position} ${p.updatedAt.toISOString()}`),
      };
    };
    const held = await state();
    // The Spanish version is the middle one of three: re-imported alone, it stays in its place.
    const again = await importTota([es('Las partes comercian.')]);
    expect({ merged: again.merged, unchanged: again.unchanged }).toEqual({
      merged: [],
      unchanged: [{ file: 'pta_9032.xml', into: slug }],
    });
    expect(await state()).toEqual(held);
    const all = await importTota([en, es('Las partes comercian.'), fr]);
    expect(all.unchanged.map((u) => u.file)).toEqual(['pta_9031.xml', 'pta_9032.xml', 'pta_9033.xml']);
    expect(await state()).toEqual(held);
    // A version whose text changed is merged again, and says so.
    const changed = await importTota([es('Las partes comercian y cooperan.')]);
    expect(changed.merged).toEqual([{ file: 'pta_9032.xml', language: 'es', into: slug, keySuffix: 'es' }]);
    expect(changed.unchanged).toEqual([]);
    expect((await state()).version).toBe(held.version);
    const text = await em().findOneOrFail(Provision, { agreement: { slug }, key: 'art-1.es' });
    expect(text.text).toBe('Las partes comercian y cooperan.');
  });

  it('imports files of the same treaty in the same language, or with other parties, as agreements of their own', async () => {
    const common = { wto: '9020', signed: '2010-01-01', original: ['CAN', 'CHL'] };
    const before = await em().count(Agreement);
    const summary = await importTota([
      write({ ...common, id: '9021', name: 'Twin (invented file)' }),
      write({ ...common, id: '9022', name: 'Twin (invented file)' }),
      write({
        ...common,
        id: '9023',
        name: 'Twin (invented file)',
        original: ['CAN', 'PER'],
        language: 'fr',
      }),
    ]);
    expect(summary.merged).toEqual([]);
    expect(await em().count(Agreement)).toBe(before + 3);
  });

  it("shows ToTA's composition beside the kind only where it says more than the kind", async () => {
    // 373 of the corpus's 448 agreements read "bilateral (Bilateral)" or "plurilateral (Plurilateral)": ToTA's
    // composition repeated the kind, in English on every page.
    const files = [
      write({
        id: '9301',
        name: 'Composition Plain Agreement',
        signed: '2001-01-01',
        original: ['CAN', 'CHL'],
      }),
      write({
        id: '9302',
        name: 'Composition Bloc Agreement',
        signed: '2002-01-01',
        original: ['CAN', 'CHL'],
        composition: 'Bilateral; One Party is an RTA',
      }),
    ];
    expect((await importTota(files)).failures).toEqual([]);
    const kindOf = async (slug: string, lang: string) => {
      const page = (await t.http().get(`/agreements/${slug}?lang=${lang}`).expect(200)).text;
      // The facts list: status, then kind.
      const facts = page.slice(page.indexOf('<dl class="facts">'));
      const kindCell = [...facts.matchAll(/<dd>([\s\S]*?)<\/dd>/g)][1][1];
      return kindCell
        .replace(/<[^>]*>/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    };
    expect(await kindOf('composition-plain-agreement', 'en')).toBe('bilateral');
    expect(await kindOf('composition-plain-agreement', 'fr')).toBe('bilatéral');
    expect(await kindOf('composition-bloc-agreement', 'en')).toBe(
      'bilateral (Bilateral; One Party is an RTA)',
    );
  });

  it('records Venezuela suspended in MERCOSUR since 2017-08-05: not bound since, said so in the report and on the pages', async () => {
    // An invented file under MERCOSUR's ToTA name (pta_119), listing the four founders alone as ToTA does: the
    // correction adds Venezuela (TOTA_LATER_PARTIES) with its suspension. Its page said "joined by VEN on a date not
    // recorded", and the report counted MERCOSUR as not known to bind it, where its obligations are suspended.
    const file = join(dir, 'pta_119.xml');
    writeFileSync(
      file,
      totaXml({
        id: '9119',
        name: 'Southern Common Market (invented file)',
        signed: '1991-03-26',
        original: ['ARG', 'BRA', 'PRY', 'URY'],
      }),
    );
    const summary = await importTota([file]);
    expect(summary.failures).toEqual([]);
    const slug = 'southern-common-market-invented-file';
    const rows = await t.gql<{
      agreement: {
        parties: { party: { code: string }; suspendedFrom: string | null; suspensionSource: string | null }[];
      };
    }>(
      `query ($slug: String!) { agreement(slug: $slug) { parties { party { code } suspendedFrom suspensionSource } } }`,
      {
        slug,
      },
    );
    expect(rows.errors).toBeUndefined();
    const suspended = rows.data!.agreement.parties.filter((p) => p.suspendedFrom);
    expect(suspended.map((p) => [p.party.code, p.suspendedFrom])).toEqual([['VEN', '2017-08-05']]);
    expect(suspended[0].suspensionSource).toContain('Protocol of Ushuaia');

    const report = async (party: string, asOf: string) =>
      (
        await t.gql<{
          coherenceReport: {
            notes: string[];
            agreements: { agreement: { slug: string }; partners: { code: string }[] }[];
            leftOutDatesUnknown: string[];
            leftOutSuspended: { slug: string; since: string }[];
          };
        }>(
          `query ($party: String!, $asOf: LocalDate) { coherenceReport(party: $party, asOf: $asOf) { notes agreements { agreement { slug } partners { code } } leftOutDatesUnknown leftOutSuspended { slug since } } }`,
          { party, asOf },
        )
      ).data!.coherenceReport;
    const ven = await report('VEN', '2026-12-06');
    expect(ven.agreements.map((a) => a.agreement.slug)).not.toContain(slug);
    expect(ven.leftOutDatesUnknown).not.toContain(slug);
    expect(ven.leftOutSuspended).toEqual([{ slug, since: '2017-08-05' }]);
    expect(ven.notes.join(' ')).toMatch(
      /left out because the rights and obligations of Venezuela[^:]* under it are suspended on that date .*: Southern Common Market \(invented file\) \(suspended since 2017-08-05\)/,
    );
    // Before the suspension, when it joined is not recorded: not known, as before.
    expect((await report('VEN', '2016-01-01')).leftOutDatesUnknown).toContain(slug);
    // Argentina's report: Venezuela is no partner, named as suspended.
    const arg = await report('ARG', '2026-12-06');
    const held = arg.agreements.find((a) => a.agreement.slug === slug)!;
    expect(held.partners.map((p) => p.code)).toEqual(['BRA', 'PRY', 'URY']);
    expect(arg.notes).toContainEqual(
      expect.stringMatching(
        /^Parties whose rights and obligations under an agreement are suspended on .*: Venezuela[^;]*\(VEN\) in Southern Common Market/,
      ),
    );
    // Bolivia (added with no day) is still not known; Venezuela is not among those.
    const undated = arg.notes.find((n) =>
      n.startsWith('Parties that joined an agreement on a date not recorded'),
    )!;
    expect(undated).toContain('(BOL)');
    expect(undated).not.toContain('(VEN)');

    const rowOf = (page: string, href: string) => {
      const at = page.indexOf(href);
      expect({ href, found: at > -1 }).toEqual({ href, found: true });
      return page.slice(at, page.indexOf('</tr>', at));
    };
    for (const [lang, party, agreement] of [
      ['en', 'VEN suspended since 5 Aug 2017', 'suspended since 5 Aug 2017'],
      ['fr', 'VEN suspendu depuis le 5 août 2017', 'suspendu depuis le 5 août 2017'],
      ['es', 'VEN suspendido desde el 5 ago 2017', 'suspendido desde el 5 ago 2017'],
    ]) {
      const partyPage = (await t.http().get(`/parties/VEN?lang=${lang}`)).text;
      const venRow = rowOf(partyPage, `/agreements/${slug}`);
      expect(venRow).toContain(party);
      expect(venRow).not.toMatch(/not recorded|non enregistrée|no registrada/);
      const agreementPage = (await t.http().get(`/agreements/${slug}?lang=${lang}`)).text;
      expect(rowOf(agreementPage, '/parties/VEN')).toContain(agreement);
      // The party page names the suspension's source as the agreement page does, from the same row (it named the
      // suspension alone).
      const sourceOf = (row: string) => /<span lang="en">([\s\S]*?)<\/span>\)/.exec(row)?.[1];
      expect(sourceOf(rowOf(agreementPage, '/parties/VEN'))).toContain('Protocol of Ushuaia');
      expect(sourceOf(venRow)).toBe(sourceOf(rowOf(agreementPage, '/parties/VEN')));
      expect(rowOf(agreementPage, '/parties/ARG')).not.toMatch(/suspend/);
    }
  });

  it("holds a language version's provisions to the rules of a record's: a bidirectional override in a number is refused", async () => {
    // The merge of a further language version wrote its provisions without the title rule the writer applies to
    // a record (an article number "Artículo 1" + U+202E, a numeric reference in the file, was stored).
    const common = { wto: '9040', signed: '2016-02-04', original: ['CAN', 'CHL', 'PER'] };
    const en = write({ ...common, id: '9041', name: 'Andean Partnership (invented file)' });
    const es = write({
      ...common,
      id: '9042',
      name: 'Asociación Andina (invented file)',
      language: 'es',
      articles: [['Artículo 1&#x202E;', 'Las partes comercian.']],
    });
    const summary = await importTota([en, es]);
    expect(summary.imported).toBe(1);
    expect(summary.failures).toEqual([
      {
        file: 'pta_9042.xml',
        reason: expect.stringMatching(
          /provisions\.\d+\.articleNumber \(art-[^)]*\): must not contain control, invisible or bidirectional-override characters \(U\+202E/,
        ) as string,
      },
    ]);
    const provisions = await em().find(Provision, {
      agreement: { slug: 'andean-partnership-invented-file' },
    });
    expect(provisions.map((p) => p.language).sort()).toEqual(['en', 'en']);
  });

  it("ends Venezuela's binding by the Andean Community on the day it denounced the treaty (2006-04-22), and keeps Paraguay bound by MERCOSUR through its suspension from the bloc's organs (2012-2013), each with its source", async () => {
    // The files are invented (no treaty sentence) but named as ToTA's: its Andean Community (pta_116) lists Venezuela
    // among the current parties, its MERCOSUR (pta_119) the four founders; the corrections apply to those files.
    const summary = await importTota([
      write({
        id: '116',
        name: 'Andean Community (CAN) (invented file)',
        signed: '1987-05-12',
        composition: 'Plurilateral',
        original: ['BOL', 'COL', 'ECU', 'PER', 'VEN'],
        current: ['BOL', 'COL', 'ECU', 'PER', 'VEN'],
      }),
      write({
        id: '119',
        name: 'Southern Common Market (MERCOSUR) (invented file)',
        signed: '1991-03-26',
        composition: 'Plurilateral',
        original: ['ARG', 'BRA', 'PRY', 'URY'],
        current: ['ARG', 'BRA', 'PRY', 'URY'],
      }),
    ]);
    expect(summary.failures).toEqual([]);
    const andean = 'andean-community-can-invented-file';
    const mercosur = 'southern-common-market-mercosur-invented-file';
    // Who a coherence report assesses on a day: the agreements that bind the party then.
    const assessed = async (party: string, asOf: string) => {
      const res = await t.gql<{ coherenceReport: { agreements: { agreement: { slug: string } }[] } }>(
        `query ($party: String!, $asOf: LocalDate!) { coherenceReport(party: $party, asOf: $asOf) { agreements { agreement { slug } } } }`,
        { party, asOf },
      );
      expect(res.errors).toBeUndefined();
      return res.data!.coherenceReport.agreements.map((a) => a.agreement.slug);
    };
    // Two reports of Venezuela and one of Paraguay (each costs a sixth of the minute's rate limit).
    expect(await assessed('VEN', '2006-04-21')).toContain(andean);
    expect(await assessed('VEN', '2006-04-22')).not.toContain(andean);
    // Paraguay's suspension took its seat in the organs, not its rights and obligations: bound throughout.
    expect(await assessed('PRY', '2013-01-01')).toContain(mercosur);
    const bindings = await em()
      .getConnection()
      .execute<{ slug: string; party_code: string; until: string | null }[]>(
        `select a."slug", b."party_code", b."until" from agreement_binding b join agreement a on a."id" = b."agreement_id"
         where a."slug" in (?, ?) and b."party_code" in ('VEN', 'PRY', 'COL')`,
        [andean, mercosur],
      );
    // MERCOSUR's Venezuela (acceded, suspended since 2017) is another test's.
    expect(
      bindings
        .filter((b) => !(b.slug === mercosur && b.party_code === 'VEN'))
        .map((b) => [b.slug, b.party_code, b.until])
        .sort(),
    ).toEqual([
      [andean, 'COL', null],
      [andean, 'VEN', '2006-04-22'],
      [mercosur, 'PRY', null],
    ]);
    const rows = await em()
      .getConnection()
      .execute<
        {
          slug: string;
          party_code: string;
          withdrawn: unknown;
          date_withdrawn: string | null;
          suspended_from: string | null;
        }[]
      >(
        `select a."slug", p."party_code", p."withdrawn", p."date_withdrawn", p."suspended_from" from agreement_party p
         join agreement a on a."id" = p."agreement_id" where a."slug" in (?, ?) and p."party_code" in ('VEN', 'PRY')`,
        [andean, mercosur],
      );
    expect(
      rows.map((r) => [r.slug, r.party_code, Boolean(r.withdrawn), r.date_withdrawn, r.suspended_from]),
    ).toEqual(
      expect.arrayContaining([
        [andean, 'VEN', true, '2006-04-22', null],
        [mercosur, 'PRY', false, null, null],
      ]),
    );
    // Each fact carries its source, in the record's note on the parties' dates (what the agreement page shows).
    const notes = Object.fromEntries(
      (await em().find(Agreement, { slug: { $in: [andean, mercosur] } })).map((a) => [
        a.slug,
        a.factSources?.partyDates ?? '',
      ]),
    );
    expect(notes[andean]).toMatch(
      /VEN on 2006-04-22: Venezuela denounced the Cartagena Agreement .*22 April 2006/,
    );
    expect(notes[andean]).not.toMatch(/Not counted as bound on any date/);
    expect(notes[mercosur]).toMatch(/PRY from 2012-06-29 to 2013-08-15: .*Protocol of Ushuaia/);
  });
});
