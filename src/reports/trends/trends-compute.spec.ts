import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { agreement } from '../../../test/support/coherence-test-data';
import { WHOLE_REPORT_FORMATS, RichCell } from '../render/report-document';
import { closeRenderPool } from '../render/render-pool';
import { renderReport } from '../render/render-report';
import { CodeEvidence, computeTrends } from './trends-compute';
import { trendsDocument } from './trends-document';
import { codeName } from '../common/evidence';
import { trendsGroupLabel } from './trends-language';
import { TrendGroupBy } from './trends.types';

const OPTIONS = { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' };

// The render workers this file started stop with it: an idle worker thread left to the process's exit held
// jest's worker past its grace period ("A worker process has failed to exit gracefully").
afterAll(() => closeRenderPool());

describe('computeTrends', () => {
  const a = agreement('a', { dateSigned: '2005-01-01' });
  const b = agreement('b', { dateSigned: '2005-06-01' });
  const c = agreement('c', { dateSigned: '2010-06-01' });
  const d = agreement('d', { dateSigned: '2010-09-01' });
  const codesOf = new Map<number, Map<C, CodeEvidence>>([
    [
      a.id,
      new Map<C, CodeEvidence>([
        [C.CULTURAL_EXEMPTION, 'ACCEPTED'],
        [C.ECOMMERCE_PROVISION, 'ACCEPTED'],
      ]),
    ],
    [c.id, new Map<C, CodeEvidence>([[C.CULTURAL_EXEMPTION, 'ACCEPTED']])],
    // Only proposed: the rules found a carve-out nobody has reviewed yet.
    [d.id, new Map<C, CodeEvidence>([[C.ECOMMERCE_CULTURAL_CARVE_OUT, 'PROPOSED']])],
  ]);
  const base = {
    from: null,
    to: null,
    codes: [C.CULTURAL_EXEMPTION, C.ECOMMERCE_PROVISION, C.ECOMMERCE_CULTURAL_CARVE_OUT],
    includeProposed: false,
    agreements: [a, b, c, d],
    codesOf,
    scoped: [],
    partial: new Set<number>(),
  };

  it('says group sizes add up to more than the total only where an agreement is in more than one group (truth22)', () => {
    const overlap = 'An agreement counts once in every group it belongs to';
    const notesBy = (groupBy: TrendGroupBy, keys: [number, string[]][]) =>
      computeTrends({
        ...base,
        groupBy,
        keysOf: new Map(keys.map(([id, ks]) => [id, ks.map((k) => ({ key: k, label: k }))])),
      }).notes.join(' ');
    // One type each: the sizes add up to the total, not more.
    const oneEach = notesBy(TrendGroupBy.AGREEMENT_TYPE, [
      [a.id, ['FTA']],
      [b.id, ['FTA']],
      [c.id, ['CU']],
      [d.id, ['PSA']],
    ]);
    expect(oneEach).not.toContain(overlap);
    const twoTypes = notesBy(TrendGroupBy.AGREEMENT_TYPE, [
      [a.id, ['FTA', 'EIA']],
      [b.id, ['FTA']],
      [c.id, ['CU']],
      [d.id, ['PSA']],
    ]);
    expect(twoTypes).toContain(overlap);
    // One region each, or two: the same.
    const regions = (aRegions: string[]) =>
      notesBy(TrendGroupBy.REGION, [
        [a.id, aRegions],
        [b.id, ['Europe']],
        [c.id, ['Asia']],
        [d.id, ['Asia']],
      ]);
    expect(regions(['Europe'])).not.toContain(overlap);
    expect(regions(['Europe', 'Asia'])).toContain(overlap);
    expect(notesBy(TrendGroupBy.YEAR, [])).not.toContain(overlap);
  });

  it('counts agreements with each code per year, and the share', () => {
    const report = computeTrends({ ...base, groupBy: TrendGroupBy.YEAR, keysOf: new Map() });
    expect(report).toMatchObject({ from: 2005, to: 2010, agreements: 4 });
    expect(report.groups.map((g) => [g.key, g.agreements, g.counts.map((x) => x.agreements)])).toEqual([
      ['2005', 2, [1, 1, 0]],
      ['2010', 2, [1, 0, 0]],
    ]);
    expect(report.groups[0].counts[0].share).toBe(0.5);
  });

  it('draws the years in which no agreement was signed as zero agreements signed, not as a line across them', () => {
    // 2005 and 2010 hold agreements, the years between none: the line of agreements signed falls to 0 there
    // (it went straight from 2 to 2, as if two were signed each year), from the first year asked to the last.
    const report = computeTrends({
      ...base,
      groupBy: TrendGroupBy.YEAR,
      keysOf: new Map(),
      from: 2004,
      to: 2011,
    });
    const volume = trendsDocument(report, OPTIONS).sections.find((s) => s.id === 'volume')!.chart!;
    expect(volume.kind).toBe('line');
    const points = volume.kind === 'line' ? volume.series[0].points : [];
    expect(points.map((pt) => [pt.x, pt.y])).toEqual([
      [2004, 0],
      [2005, 2],
      [2006, 0],
      [2007, 0],
      [2008, 0],
      [2009, 0],
      [2010, 2],
      [2011, 0],
    ]);
  });

  it('counts per group the agreements whose record holds only selected provisions, and says a share over them is a floor', () => {
    // c and d (2010) hold excerpts only: that c lacks a carve-out is not known; 2005's records are whole.
    const report = computeTrends({
      ...base,
      groupBy: TrendGroupBy.YEAR,
      keysOf: new Map(),
      partial: new Set([c.id, d.id]),
    });
    expect(report.groups.map((g) => [g.key, g.agreements, g.partialRecords])).toEqual([
      ['2005', 2, 0],
      ['2010', 2, 2],
    ]);
    expect(report.notes).toContain(
      '2 of the 4 agreements hold only selected provisions or no text (2010: 2 of 2): a clause missing from such a record is not known to be absent, so a share over them is a floor ("Agreements with partial records" in the tables).',
    );
    const groups = trendsDocument(report, OPTIONS).sections.find((s) => s.id === 'groups')!.table!;
    // Partial records after the clauses, before the columns for programs only (the proposals per clause).
    expect(groups.columns.filter((x) => !x.dataOnly).at(-1)!.label).toBe('Agreements with partial records');
    expect(groups.rows.map((r) => r.partialRecords)).toEqual([0, 2]);
    const whole = computeTrends({ ...base, groupBy: TrendGroupBy.YEAR, keysOf: new Map() });
    expect(whole.notes.some((n) => n.includes('selected provisions'))).toBe(false);
  });

  it('keeps proposals-only agreements apart: not counted by default, never shown as zero', async () => {
    const report = computeTrends({ ...base, groupBy: TrendGroupBy.YEAR, keysOf: new Map() });
    const carveOut = report.groups[1].counts[2];
    expect(carveOut).toEqual({
      code: C.ECOMMERCE_CULTURAL_CARVE_OUT,
      agreements: 0,
      share: 0,
      accepted: 0,
      proposed: 1,
      acceptedShare: 0,
      shareWithProposed: 0.5,
    });
    const document = trendsDocument(report, OPTIONS);
    const groups = document.sections.find((s) => s.id === 'groups')!.table!;
    expect(groups.columns.map((x) => x.label)).toContain(
      'Cultural carve-out from e-commerce: share of agreements with accepted evidence',
    );
    const cell = groups.rows[1][C.ECOMMERCE_CULTURAL_CARVE_OUT] as RichCell;
    expect(cell).toEqual({ text: '1 proposed, awaiting review', value: 0, pending: true });
    expect(groups.rows[1][`${C.ECOMMERCE_CULTURAL_CARVE_OUT}:proposed`]).toBe(1);
    expect(groups.rows[0][C.CULTURAL_EXEMPTION]).toMatchObject({ text: '50.0% (1 accepted)', value: 0.5 });
    // Both lines are there: the accepted share, and the share with the proposals.
    const line = (id: string) => {
      const chart = document.sections.find((s) => s.id === id)!.chart!;
      return chart.kind === 'line' ? chart.series.find((s) => s.name.includes('carve-out'))!.points : null;
    };
    expect(line('shares')).toEqual([
      { x: 2005, y: 0 },
      { x: 2010, y: 0 },
    ]);
    expect(line('shares-with-proposed')).toEqual([
      { x: 2005, y: 0 },
      { x: 2010, y: 0.5 },
    ]);
    const csv = String((await renderReport(document, 'csv', { sectionId: 'groups' })).body);
    expect(csv).toContain('Cultural carve-out from e-commerce: agreements with proposed evidence only');
    expect(csv).not.toContain('ECOMMERCE_CULTURAL_CARVE_OUT');
    const html = String((await renderReport(document, 'html')).body);
    expect(html).toContain('1 proposed, awaiting review');
  });

  it('writes each clause column of the groups table as one type, the share as a number, and the proposals in columns of their own', async () => {
    // An analyst sums a column: "1 proposed, awaiting review" or "7.7% (1 accepted + 2 proposed)" among fractions
    // made the column text in a spreadsheet. The share is a number in every row; the proposals not counted are
    // a count of their own, per clause, after the columns that were there.
    const report = computeTrends({ ...base, groupBy: TrendGroupBy.YEAR, keysOf: new Map() });
    const document = trendsDocument(report, OPTIONS);
    const csv = String((await renderReport(document, 'csv', { sectionId: 'groups' })).body).replace(
      /^\ufeff/,
      '',
    );
    const [header, ...rows] = parse(csv) as string[][];
    // Each header says what its numbers are: a count of agreements, or a share of them (the clause's bare name
    // headed a column of shares beside columns of counts).
    expect(header.slice(0, 6)).toEqual([
      'Year of signature',
      'Agreements in the group',
      'Cultural exemption: share of agreements with accepted evidence (%)',
      'E-commerce provision: share of agreements with accepted evidence (%)',
      'Cultural carve-out from e-commerce: share of agreements with accepted evidence (%)',
      'Agreements with partial records',
    ]);
    expect(header.slice(6)).toEqual([
      'Cultural exemption: agreements with proposed evidence only',
      'E-commerce provision: agreements with proposed evidence only',
      'Cultural carve-out from e-commerce: agreements with proposed evidence only',
      'Group key',
    ]);
    expect(rows).toEqual([
      ['2005', '2', '50', '50', '0', '0', '0', '0', '0', '2005'],
      ['2010', '2', '50', '0', '0', '0', '0', '0', '1', '2010'],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderReport(document, 'xlsx')).body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find(
      (w) =>
        w.getCell('A1').value === 'Year of signature' && w.getCell('B1').value === 'Agreements in the group',
    )!;
    const types = (column: number) => [2, 3].map((r) => typeof sheet.getRow(r).getCell(column).value);
    for (let column = 1; column <= header.length; column++)
      expect(types(column)).toEqual(['number', 'number']);
    // The reader's formats keep the words, which say both already.
    const html = String((await renderReport(document, 'html')).body);
    expect(html).toContain('1 proposed, awaiting review');
    expect(html).not.toContain('Cultural exemption: agreements with proposed evidence only');
  });

  it('counts proposals as evidence with includeProposed', () => {
    const report = computeTrends({
      ...base,
      includeProposed: true,
      groupBy: TrendGroupBy.YEAR,
      keysOf: new Map(),
    });
    expect(report.groups[1].counts[2]).toMatchObject({ agreements: 1, share: 0.5, accepted: 0, proposed: 1 });
    const groups = trendsDocument(report, OPTIONS).sections.find((s) => s.id === 'groups')!.table!;
    expect(groups.rows[1][C.ECOMMERCE_CULTURAL_CARVE_OUT]).toMatchObject({
      text: '50.0% (0 accepted + 1 proposed)',
    });
  });

  it('puts an agreement in every group it belongs to, largest group first, unknown keys together', () => {
    const keysOf = new Map([
      [
        a.id,
        [
          { key: 'Europe', label: 'Europe' },
          { key: 'Asia', label: 'Asia' },
        ],
      ],
      [b.id, [{ key: 'Europe', label: 'Europe' }]],
      // c binds parties none of which has a region.
      [c.id, []],
      [d.id, [{ key: 'Asia', label: 'Asia' }]],
    ]);
    const report = computeTrends({ ...base, groupBy: TrendGroupBy.REGION, keysOf });
    expect(report.groups.map((g) => [g.label, g.agreements])).toEqual([
      ['Asia', 2],
      ['Europe', 2],
      ['Unknown region', 1],
    ]);
    expect(report.notes.some((n) => n.includes('every group'))).toBe(true);
    const heatmap = trendsDocument(report, OPTIONS).sections.find((s) => s.id === 'shares')!.chart!;
    expect(heatmap.kind === 'heatmap' && [heatmap.cellLabels![0], heatmap.pending![0]]).toEqual([
      ['50%', '50%', '(+1)'],
      [false, false, true],
    ]);
  });

  it('names the groups in the file’s language and keys them the same in every language, in the last column', async () => {
    // The groups table of a French or Spanish file named its groups in the language ("Asie", "Europa") and had no
    // other column naming them: files of two languages could not be joined (new-user trial).
    const report = computeTrends({
      ...base,
      groupBy: TrendGroupBy.REGION,
      keysOf: new Map([
        [a.id, [{ key: 'Asia', label: 'Asia' }]],
        [b.id, [{ key: 'Europe', label: 'Europe' }]],
        [c.id, []],
        [d.id, [{ key: 'Asia', label: 'Asia' }]],
      ]),
    });
    const groupsCsv = async (language: 'en' | 'fr' | 'es') => {
      const document = trendsDocument(report, { ...OPTIONS, language });
      const csv = String((await renderReport(document, 'csv', { sectionId: 'groups' })).body);
      const [header, ...rows] = parse(csv.replace(/^\ufeff/, '')) as string[][];
      return { header, labels: rows.map((r) => r[0]), keys: rows.map((r) => r[r.length - 1]) };
    };
    const [en, fr, es] = await Promise.all([groupsCsv('en'), groupsCsv('fr'), groupsCsv('es')]);
    expect(en.labels).toEqual(['Asia', 'Europe', 'Unknown region']);
    expect(fr.labels.slice(0, 2)).toEqual(['Asie', 'Europe']);
    expect(es.labels.slice(0, 2)).toEqual(['Asia', 'Europa']);
    expect([en.header.at(-1), fr.header.at(-1), es.header.at(-1)]).toEqual([
      'Group key',
      'Clé du groupe',
      'Clave del grupo',
    ]);
    expect(fr.keys).toEqual(en.keys);
    expect(es.keys).toEqual(en.keys);
    expect(en.keys.slice(0, 2)).toEqual(['Asia', 'Europe']);
  });

  it("labels a region's heatmap cell 0.4%, not 0%, for one agreement with the code in 239, as its table says", () => {
    // The corpus by region: Asia's one cultural exemption in 239 agreements read "0%" in the heatmap, "0.4%" below.
    const many = Array.from({ length: 239 }, (_, i) => agreement(`asia-${i}`, { dateSigned: '2010-01-01' }));
    const report = computeTrends({
      ...base,
      agreements: many,
      codesOf: new Map([[many[0].id, new Map<C, CodeEvidence>([[C.CULTURAL_EXEMPTION, 'ACCEPTED']])]]),
      groupBy: TrendGroupBy.REGION,
      keysOf: new Map(many.map((x) => [x.id, [{ key: 'Asia', label: 'Asia' }]])),
    });
    const heatmap = trendsDocument(report, OPTIONS).sections.find((s) => s.id === 'shares')!.chart!;
    expect(heatmap.kind === 'heatmap' && heatmap.cellLabels![0]).toEqual(['0.4%', '0%', '0%']);
  });

  it("keeps a group's name and its agreements apart in the heatmap's CSV, and shows both in the chart", async () => {
    const report = computeTrends({
      ...base,
      groupBy: TrendGroupBy.REGION,
      keysOf: new Map([
        [a.id, [{ key: 'Asia', label: 'Asia' }]],
        [d.id, [{ key: 'Asia', label: 'Asia' }]],
        [b.id, [{ key: 'Europe', label: 'Europe' }]],
        [c.id, []],
      ]),
    });
    const document = trendsDocument(report, OPTIONS);
    const [header, ...rows] = parse(
      String((await renderReport(document, 'csv', { sectionId: 'shares' })).body).replace(/^\uFEFF/, ''),
    ) as string[][];
    // An analyst groups by the name and sums the count: "Asia (2)" in one cell allowed neither.
    expect(header.slice(0, 2)).toEqual(['Region', 'Agreements in the group']);
    // The heatmap's data says its cells are shares, not counts, as the groups table does.
    expect(header.slice(2, 2 + report.codes.length)).toEqual(
      report.codes.map((code) => `${codeName(code)}: share of agreements with accepted evidence (%)`),
    );
    expect(rows.map((r) => r.slice(0, 2))).toEqual([
      ['Asia', '2'],
      ['Europe', '1'],
      ['Unknown region', '1'],
    ]);
    const html = String((await renderReport(document, 'html')).body);
    expect(html).toContain('>Asia (2)<');
  });

  it('counts an agreement that binds no party apart, not as of no party or of an unknown region (the TPP)', () => {
    // c binds no party (absent from keysOf): the TPP, whose twelve signatories and their regions are recorded.
    const byRegion = computeTrends({
      ...base,
      groupBy: TrendGroupBy.REGION,
      keysOf: new Map([
        [a.id, [{ key: 'Asia', label: 'Asia' }]],
        [b.id, []],
        [d.id, [{ key: 'Asia', label: 'Asia' }]],
      ]),
    });
    expect(byRegion.groups.map((g) => [g.key, g.label, g.agreements])).toEqual([
      ['Asia', 'Asia', 2],
      ['unbound', 'Binding no party (signed only, or no party recorded)', 1],
      ['unknown', 'Unknown region', 1],
    ]);
    const byParty = computeTrends({
      ...base,
      groupBy: TrendGroupBy.PARTY,
      keysOf: new Map([[a.id, [{ key: 'JPN', label: 'Japan', party: { code: 'JPN', via: null } }]]]),
    });
    expect(byParty.groups.map((g) => [g.key, g.agreements])).toEqual([
      ['unbound', 3],
      ['JPN', 1],
    ]);
    expect(trendsGroupLabel('fr', TrendGroupBy.PARTY, byParty.groups[0])).toBe(
      'Ne liant aucune partie (seulement signé, ou aucune partie enregistrée)',
    );
    expect(trendsGroupLabel('es', TrendGroupBy.REGION, byRegion.groups[1])).toBe(
      'Sin ninguna parte obligada (solo firmado, o ninguna parte registrada)',
    );
  });

  it('says which regions count agreements only through the member states of a bloc (CETA in Asia, through Cyprus)', () => {
    const region = (key: string, code: string, via: string | null = null) => ({
      key,
      label: key,
      party: { code, via },
    });
    // a: the EU and Canada (Cyprus, an EU member, is in Asia under UN M49); b: Korea and Chile.
    const keysOf = new Map([
      [a.id, [region('Europe', 'FRA', 'EUN'), region('Asia', 'CYP', 'EUN'), region('Americas', 'CAN')]],
      [b.id, [region('Asia', 'KOR'), region('Americas', 'CHL')]],
    ]);
    const report = computeTrends({ ...base, agreements: [a, b], groupBy: TrendGroupBy.REGION, keysOf });
    expect(report.groups.map((g) => [g.key, g.agreements])).toEqual([
      ['Americas', 2],
      ['Asia', 2],
      ['Europe', 1],
    ]);
    const note = report.notes.find((n) => n.includes('only through'));
    expect(note).toBe(
      'A bloc’s agreement counts in the region of each of its member states: Asia counts 1 of its 2 agreements only through member states of a bloc (CYP through EUN); Europe counts 1 of its 1 agreement only through member states of a bloc (FRA through EUN).',
    );
    // Grouped by party, each member state is its own group: nothing to say.
    const byParty = computeTrends({
      ...base,
      agreements: [a, b],
      groupBy: TrendGroupBy.PARTY,
      keysOf: new Map(),
    });
    expect(byParty.notes.some((n) => n.includes('only through'))).toBe(false);
  });

  it("counts a clause that names the parties it covers for those parties' groups only (NAFTA's exemption is Canada's)", () => {
    const party = (code: string, via: string | null = null) => ({
      key: code,
      label: code,
      party: { code, via },
    });
    const keysOf = new Map([
      [a.id, [party('CAN'), party('MEX'), party('USA')]],
      [b.id, [party('EUN'), party('FRA', 'EUN'), party('CAN')]],
    ]);
    const scoped = [
      { agreementId: a.id, code: C.CULTURAL_EXEMPTION, evidence: 'ACCEPTED' as const, partyScope: ['CAN'] },
      { agreementId: b.id, code: C.CULTURAL_EXEMPTION, evidence: 'PROPOSED' as const, partyScope: ['EUN'] },
    ];
    const report = computeTrends({
      ...base,
      agreements: [a, b],
      codesOf: new Map(),
      scoped,
      groupBy: TrendGroupBy.PARTY,
      keysOf,
    });
    const exemption = (key: string) =>
      report.groups.find((g) => g.key === key)!.counts.find((c) => c.code === C.CULTURAL_EXEMPTION)!;
    expect([exemption('CAN').accepted, exemption('CAN').proposed]).toEqual([1, 0]);
    expect([exemption('MEX').accepted, exemption('USA').accepted]).toEqual([0, 0]);
    // A scope naming a bloc covers the member states bound through it.
    expect([exemption('EUN').proposed, exemption('FRA').proposed]).toEqual([1, 1]);
    const byYear = computeTrends({
      ...base,
      agreements: [a, b],
      codesOf: new Map(),
      scoped,
      groupBy: TrendGroupBy.YEAR,
      keysOf: new Map(),
    });
    expect(byYear.groups[0].counts.find((c) => c.code === C.CULTURAL_EXEMPTION)).toMatchObject({
      accepted: 1,
      proposed: 1,
    });
  });

  it('reads back from an XLSX with the counts apart', async () => {
    const report = computeTrends({ ...base, groupBy: TrendGroupBy.YEAR, keysOf: new Map() });
    const file = await renderReport(trendsDocument(report, OPTIONS), 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const counts = workbook.getWorksheet('Counts')!;
    const header = counts.getRow(1).values as unknown[];
    expect(header.slice(1)).toEqual([
      'Year of signature',
      'Group key',
      'Clause',
      'Code',
      'Agreements with accepted evidence',
      'Agreements with proposed evidence only',
      'Agreements in the group',
      'Share of agreements with accepted evidence',
      'Share of agreements with accepted or proposed evidence',
      'Agreements with partial records',
    ]);
    const row = (counts.getRow(7).values as unknown[]).slice(1);
    // Years are numbers, not text.
    expect(row).toEqual([
      2010,
      2010,
      'Cultural carve-out from e-commerce',
      'ECOMMERCE_CULTURAL_CARVE_OUT',
      0,
      1,
      2,
      0,
      0.5,
      0,
    ]);
  });

  it.each(WHOLE_REPORT_FORMATS)('renders YEAR and PARTY groupings as %s', async (format) => {
    for (const groupBy of [TrendGroupBy.YEAR, TrendGroupBy.PARTY]) {
      const report = computeTrends({ ...base, groupBy, keysOf: new Map() });
      const file = await renderReport(trendsDocument(report, OPTIONS), format);
      expect(file.body.length).toBeGreaterThan(200);
    }
  });
});
