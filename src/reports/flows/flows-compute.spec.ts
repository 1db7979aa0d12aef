import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { agreement, annotation, party } from '../../../test/support/coherence-test-data';
import { REPORT_FORMATS } from '../render/report-document';
import { renderReport } from '../render/render-report';
import { computeFlows } from './flows-compute';
import { flowsDocument } from './flows-document';

describe('computeFlows', () => {
  const eu = party('EUN', { name: 'European Union', developing: false });
  const jam = party('JAM', { name: 'Jamaica', developing: true });
  const brb = party('BRB', { name: 'Barbados', developing: true });
  const ken = party('KEN', { name: 'Kenya', developing: true });
  const epa = agreement('epa');
  const south = agreement('south');
  const pt = (slug: string, id: number, mechanism: string[]) =>
    annotation(C.PREFERENTIAL_TREATMENT_CULTURE, { agreementId: id, agreementSlug: slug, detail: mechanism });
  const input = {
    includeProposed: false,
    filter: {},
    agreements: [epa, south],
    parties: new Map([
      [epa.id, [eu, jam, brb]],
      [south.id, [jam, ken]],
    ]),
    annotations: [
      pt('epa', epa.id, ['ARTIST_MOBILITY']),
      pt('epa', epa.id, []),
      pt('south', south.id, ['CO_PRODUCTION']),
    ],
  };

  it('draws edges from developed grantors to developing beneficiaries, per mechanism', () => {
    const flows = computeFlows(input).flows;
    const edges = flows.map((f) => `${f.grantor.code}>${f.beneficiary.code}:${f.mechanism}:${f.mutual}`);
    expect(edges).toEqual([
      'EUN>BRB:ARTIST_MOBILITY:false',
      'EUN>BRB:OTHER:false',
      'EUN>JAM:ARTIST_MOBILITY:false',
      'EUN>JAM:OTHER:false',
      'JAM>KEN:CO_PRODUCTION:true',
      'KEN>JAM:CO_PRODUCTION:true',
    ]);
  });

  it('filters by grantor, beneficiary and mechanism', () => {
    const flows = computeFlows({
      ...input,
      filter: { grantors: ['EUN'], beneficiaries: ['JAM'], mechanisms: ['ARTIST_MOBILITY'] },
    }).flows;
    expect(flows).toHaveLength(1);
    expect(flows[0].provisions).toHaveLength(1);
  });

  it.each(REPORT_FORMATS)('renders as %s, also when empty', async (format) => {
    for (const report of [computeFlows(input), computeFlows({ ...input, annotations: [] })]) {
      const file = await renderReport(
        flowsDocument(report, {}, { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' }),
        format,
      );
      expect(file.body.length).toBeGreaterThan(100);
    }
  });
});
