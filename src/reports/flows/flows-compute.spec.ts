import { AnnotationStatus } from '../../annotations/annotation.enums';
import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { PartyKind } from '../../parties/party.enums';
import { agreement, annotation, party } from '../../../test/support/coherence-test-data';
import { bound } from '../../../test/support/report-test-data';
import { WHOLE_REPORT_FORMATS } from '../render/report-document';
import { closeRenderPool } from '../render/render-pool';
import { renderReport } from '../render/render-report';
import { computeFlows, FlowsInput } from './flows-compute';
import { flowsDocument } from './flows-document';
import { MECHANISM_COLORS, mechanismColor } from './mechanism-colors';

const OPTIONS = { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' };

// The render workers this file started stop with it: an idle worker thread left to the process's exit held
// jest's worker past its grace period ("A worker process has failed to exit gracefully").
afterAll(() => closeRenderPool());

describe('computeFlows', () => {
  const eu = party('EUN', { name: 'European Union', developing: false });
  const fra = party('FRA', { name: 'France', developing: false });
  const bgr = party('BGR', { name: 'Bulgaria', developing: true });
  const jam = party('JAM', { name: 'Jamaica', developing: true });
  const brb = party('BRB', { name: 'Barbados', developing: true });
  const ken = party('KEN', { name: 'Kenya', developing: true });
  const epa = agreement('epa');
  const south = agreement('south');
  const pending = agreement('pending');
  const pt = (slug: string, id: number, mechanism: string[], status = AnnotationStatus.ACCEPTED) =>
    annotation(C.PREFERENTIAL_TREATMENT_CULTURE, {
      agreementId: id,
      agreementSlug: slug,
      detail: mechanism,
      status,
    });
  const input: FlowsInput = {
    includeProposed: false,
    filter: {},
    agreements: [epa, south, pending],
    parties: new Map([
      // EU member states are bound through the EU: neither grantors nor beneficiaries (Bulgaria is developing).
      [epa.id, [bound(eu), bound(jam), bound(brb), bound(fra, 'EUN'), bound(bgr, 'EUN')]],
      [south.id, [bound(jam), bound(ken)]],
      [pending.id, [bound(eu), bound(ken), bound(bgr, 'EUN')]],
    ]),
    suspended: new Map(),
    day: '2026-12-06',
    annotations: [
      pt('epa', epa.id, ['ARTIST_MOBILITY']),
      pt('epa', epa.id, []),
      pt('south', south.id, ['CO_PRODUCTION']),
      pt('pending', pending.id, ['MARKET_ACCESS'], AnnotationStatus.PROPOSED),
    ],
  };

  it('draws each mechanism in its own colour, whichever others the filter leaves (it took the colour of its position)', () => {
    const colours = (annotations: FlowsInput['annotations']) => {
      const chart = flowsDocument(computeFlows({ ...input, annotations }), {}, OPTIONS).sections[0].chart!;
      if (chart.kind !== 'bar') throw new Error('the flows chart is a bar chart');
      return Object.fromEntries(chart.series.map((s) => [s.name, s.color]));
    };
    const all = colours(input.annotations);
    const coProductionOnly = colours([pt('south', south.id, ['CO_PRODUCTION'])]);
    expect(all['co-production']).toBe(mechanismColor('CO_PRODUCTION'));
    expect(coProductionOnly).toEqual({ 'co-production': all['co-production'] });
    expect(new Set(Object.values(MECHANISM_COLORS)).size).toBe(Object.keys(MECHANISM_COLORS).length);
  });

  it("draws no edge between two partners on the same side of a bloc's agreement (Panama and Costa Rica facing the EU)", () => {
    const union = party('EUN', { name: 'European Union', developing: false, kind: PartyKind.BLOC });
    const pan = party('PAN', { name: 'Panama', developing: false });
    const cri = party('CRI', { name: 'Costa Rica', developing: true });
    const aa = agreement('aa');
    const flows = computeFlows({
      ...input,
      agreements: [aa],
      parties: new Map([[aa.id, [bound(union), bound(pan), bound(cri)]]]),
      annotations: [pt('aa', aa.id, ['TECHNICAL_ASSISTANCE'])],
    }).flows;
    expect(flows.map((f) => `${f.grantor.code}>${f.beneficiary.code}`)).toEqual(['EUN>CRI']);
  });

  it('draws an edge from a provision that names the parties it covers only where it covers one of the two', () => {
    const pe = agreement('pe');
    const scoped = (scope: string[]) => ({ ...pt('pe', pe.id, ['MARKET_ACCESS']), partyScope: scope });
    const edges = (scope: string[]) =>
      computeFlows({
        ...input,
        agreements: [pe],
        parties: new Map([[pe.id, [bound(eu), bound(jam), bound(brb)]]]),
        annotations: [scoped(scope)],
      }).flows.map((f) => `${f.grantor.code}>${f.beneficiary.code}`);
    expect(edges(['JAM'])).toEqual(['EUN>JAM']);
    expect(edges(['EUN'])).toEqual(['EUN>BRB', 'EUN>JAM']);
  });

  it('counts a provision once per flow, on the annotation that covers the pair (two of one code for different parties)', () => {
    const pe = agreement('pe');
    const one = pt('pe', pe.id, ['MARKET_ACCESS']);
    const flows = computeFlows({
      ...input,
      agreements: [pe],
      parties: new Map([[pe.id, [bound(eu), bound(jam), bound(brb)]]]),
      // One article: accepted for Barbados only, and proposed for every party by the rules.
      annotations: [
        { ...one, partyScope: ['BRB'] },
        { ...one, status: AnnotationStatus.PROPOSED, partyScope: null },
      ],
    }).flows;
    const of = (code: string) => flows.find((f) => f.beneficiary.code === code)!;
    expect([of('BRB').accepted, of('BRB').proposed, of('BRB').provisions.length, of('BRB').pending]).toEqual([
      1,
      0,
      1,
      false,
    ]);
    expect([of('JAM').accepted, of('JAM').proposed, of('JAM').provisions.length, of('JAM').pending]).toEqual([
      0,
      1,
      1,
      true,
    ]);
  });

  it('draws edges from developed partners to developing partners, per mechanism, never to a member state', () => {
    const flows = computeFlows(input).flows;
    const edges = flows.map(
      (f) => `${f.grantor.code}>${f.beneficiary.code}:${f.mechanism}:${f.mutual}:${f.pending}`,
    );
    expect(edges).toEqual([
      'EUN>BRB:ARTIST_MOBILITY:false:false',
      'EUN>BRB:OTHER:false:false',
      'EUN>JAM:ARTIST_MOBILITY:false:false',
      'EUN>JAM:OTHER:false:false',
      'EUN>KEN:MARKET_ACCESS:false:true',
      'JAM>KEN:CO_PRODUCTION:true:false',
      'KEN>JAM:CO_PRODUCTION:true:false',
    ]);
  });

  it('shows a flow resting on proposals only as pending, and counts it with includeProposed', async () => {
    const report = computeFlows(input);
    const flow = report.flows.find((f) => f.agreement.slug === 'pending')!;
    expect(flow).toMatchObject({ accepted: 0, proposed: 1, pending: true });
    expect(report.notes.some((n) => n.includes('shown as pending'))).toBe(true);
    const document = flowsDocument(report, {}, OPTIONS);
    const rows = document.sections.find((s) => s.id === 'flows')!.table!.rows;
    const row = rows.find((r) => r.agreement === 'PENDING')!;
    // Typed: counts as numbers, whether the flow rests on proposals alone as a boolean.
    expect(row).toMatchObject({ accepted: 0, proposed: 1, pending: true, mutual: false });
    const chart = document.sections.find((s) => s.id === 'pairs')!.chart!;
    expect(chart.kind === 'bar' && chart.series.map((s) => s.name)).toEqual([
      'artist mobility',
      'co-production',
      'other',
      'proposed, awaiting review',
    ]);
    const md = String((await renderReport(document, 'md')).body);
    expect(md).toContain('| [pending/art-7](/provisions/pending/art-7) | 0 | 1 | yes | no |');
    expect(md).toContain('(1 pending review)');

    const counted = computeFlows({ ...input, includeProposed: true });
    expect(counted.flows.find((f) => f.agreement.slug === 'pending')).toMatchObject({
      accepted: 0,
      proposed: 1,
      pending: false,
    });
    const provisions = flowsDocument(counted, {}, OPTIONS).sections.find(
      (s) => s.id === 'provisions',
    )!.table!;
    expect(
      provisions.rows.find((r) => r.pinpoint === `pending/${flow.provisions[0].pinpoint.split('/')[1]}`)!
        .status,
    ).toEqual({
      text: 'proposed, awaiting review',
      pending: false,
    });
  });

  it('says which income groups decide who grants and who benefits, for agreements of every year', () => {
    // One classification (FY23) for every agreement: Chile, high income in FY23, was upper middle income in 2006.
    const note = computeFlows(input).notes.find((n) => n.startsWith('Grantors are'))!;
    expect(note).toContain('World Bank FY23 income groups');
    expect(note).toContain('when the agreement was signed may have differed');
  });

  it('filters by grantor, beneficiary and mechanism', () => {
    const flows = computeFlows({
      ...input,
      filter: { grantors: ['EUN'], beneficiaries: ['JAM'], mechanisms: ['ARTIST_MOBILITY'] },
    }).flows;
    expect(flows).toHaveLength(1);
    expect(flows[0].provisions).toHaveLength(1);
  });

  it.each(WHOLE_REPORT_FORMATS)('renders as %s, also when empty', async (format) => {
    for (const report of [computeFlows(input), computeFlows({ ...input, annotations: [] })]) {
      const file = await renderReport(flowsDocument(report, {}, OPTIONS), format);
      expect(file.body.length).toBeGreaterThan(100);
      if (format === 'html' && report.flows.length)
        expect(String(file.body)).toContain(
          '<td><a href="/provisions/pending/art-7">pending/art-7</a></td><td class="num">0</td><td class="num">1</td><td>yes</td><td>no</td>',
        );
    }
  });
});
