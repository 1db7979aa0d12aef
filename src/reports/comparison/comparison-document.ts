import { addDays } from '../../common/dates';
import { BindingForce } from '../../annotations/annotation.enums';
import { CellValue, ReportDocument, RichCell } from '../render/report-document';
import { appliedSince, dateCell, DocumentOptions, provisionCell } from '../common/document-helpers';
import {
  codeName,
  countedParameter,
  detailWords,
  evidenceText,
  forceWords,
  statusWords,
} from '../common/evidence';
import { agreementName, BoundPartyFacts, EvidenceRef } from '../common/report-facts';
import { absoluteLink } from '../common/report-links';
import { forceRank } from '../common/report-facts';
import { ComparedAgreement, ComparisonCell, ComparisonResult } from './comparison.types';

const FORCE_SHORT: Record<BindingForce, string> = {
  [BindingForce.BINDING]: 'B',
  [BindingForce.BEST_ENDEAVOUR]: 'BE',
  [BindingForce.DECLARATORY]: 'D',
};

const counted = (cell: ComparisonCell, includeProposed: boolean): EvidenceRef[] =>
  cell.provisions.filter((p) => includeProposed || p.status === 'ACCEPTED');
const uncounted = (cell: ComparisonCell, includeProposed: boolean): EvidenceRef[] =>
  includeProposed ? [] : cell.provisions.filter((p) => p.status !== 'ACCEPTED');

/** Strength shown in the matrix: 3 binding, 2 best endeavour, 1 declaratory or unknown force, 0 none counted. */
const strength = (cell: ComparisonCell, includeProposed: boolean): number =>
  counted(cell, includeProposed).length ? Math.max(1, forceRank(cell.strongestBindingForce)) : 0;

const keyOf = (p: EvidenceRef) => p.pinpoint.slice(p.pinpoint.indexOf('/') + 1);

/** The strongest force among some provisions. */
const strongestOf = (provisions: EvidenceRef[]): BindingForce | null =>
  provisions.reduce<BindingForce | null>(
    (best, p) => (forceRank(p.bindingForce) > forceRank(best) ? p.bindingForce : best),
    null,
  );

/** "binding: art-9.1", "binding: art-9.1 · 2 proposed, awaiting review: art-3, art-4", or a pending cell. */
function matrixCell(cell: ComparisonCell, includeProposed: boolean, linkBase: string): CellValue {
  if (!cell.provisions.length) return null;
  const shown = counted(cell, includeProposed);
  const waiting = uncounted(cell, includeProposed);
  const href = absoluteLink(cell.provisions[0].link, linkBase);
  if (!shown.length)
    return {
      text: `${evidenceText(cell)}: ${waiting.map(keyOf).join(', ')} (${forceWords(strongestOf(waiting)) ?? 'force unknown'})`,
      href,
      pending: true,
    };
  const force = forceWords(cell.strongestBindingForce) ?? 'force unknown';
  const mix = includeProposed && cell.proposed ? ` (${evidenceText(cell)})` : '';
  const more = waiting.length
    ? ` · ${evidenceText({ accepted: 0, proposed: waiting.length })}: ${waiting.map(keyOf).join(', ')}`
    : '';
  const rich: RichCell = {
    text: `${force}: ${shown.map(keyOf).join(', ')}${mix}${more}`,
    href,
    level: strength(cell, includeProposed) / 3,
  };
  return rich;
}

function heatmapLabel(cell: ComparisonCell, includeProposed: boolean): string {
  const shown = counted(cell, includeProposed);
  const waiting = uncounted(cell, includeProposed);
  if (!shown.length) {
    if (!waiting.length) return '';
    const force = strongestOf(waiting);
    return `(${force ? FORCE_SHORT[force] : '?'})`;
  }
  const label = cell.strongestBindingForce ? FORCE_SHORT[cell.strongestBindingForce] : '?';
  return waiting.length ? `${label}+` : label;
}

/**
 * "via European Union: AUT, BEL, HRV from 2013-07-01, GBR to 2020-12-31, ... (28)" for each bloc that speaks
 * for member states; "none" otherwise. A member that joined after the bloc was bound, or left, says when.
 */
function viaText(a: ComparedAgreement): string {
  const blocs = new Map<string, BoundPartyFacts[]>();
  for (const b of a.boundParties) if (b.via) blocs.set(b.via, [...(blocs.get(b.via) ?? []), b]);
  if (!blocs.size) return 'none';
  const blocOf = (code: string) => a.boundParties.find((b) => b.party.code === code);
  return [...blocs]
    .map(([code, members]) => {
      const bloc = blocOf(code);
      const member = (m: BoundPartyFacts) =>
        [
          m.party.code,
          m.appliedFrom && bloc?.appliedFrom && m.appliedFrom > bloc.appliedFrom
            ? `from ${m.appliedFrom}`
            : // Joined the bloc after it signed, with no date of its own (bindingDatesUnknown): not from the bloc's.
              !m.appliedFrom && !m.inForceFrom && (bloc?.appliedFrom || bloc?.inForceFrom)
              ? 'from a date not known'
              : '',
          // `until` is exclusive: the text gives the last day bound.
          m.until && m.until !== bloc?.until ? `to ${addDays(m.until, -1)}` : '',
        ]
          .filter(Boolean)
          .join(' ');
      return `via ${bloc?.party.name ?? code}: ${members.map(member).join(', ')} (${members.length})`;
    })
    .join('; ');
}

const statusText = (status: string) => status.toLowerCase().replace(/_/g, ' ');

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
  const p = report.includeProposed;
  const anyPending = report.cells.some((c) => uncounted(c, p).length > 0);
  return {
    kind: 'comparison',
    title: `Comparison of ${agreements.length} agreement${agreements.length === 1 ? '' : 's'}`,
    subtitle: agreements.map((a) => agreementName(a.agreement)).join(' · '),
    generatedAt: options.generatedAt,
    parameters: {
      Agreements: agreements.map((a) => a.agreement.slug).join(', '),
      Codes: report.codes.map(codeName).join(', '),
      'Evidence counted': countedParameter(p),
    },
    notes: report.notes,
    sections: [
      {
        id: 'matrix',
        title: 'Matrix',
        description: p
          ? 'Metadata rows, then one row per code: the strongest binding force among the provisions with the code, and their keys (linked to the first); a cell says how many are accepted and how many proposed.'
          : 'Metadata rows, then one row per code: the strongest binding force among the provisions with an accepted annotation of the code, and their keys (linked to the first); provisions with only a proposed annotation follow as "proposed, awaiting review". A cell with proposals only has a hatched style of its own.',
        table: {
          columns: [{ key: 'row', label: 'Row' }, ...columns],
          rows: [
            meta('Slug', (i) => agreements[i].agreement.slug),
            meta('Signed', (i) => dateCell(agreements[i].agreement.dateSigned)),
            meta('Entry into force', (i) => dateCell(agreements[i].agreement.dateInForce)),
            meta('Applied since', (i) => dateCell(appliedSince(agreements[i].agreement))),
            meta('Status', (i) => statusText(agreements[i].agreement.status)),
            meta('Parties', (i) => agreements[i].parties.map((x) => x.code)),
            meta('Member states bound through a bloc', (i) => viaText(agreements[i])),
            meta('Developing parties', (i) => agreements[i].developingParties.map((x) => x.code)),
            ...report.codes.map((code) => {
              const cells = byAgreement(code);
              return meta(codeName(code), (i) => matrixCell(cells[i], p, options.linkBase));
            }),
          ],
        },
      },
      {
        id: 'heatmap',
        title: 'Heatmap',
        description: `Strongest binding force by code among the provisions counted as evidence: B binding, BE best endeavour, D declaratory, blank none.${
          anyPending
            ? ' Hatched cells in brackets, such as (B): proposed evidence only, awaiting review; "+" after a letter: more provisions proposed.'
            : ''
        }`,
        chart: {
          kind: 'heatmap',
          rowLabel: 'Code',
          rows: report.codes.map(codeName),
          columns: columns.map((c) => c.label),
          values: report.codes.map((code) => byAgreement(code).map((c) => strength(c, p))),
          cellLabels: report.codes.map((code) => byAgreement(code).map((c) => heatmapLabel(c, p))),
          pending: report.codes.map((code) => byAgreement(code).map((c) => c.pending)),
          legend: {
            label: 'Strength (0 none, 1 declaratory, 2 best endeavour, 3 binding)',
            min: 0,
            max: 3,
            pendingLabel: 'proposed only, awaiting review',
          },
        },
      },
      {
        id: 'provisions',
        title: 'Provisions',
        description: 'Every provision with a code of the matrix, accepted or proposed.',
        table: {
          columns: [
            { key: 'agreement', label: 'Agreement' },
            { key: 'name', label: 'Clause' },
            { key: 'provision', label: 'Provision' },
            { key: 'pinpoint', label: 'Pinpoint', kind: 'code' },
            { key: 'binding', label: 'Binding force' },
            { key: 'status', label: 'Review' },
            { key: 'detail', label: 'Detail' },
            { key: 'code', label: 'Code', kind: 'code' },
          ],
          rowHeaderKey: 'provision',
          rows: report.cells.flatMap((cell) => {
            const agreement = agreements.find((a) => a.agreement.slug === cell.agreement)!;
            return cell.provisions.map((x) => ({
              agreement: agreementName(agreement.agreement),
              name: codeName(cell.code),
              provision: provisionCell(x, options.linkBase),
              pinpoint: x.pinpoint,
              binding: forceWords(x.bindingForce),
              status:
                x.status === 'ACCEPTED'
                  ? statusWords(x.status)
                  : { text: statusWords(x.status) ?? '', pending: !p },
              detail: x.detail.map(detailWords),
              code: cell.code,
            }));
          }),
        },
      },
    ],
  };
}
