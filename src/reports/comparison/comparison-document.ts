import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { CellValue, ReportDocument, RichCell } from '../render/report-document';
import { appliedSince, DocumentOptions, provisionCell } from '../common/document-helpers';
import { agreementName } from '../common/report-facts';
import { absoluteLink } from '../common/report-links';
import { forceRank } from '../common/report-queries';
import { ComparisonCell, ComparisonResult } from './comparison-result';

const FORCE_SHORT: Record<BindingForce, string> = {
  [BindingForce.BINDING]: 'B',
  [BindingForce.BEST_ENDEAVOUR]: 'BE',
  [BindingForce.DECLARATORY]: 'D',
};

/** Strength shown in the matrix: 3 binding, 2 best endeavour, 1 declaratory or unknown force, 0 none. */
const strength = (cell: ComparisonCell): number =>
  cell.provisions.length ? Math.max(1, forceRank(cell.strongestBindingForce)) : 0;

function matrixCell(cell: ComparisonCell, linkBase: string): CellValue {
  if (!cell.provisions.length) return null;
  const keys = cell.provisions.map((p) => p.pinpoint.slice(p.pinpoint.indexOf('/') + 1));
  const proposed = cell.statuses.includes(AnnotationStatus.PROPOSED) ? ' (incl. PROPOSED)' : '';
  const rich: RichCell = {
    text: `${cell.strongestBindingForce ?? 'force unknown'}: ${keys.join(', ')}${proposed}`,
    href: absoluteLink(cell.provisions[0].link, linkBase),
    level: strength(cell) / 3,
  };
  return rich;
}

/** The comparison as a document: the matrix with metadata rows, a heatmap, and every provision. */
export function comparisonDocument(report: ComparisonResult, options: DocumentOptions): ReportDocument {
  const columns = report.agreements.map((a, i) => ({ key: `a${i}`, label: agreementName(a.agreement) }));
  const byAgreement = (code: string) =>
    report.agreements.map((a) =>
      report.cells.find((c) => c.agreement === a.agreement.slug && c.code === code)!,
    );
  const meta = (label: string, value: (i: number) => CellValue): Record<string, CellValue> => ({
    row: label,
    ...Object.fromEntries(columns.map((c, i) => [c.key, value(i)])),
  });
  const agreements = report.agreements;
  return {
    kind: 'comparison',
    title: `Comparison of ${agreements.length} agreement${agreements.length === 1 ? '' : 's'}`,
    subtitle: agreements.map((a) => agreementName(a.agreement)).join(' · '),
    generatedAt: options.generatedAt,
    parameters: {
      Agreements: agreements.map((a) => a.agreement.slug).join(', '),
      Codes: report.codes.join(', '),
      'Annotations counted': report.includeProposed ? 'ACCEPTED and PROPOSED' : 'ACCEPTED only',
    },
    notes: report.notes,
    sections: [
      {
        id: 'matrix',
        title: 'Matrix',
        description:
          'Metadata rows, then one row per code: the strongest binding force among the provisions with the code, and their keys (linked to the first).',
        table: {
          columns: [{ key: 'row', label: 'Row' }, ...columns],
          rows: [
            meta('Slug', (i) => agreements[i].agreement.slug),
            meta('Signed', (i) => agreements[i].agreement.dateSigned),
            meta('Entry into force', (i) => agreements[i].agreement.dateInForce),
            meta('Applied since', (i) => appliedSince(agreements[i].agreement)),
            meta('Status', (i) => agreements[i].agreement.status),
            meta('Parties', (i) => agreements[i].parties.map((p) => p.code).join(', ')),
            meta(
              'Developing parties',
              (i) => agreements[i].developingParties.map((p) => p.code).join(', ') || 'none',
            ),
            ...report.codes.map((code) => {
              const cells = byAgreement(code);
              return meta(code, (i) => matrixCell(cells[i], options.linkBase));
            }),
          ],
        },
      },
      {
        id: 'heatmap',
        title: 'Heatmap',
        description:
          'Strongest binding force by code: B binding, BE best endeavour, D declaratory, blank none.',
        chart: {
          kind: 'heatmap',
          rows: report.codes,
          columns: columns.map((c) => c.label),
          values: report.codes.map((code) => byAgreement(code).map(strength)),
          cellLabels: report.codes.map((code) =>
            byAgreement(code).map((c) =>
              c.provisions.length
                ? c.strongestBindingForce
                  ? FORCE_SHORT[c.strongestBindingForce]
                  : '?'
                : '',
            ),
          ),
          legend: { label: 'Strength (0 none, 1 declaratory, 2 best endeavour, 3 binding)', min: 0, max: 3 },
        },
      },
      {
        id: 'provisions',
        title: 'Provisions',
        description: 'Every provision counted in the matrix.',
        table: {
          columns: [
            { key: 'agreement', label: 'Agreement' },
            { key: 'code', label: 'Code', kind: 'code' },
            { key: 'provision', label: 'Provision' },
            { key: 'pinpoint', label: 'Pinpoint', kind: 'code' },
            { key: 'binding', label: 'Binding force', kind: 'code' },
            { key: 'status', label: 'Status', kind: 'code' },
            { key: 'detail', label: 'Detail' },
          ],
          rowHeaderKey: 'provision',
          rows: report.cells.flatMap((cell) => {
            const agreement = agreements.find((a) => a.agreement.slug === cell.agreement)!;
            return cell.provisions.map((p) => ({
              agreement: agreementName(agreement.agreement),
              code: cell.code,
              provision: provisionCell(p, options.linkBase),
              pinpoint: p.pinpoint,
              binding: p.bindingForce,
              status: p.status,
              detail: p.detail.join(', ') || null,
            }));
          }),
        },
      },
    ],
  };
}
