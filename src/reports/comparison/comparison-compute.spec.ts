import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { agreement, annotation, party } from '../../../test/support/coherence-test-data';
import { bound } from '../../../test/support/report-test-data';
import { WHOLE_REPORT_FORMATS, ReportDocument, RichCell } from '../render/report-document';
import { closeRenderPool } from '../render/render-pool';
import { renderReport } from '../render/render-report';
import { computeComparison, ComparisonInput } from './comparison-compute';
import { comparisonDocument } from './comparison-document';
import { renderChartSvg } from '../render/svg-charts';
import { textWidth } from '../render/svg-common';
import { recordCompleteness } from '../../agreements/record-completeness';
import { DatePrecision, RecordCoverage } from '../../agreements/agreement.enums';
import { notesIn, recordText, reportTranslator, say } from '../common/report-texts';
import { boundThroughBlocs } from '../common/document-helpers';

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;
const OPTIONS = { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' };

// The render workers this file started stop with it: an idle worker thread left to the process's exit held
// jest's worker past its grace period ("A worker process has failed to exit gracefully").
afterAll(() => closeRenderPool());

describe('computeComparison', () => {
  const a = agreement('a');
  const b = agreement('b');
  const eu = party('EUN', { name: 'European Union' });
  const input: ComparisonInput = {
    agreements: [a, b],
    boundParties: new Map([
      [
        a.id,
        [
          bound(party('CAN')),
          bound(eu),
          bound(party('HND', { developing: true })),
          // A member state is bound through the EU: neither a partner nor a developing partner.
          bound(party('BGR', { developing: true }), 'EUN'),
        ],
      ],
    ]),
    signatoriesOnly: new Map(),
    suspended: new Map(),
    day: '2026-12-06',
    annotations: [
      annotation(C.CULTURAL_EXEMPTION, {
        agreementId: a.id,
        agreementSlug: 'a',
        key: 'art-1',
        bindingForce: BindingForce.DECLARATORY,
      }),
      annotation(C.CULTURAL_EXEMPTION, { agreementId: a.id, agreementSlug: 'a', key: 'art-2' }),
      annotation(C.AUDIOVISUAL_EXCLUSION, {
        agreementId: b.id,
        agreementSlug: 'b',
        key: 'art-7',
        status: AnnotationStatus.PROPOSED,
      }),
    ],
    codes: [C.CULTURAL_EXEMPTION, C.AUDIOVISUAL_EXCLUSION],
    includeProposed: true,
    records: new Map([a, b].map((x) => [x.id, x.record])),
  };
  const report = computeComparison(input);
  const byDefault = computeComparison({ ...input, includeProposed: false });
  const cellOf = (r: typeof report, slug: string, code: C) =>
    r.cells.find((c) => c.agreement === slug && c.code === code)!;

  it("says which agreements' status is ToTA's of 2017, not re-checked since, in every language (truth16)", () => {
    // An agreement imported from ToTA reads "Status: in force" on the WTO's record as ToTA copied it in 2017; the
    // coherence report says so (coh.note.statusOf2017), the comparison said nothing, as if the status were today's.
    const withToTA = computeComparison({ ...input, statusesOf2017: new Set([b.id]) });
    expect(withToTA.notes.filter((n) => n.includes('ToTA'))).toEqual([
      "The status of 1 agreement (B) is the one imported from ToTA (the WTO's record as ToTA copied it in 2017, or DESTA's later list where that record said signed only), not re-checked since: an agreement that has ended after that still reads as in force unless the catalogue records its end (its page names the source of its status).",
    ]);
    expect(notesIn('fr', withToTA).notes.join(' ')).toContain(
      'Le statut d’un accord (B) est celui importé de ToTA',
    );
    expect(notesIn('es', withToTA).notes.join(' ')).toContain(
      'El estado de 1 acuerdo (B) es el importado de ToTA',
    );
    // Hand-checked statuses (the fixtures') need no such note.
    expect(report.notes.some((n) => n.includes('ToTA'))).toBe(false);
  });

  it('says who signed an agreement that binds none of them (the TPP), apart from its parties, and why', () => {
    const signedOnly = computeComparison({
      ...input,
      signatoriesOnly: new Map([[b.id, [party('CAN'), party('MEX', { developing: true })]]]),
    });
    const tpp = signedOnly.agreements.find((x) => x.agreement.slug === 'b')!;
    expect(tpp.parties).toEqual([]);
    expect(tpp.signatoriesOnly.map((p) => p.code)).toEqual(['CAN', 'MEX']);
    expect(tpp.developingParties).toEqual([]);
    expect(signedOnly.notes.some((n) => n.includes('listed apart, as signed only, never bound'))).toBe(true);
    const rows = comparisonDocument(signedOnly, OPTIONS).sections[0].table!.rows;
    expect(rows.find((r) => r.row === 'Signed only, never bound')).toMatchObject({
      a0: [],
      a1: ['CAN', 'MEX'],
    });
    // With no such party, neither the row nor the note.
    expect(report.notes.some((n) => n.includes('signed only'))).toBe(false);
    expect(
      comparisonDocument(report, OPTIONS).sections[0].table!.rows.some(
        (r) => r.row === 'Signed only, never bound',
      ),
    ).toBe(false);
  });

  it('says what the catalogue holds of each agreement, and that an empty cell of one held in part is no absence', async () => {
    // fixtures/agreements/ceta.json holds five selected provisions of CETA, none of its cultural exceptions: its
    // empty "Cultural exemption" cell read, beside full texts, as a CETA without one.
    const excerpts = recordCompleteness(RecordCoverage.EXCERPTS, null, 5);
    const held = computeComparison({ ...input, records: new Map([...input.records, [b.id, excerpts]]) });
    expect(held.agreements.map((x) => x.record.coverage)).toEqual(['FULL_TEXT', 'EXCERPTS']);
    expect(held.notes).toContain(
      'The catalogue holds only selected provisions (or none) of 1 agreement: B. An empty cell there says nothing of the provisions not held (the row "Record held" says what is).',
    );
    for (const lang of ['en', 'fr', 'es'] as const) {
      const document = comparisonDocument(held, { ...OPTIONS, language: lang });
      const rows = document.sections[0].table!.rows;
      const record = rows.find((r) => Object.values(r).includes(say(lang, recordText(excerpts))))!;
      expect(record).toBeDefined();
      expect(String(record.a1)).toMatch(/5/);
      expect(String(record.a0)).not.toMatch(/5 /);
      expect(document.notes!.some((n) => n.includes('B'))).toBe(true);
      // The CSV a ministry downloads carries the row.
      const csv = parse(String((await renderReport(document, 'csv', { sectionId: 'matrix' })).body), {
        bom: true,
      });
      expect(csv.some((line: string[]) => line.includes(say(lang, recordText(excerpts))))).toBe(true);
    }
    // Every record whole: no such note.
    expect(report.notes.some((n) => n.includes('selected provisions'))).toBe(false);
  });

  it("says whose a clause is when its annotation names the parties it covers (the USMCA's exemption: Canada's)", () => {
    const scoped = computeComparison({
      ...input,
      annotations: [
        annotation(C.CULTURAL_EXEMPTION, {
          agreementId: a.id,
          agreementSlug: 'a',
          key: 'art-32.6',
          bindingForce: BindingForce.BINDING,
          partyScope: ['CAN'],
        }),
      ],
    });
    const rows = comparisonDocument(scoped, OPTIONS).sections[0].table!.rows;
    const cell = rows.find((r) => r.row === 'Cultural exemption')!.a0 as RichCell;
    expect(cell.text).toBe('binding: art-32.6 (CAN only)');
    const fr = comparisonDocument(scoped, { ...OPTIONS, language: 'fr' }).sections[0].table!.rows;
    expect(JSON.stringify(fr)).toContain('art-32.6 (seulement CAN)');
  });

  it('fills one cell per agreement and code with the provisions and the strongest binding force', () => {
    expect(
      report.cells.map((c) => [
        c.agreement,
        c.code,
        c.provisions.length,
        c.strongestBindingForce,
        c.statuses,
        c.accepted,
        c.proposed,
        c.pending,
      ]),
    ).toEqual([
      ['a', C.CULTURAL_EXEMPTION, 2, 'BINDING', ['ACCEPTED'], 2, 0, false],
      ['a', C.AUDIOVISUAL_EXCLUSION, 0, null, [], 0, 0, false],
      ['b', C.CULTURAL_EXEMPTION, 0, null, [], 0, 0, false],
      ['b', C.AUDIOVISUAL_EXCLUSION, 1, 'BINDING', ['PROPOSED'], 0, 1, false],
    ]);
  });

  it('lists the partners, and the member states bound through their bloc apart', () => {
    const compared = report.agreements[0];
    expect(compared.parties.map((p) => p.code)).toEqual(['CAN', 'EUN', 'HND']);
    expect(compared.developingParties.map((p) => p.code)).toEqual(['HND']);
    expect(compared.boundParties.find((p) => p.party.code === 'BGR')!.via).toBe('EUN');
    const matrix = comparisonDocument(report, OPTIONS).sections[0].table!;
    const row = (label: string) => matrix.rows.find((r) => r.row === label)!;
    expect(row('Parties').a0).toEqual(['CAN', 'EUN', 'HND']);
    // A list, one member an item, as the parties' row: its files join it by ";" as they join every list.
    expect(row('Member states bound through a bloc').a0).toEqual(['BGR']);
    expect(row('Member states bound through a bloc').a1).toEqual([]);
  });

  it("labels each level of the heatmap's legend, 'none' first, and draws its title whole (the legend's none was a blank swatch, its title cut at the drawing's edge)", () => {
    for (const [language, expected] of [
      ['en', ['none', 'D declaratory', 'BE best endeavour', 'B binding']],
      ['fr', ['aucune', 'D déclaratoire', 'ME meilleurs efforts', 'C contraignante']],
    ] as const) {
      const heatmap = comparisonDocument(byDefault, { ...OPTIONS, language }).sections.find(
        (s) => s.id === 'heatmap',
      )!.chart!;
      const svg = renderChartSvg(heatmap, 'h', 'Heatmap');
      const legend = svg.slice(svg.indexOf('<g class="legend"'));
      const labels = [...legend.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);
      // The title, then each level's label beside its swatch, then the hatched cells' ("no data", pending).
      expect({ language, levels: labels.slice(1, 5) }).toEqual({ language, levels: expected });
      expect(count(legend, /<rect class="legend-step"/g)).toBe(4);
      const width = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
      const title = /<text x="([\d.]+)"[^>]*font-weight="600"[^>]*>([^<]+)<\/text>/.exec(legend)!;
      // The title in bold, about a tenth wider than the measure of plain text, ends inside the drawing.
      expect(Number(title[1]) + textWidth(title[2]) * 1.1).toBeLessThanOrEqual(width);
    }
  });

  it('by default, shows a proposals-only cell as pending, never as empty', async () => {
    const cell = cellOf(byDefault, 'b', C.AUDIOVISUAL_EXCLUSION);
    expect(cell).toMatchObject({ accepted: 0, proposed: 1, pending: true, strongestBindingForce: null });
    expect(cell.provisions.map((p) => [p.pinpoint, p.status])).toEqual([['b/art-7', 'PROPOSED']]);
    const document = comparisonDocument(byDefault, OPTIONS);
    const matrix = document.sections[0].table!;
    const shown = matrix.rows.find((r) => r.row === 'Audiovisual exclusion')!.a1 as RichCell;
    expect(shown).toMatchObject({ text: '1 proposed, awaiting review: art-7 (binding)', pending: true });
    expect(shown.level).toBeUndefined();
    const heatmap = document.sections.find((s) => s.id === 'heatmap')!.chart!;
    expect(heatmap.kind === 'heatmap' && [heatmap.values, heatmap.cellLabels, heatmap.pending]).toEqual([
      [
        [3, 0],
        [0, 0],
      ],
      [
        ['B', ''],
        ['', '(B)'],
      ],
      [
        [false, false],
        [false, true],
      ],
    ]);
    const md = String((await renderReport(document, 'md')).body);
    expect(md).toContain('1 proposed, awaiting review');
    expect(md).not.toMatch(/ECOMMERCE|AUDIOVISUAL_EXCLUSION \|/);
  });

  it('with includeProposed, counts the proposal as evidence', () => {
    const document = comparisonDocument(report, OPTIONS);
    const matrix = document.sections[0].table!;
    expect(matrix.rows.find((r) => r.row === 'Audiovisual exclusion')!.a1).toMatchObject({
      text: 'binding: art-7 (1 proposed, awaiting review)',
      level: 1,
    });
    const heatmap = document.sections.find((s) => s.id === 'heatmap')!.chart!;
    expect(heatmap.kind === 'heatmap' && heatmap.values).toEqual([
      [3, 0],
      [0, 3],
    ]);
  });

  it('says "1 accepted + 2 proposed" where both kinds of evidence exist', () => {
    const mixed = computeComparison({
      ...input,
      includeProposed: false,
      annotations: [
        annotation(C.CULTURAL_EXEMPTION, { agreementId: a.id, agreementSlug: 'a', key: 'art-1' }),
        ...['art-3', 'art-4'].map((key) =>
          annotation(C.CULTURAL_EXEMPTION, {
            agreementId: a.id,
            agreementSlug: 'a',
            key,
            status: AnnotationStatus.PROPOSED,
          }),
        ),
      ],
    });
    expect(cellOf(mixed, 'a', C.CULTURAL_EXEMPTION)).toMatchObject({
      accepted: 1,
      proposed: 2,
      pending: false,
    });
    const matrix = comparisonDocument(mixed, OPTIONS).sections[0].table!;
    expect(matrix.rows.find((r) => r.row === 'Cultural exemption')!.a0).toMatchObject({
      text: 'binding: art-1 · 2 proposed, awaiting review: art-3, art-4',
    });
    const withProposed = comparisonDocument({ ...mixed, includeProposed: true }, OPTIONS).sections[0].table!;
    expect((withProposed.rows.find((r) => r.row === 'Cultural exemption')!.a0 as RichCell).text).toBe(
      'binding: art-1, art-3, art-4 (1 accepted + 2 proposed)',
    );
  });

  it('writes the pending cell apart in an XLSX and in the heatmap data', async () => {
    const file = await renderReport(comparisonDocument(byDefault, OPTIONS), 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const matrix = workbook.getWorksheet('Matrix')!;
    // Row 12: the metadata rows (the record held among them), then the codes.
    const av = matrix.getRow(12);
    expect(av.getCell(1).value).toBe('Audiovisual exclusion');
    const cell = av.getCell(3);
    expect(cell.value).toMatchObject({ text: '1 proposed, awaiting review: art-7 (binding)' });
    expect(cell.font.italic).toBe(true);
    expect(cell.fill).toMatchObject({ type: 'pattern', pattern: 'lightUp' });
    // The heatmap's data: the strength counted, a number (0, none accepted), striped as pending; whether the cell
    // rests on proposals only is a column of its own, after the agreements'.
    const heatmap = workbook.getWorksheet('Heatmap')!;
    expect(heatmap.getRow(3).getCell(3).value).toBe(0);
    expect(heatmap.getRow(3).getCell(3).font.italic).toBe(true);
    expect(heatmap.getRow(3).getCell(5).value).toBe(true);
  });

  it('writes each column of the heatmap data as one type: strengths as numbers, proposals-only cells as yes/no columns', async () => {
    // "(B) proposed only, awaiting review" among 0s and 3s made the agreement's column text in a spreadsheet.
    const document = comparisonDocument(byDefault, OPTIONS);
    const csv = String((await renderReport(document, 'csv', { sectionId: 'heatmap' })).body).replace(
      /^\ufeff/,
      '',
    );
    const [header, ...rows] = parse(csv) as string[][];
    // Each agreement's header says its number is a strength, on the legend's scale (it was the bare name).
    const names = header
      .slice(1, 3)
      .map((h) => h.replace(/: strength \(0 none, 1 declaratory, 2 best endeavour, 3 binding\)$/, ''));
    expect(header.slice(1, 3)).not.toEqual(names);
    expect(header.slice(3)).toEqual(names.map((n) => `${n}: proposed only, awaiting review`));
    expect(rows.map((r) => r.slice(1))).toEqual([
      ['3', '0', 'false', 'false'],
      ['0', '0', 'false', 'true'],
    ]);
    // Markdown, for reading, keeps the words and leaves the yes/no columns out.
    const md = String((await renderReport(document, 'md')).body);
    expect(md).toContain('(B) proposed only, awaiting review');
    expect(md).not.toContain(': proposed only, awaiting review |');
  });

  it.each(WHOLE_REPORT_FORMATS)('renders as %s', async (format) => {
    const document: ReportDocument = comparisonDocument(byDefault, OPTIONS);
    const file = await renderReport(document, format);
    expect(file.body.length).toBeGreaterThan(200);
    if (format === 'html') {
      expect(String(file.body)).toMatch(/<td class="pending"><a href="\/provisions\/b\/art-7">/);
      expect(String(file.body)).toContain('class="cell pending"');
      expect(String(file.body)).toContain('proposed only, awaiting review</text>');
    }
  });

  it('says a member bound through its bloc from a date no source gives is so, not bound since the bloc was', () => {
    // The EEA (1992) and Croatia (EU member from 2013-07-01, acceded to the EEA by its own agreement in 2014): the
    // comparison listed "HRV" with no date beside the members bound since 1994, as if it had been bound since.
    const compared = {
      ...report.agreements[0],
      boundParties: [
        {
          party: { code: 'EUN', name: 'European Union' },
          via: null,
          appliedFrom: '1994-01-01',
          inForceFrom: '1994-01-01',
          inForceInferred: false,
          until: null,
        },
        {
          party: { code: 'FRA', name: 'France' },
          via: 'EUN',
          appliedFrom: '1994-01-01',
          inForceFrom: '1994-01-01',
          inForceInferred: false,
          until: null,
        },
        {
          party: { code: 'HRV', name: 'Croatia' },
          via: 'EUN',
          appliedFrom: null,
          inForceFrom: null,
          inForceInferred: false,
          until: null,
        },
      ],
    } as (typeof report.agreements)[number];
    const matrix = comparisonDocument(
      { ...report, agreements: [compared, ...report.agreements.slice(1)] },
      OPTIONS,
    ).sections[0].table!;
    expect(matrix.rows.find((r) => r.row === 'Member states bound through a bloc')!.a0).toEqual([
      'FRA',
      'HRV from a date not known',
    ]);
    // Where two blocs speak for members, each item names its own (the single bloc is the parties' row's).
    const two = boundThroughBlocs(
      [
        ...compared.boundParties,
        { party: { code: 'XBL' }, via: null, appliedFrom: '1994-01-01', inForceFrom: null, until: null },
        {
          party: { code: 'XME' },
          via: 'XBL',
          appliedFrom: '1994-01-01',
          inForceFrom: null,
          until: '2000-01-01',
        },
      ],
      reportTranslator('fr'),
    );
    expect(two).toEqual([
      'FRA (bloc : EUN)',
      'HRV à partir d’une date inconnue (bloc : EUN)',
      'XME jusqu’au 31 déc. 1999 (bloc : XBL)',
    ]);
  });
  it('says "on or before" of a party whose date is a bound, in GraphQL, the notes and the bloc row, in every language', () => {
    // AANZFTA's 2011-02-01 for Cambodia is a bound (the fixture's dateInForcePrecision AT_LATEST): the comparison's
    // boundParties gave it as the day, its notes said nothing, where the party page and the coherence report say
    // "on or before". A member bound through a bloc whose own date is a bound reads so in the bloc row.
    const aanzfta = agreement('aanzfta', { shortTitle: 'AANZFTA' });
    const khm = {
      ...bound(party('KHM', { name: 'Cambodia' })),
      appliedFrom: '2011-02-01',
      appliedFromPrecision: DatePrecision.AT_LATEST,
    };
    const eu = bound(party('EUN', { name: 'European Union' }));
    const hrv = {
      ...bound(party('HRV', { name: 'Croatia' }), 'EUN'),
      appliedFrom: '2017-04-12',
      appliedFromPrecision: DatePrecision.AT_LATEST,
    };
    const r = computeComparison({
      ...input,
      agreements: [aanzfta],
      boundParties: new Map([[aanzfta.id, [bound(party('AUS')), khm, eu, hrv]]]),
      annotations: [],
    });
    expect(r.agreements[0].boundParties.map((b) => [b.party.code, b.appliedFromPrecision])).toEqual([
      ['AUS', 'EXACT'],
      ['KHM', 'AT_LATEST'],
      ['EUN', 'EXACT'],
      ['HRV', 'AT_LATEST'],
    ]);
    const notes = (lang: 'en' | 'fr' | 'es') => notesIn(lang, r).notes.join(' ');
    expect(notes('en')).toContain(
      'For 2 parties, the date from which an agreement binds them is a bound the sources agree on, not their own day, which none gives: it was in force for them on or before that date: Cambodia (KHM) in AANZFTA (on or before 2011-02-01); Croatia (HRV) in AANZFTA (on or before 2017-04-12).',
    );
    expect(notes('fr')).toContain('Cambodge (KHM) dans AANZFTA (le 1er févr. 2011 au plus tard)');
    expect(notes('es')).toContain('Camboya (KHM) en AANZFTA (el 1 feb 2011 a más tardar)');
    const via = (lang: 'en' | 'fr' | 'es') =>
      comparisonDocument(r, { ...OPTIONS, language: lang }).sections[0].table!.rows[6].a0;
    expect(via('en')).toEqual(['HRV from a day on or before 2017-04-12']);
    expect(via('fr')).toEqual(['HRV à partir du 12 avr. 2017 au plus tard']);
    expect(via('es')).toEqual(['HRV desde el 12 abr 2017 a más tardar']);
  });
});
