import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { agreement, annotation, party } from '../../../test/support/coherence-test-data';
import { REPORT_FORMATS } from '../render/report-document';
import { renderReport } from '../render/render-report';
import { computeComparison } from './comparison-compute';
import { comparisonDocument } from './comparison-document';

describe('computeComparison', () => {
  const a = agreement('a');
  const b = agreement('b');
  const report = computeComparison({
    agreements: [a, b],
    parties: new Map([[a.id, [party('CAN'), party('HND', { developing: true })]]]),
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
        status: AnnotationStatus.PROPOSED,
      }),
    ],
    codes: [C.CULTURAL_EXEMPTION, C.AUDIOVISUAL_EXCLUSION],
    includeProposed: true,
  });

  it('fills one cell per agreement and code with the provisions and the strongest binding force', () => {
    expect(
      report.cells.map((c) => [
        c.agreement,
        c.code,
        c.provisions.length,
        c.strongestBindingForce,
        c.statuses,
      ]),
    ).toEqual([
      ['a', C.CULTURAL_EXEMPTION, 2, 'BINDING', ['ACCEPTED']],
      ['a', C.AUDIOVISUAL_EXCLUSION, 0, null, []],
      ['b', C.CULTURAL_EXEMPTION, 0, null, []],
      ['b', C.AUDIOVISUAL_EXCLUSION, 1, 'BINDING', ['PROPOSED']],
    ]);
    expect(report.agreements[0].developingParties.map((p) => p.code)).toEqual(['HND']);
  });

  it('draws the heatmap from the strongest force, and marks PROPOSED cells', async () => {
    const document = comparisonDocument(report, { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' });
    const heatmap = document.sections.find((s) => s.id === 'heatmap')!.chart!;
    expect(heatmap.kind === 'heatmap' && heatmap.values).toEqual([
      [3, 0],
      [0, 3],
    ]);
    const md = String((await renderReport(document, 'md')).body);
    expect(md).toMatch(/BINDING: art-\d+ \(incl\. PROPOSED\)/);
  });

  it.each(REPORT_FORMATS)('renders as %s', async (format) => {
    const file = await renderReport(
      comparisonDocument(report, { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' }),
      format,
    );
    expect(file.body.length).toBeGreaterThan(200);
  });
});
