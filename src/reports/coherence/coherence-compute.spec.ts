import { ConventionStatusKind } from '../../parties/party.enums';
import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { REPORT_FORMATS } from '../render/report-document';
import { renderReport } from '../render/render-report';
import { computeCoherence } from './coherence-compute';
import { coherenceDocument } from './coherence-document';
import { agreement, annotation, ecommerce, input, party } from '../../../test/support/coherence-test-data';

describe('computeCoherence', () => {
  const explicit = agreement('explicit', {
    dateSigned: '2015-03-01',
    annotations: [annotation(C.CONVENTION_REF_EXPLICIT, { key: 'preamble' })],
  });
  const silent = agreement('silent', { dateSigned: '2015-09-01', pendingProposed: 2 });
  const exposed = agreement('exposed', {
    dateSigned: '2016-01-01',
    annotations: [ecommerce('CUSTOMS_DUTIES')],
  });
  const report = computeCoherence(input([explicit, silent, exposed]));

  it('lists findings by severity, numbered, with the absence caveat when proposals await review', () => {
    expect(report.findings.map((f) => [f.number, f.severity, f.ruleId, f.agreement?.slug])).toEqual([
      [1, 'HIGH', 'G19.4/ecommerce-without-cultural-carve-out', 'exposed'],
      [2, 'MEDIUM', 'G19.5/no-convention-reference', 'silent'],
      [3, 'MEDIUM', 'G19.5/no-convention-reference', 'exposed'],
    ]);
    expect(report.findings[1].message).toContain('2 PROPOSED annotations of this agreement await review');
    expect(report.findings[2].message).not.toContain('await review');
  });

  it('scores each paragraph as the share of assessed agreements that meet it, and by year', () => {
    const score = (p: string) => report.scores.find((s) => s.paragraph === p)!;
    expect(score('19.5')).toMatchObject({ assessed: 3, met: 1, share: 1 / 3 });
    expect(score('19.4')).toMatchObject({ assessed: 1, met: 0, share: 0 });
    expect(score('18.2')).toMatchObject({ assessed: 0, met: 0, share: null });
    expect(report.trend.filter((t) => t.paragraph === '19.5')).toEqual([
      { paragraph: '19.5', year: 2015, assessed: 2, met: 1, share: 0.5 },
      { paragraph: '19.5', year: 2016, assessed: 1, met: 0, share: 0 },
    ]);
  });

  it('reports a missing Convention date once, as INFO, naming the agreements', () => {
    const unknown = computeCoherence(
      input([explicit, silent], {
        party: party('SGP', { conventionStatus: ConventionStatusKind.UNKNOWN, conventionInForce: null }),
      }),
    );
    const info = unknown.findings.filter((f) => f.paragraph === '19.5');
    expect(info).toHaveLength(1);
    expect(info[0]).toMatchObject({ severity: 'INFO', agreement: null });
    expect(info[0].message).toContain('Concerns 2 agreements: EXPLICIT, SILENT');
    expect(unknown.notes.some((n) => n.includes('UNKNOWN'))).toBe(true);
  });

  it('says which annotations it counts', () => {
    expect(report.notes[0]).toContain('ACCEPTED annotations only');
    expect(computeCoherence(input([], { includeProposed: true })).notes[0]).toContain(
      'ACCEPTED and PROPOSED',
    );
  });

  it.each(REPORT_FORMATS)('renders as %s', async (format) => {
    const document = coherenceDocument(report, {
      linkBase: 'http://localhost:3000',
      generatedAt: '2026-01-01T00:00:00Z',
    });
    const file = await renderReport(document, format);
    expect(file.body.length).toBeGreaterThan(500);
    if (format === 'html')
      expect(String(file.body)).toContain('href="http://localhost:3000/provisions/exposed/');
  });
});
