import { BindingForce } from '../../annotations/annotation.enums';
import { CellValue, ReportDocument, RichCell } from '../render/report-document';
import {
  appliedSince,
  boundThroughBlocs,
  dateCell,
  DocumentOptions,
  provisionCell,
} from '../common/document-helpers';
import {
  codeName,
  countedParameter,
  detailWords,
  evidenceText,
  forceLetter,
  forceWords,
  statusWords,
} from '../common/evidence';
import { Language } from '../../common/i18n';
import { codeNameIn, recordText, reportTranslator, ReportTranslate, say } from '../common/report-texts';
import { agreementName, EvidenceRef } from '../common/report-facts';
import { pageLink } from '../common/report-links';
import { forceRank } from '../common/report-facts';
import { ComparisonCell, ComparisonResult } from './comparison.types';

const counted = (cell: ComparisonCell, includeProposed: boolean): EvidenceRef[] =>
  cell.provisions.filter((p) => includeProposed || p.status === 'ACCEPTED');
const uncounted = (cell: ComparisonCell, includeProposed: boolean): EvidenceRef[] =>
  includeProposed ? [] : cell.provisions.filter((p) => p.status !== 'ACCEPTED');

/** Strength shown in the matrix: 3 binding, 2 best endeavour, 1 declaratory or unknown force, 0 none counted. */
const strength = (cell: ComparisonCell, includeProposed: boolean): number =>
  counted(cell, includeProposed).length ? Math.max(1, forceRank(cell.strongestBindingForce)) : 0;

const keyOf = (p: EvidenceRef) => p.pinpoint.slice(p.pinpoint.indexOf('/') + 1);

/**
 * A provision's key in a cell, with the parties its annotation covers when it names them: the USMCA's cultural
 * exemption is Canada's alone ("art-32.6 (CAN only)"), not the agreement's three parties'.
 */
const scopedKey = (p: EvidenceRef, t: ReportTranslate) =>
  p.partyScope?.length
    ? `${keyOf(p)} ${t('cmp.cell.scope', { parties: p.partyScope.join(', ') })}`
    : keyOf(p);

/** The strongest force among some provisions. */
const strongestOf = (provisions: EvidenceRef[]): BindingForce | null =>
  provisions.reduce<BindingForce | null>(
    (best, p) => (forceRank(p.bindingForce) > forceRank(best) ? p.bindingForce : best),
    null,
  );

/** "binding: art-9.1", "binding: art-9.1 · 2 proposed, awaiting review: art-3, art-4", or a pending cell. */
function matrixCell(
  cell: ComparisonCell,
  includeProposed: boolean,
  linkBase: string,
  t: ReportTranslate,
  lang: Language,
): CellValue {
  if (!cell.provisions.length) return null;
  const shown = counted(cell, includeProposed);
  const waiting = uncounted(cell, includeProposed);
  const href = pageLink(cell.provisions[0].link, linkBase, lang);
  const force = (f: BindingForce | null) => forceWords(f, lang) ?? t('force.unknown');
  if (!shown.length)
    return {
      text: t('cmp.cell.pending', {
        evidence: evidenceText(cell, lang),
        keys: waiting.map((p) => scopedKey(p, t)).join(', '),
        force: force(strongestOf(waiting)),
      }),
      href,
      pending: true,
    };
  const mix = includeProposed && cell.proposed ? ` (${evidenceText(cell, lang)})` : '';
  const more = waiting.length
    ? ` · ${t('cmp.cell.waiting', {
        evidence: evidenceText({ accepted: 0, proposed: waiting.length }, lang),
        keys: waiting.map((p) => scopedKey(p, t)).join(', '),
      })}`
    : '';
  const rich: RichCell = {
    text: `${t('cmp.cell', { force: force(cell.strongestBindingForce), keys: shown.map((p) => scopedKey(p, t)).join(', ') })}${mix}${more}`,
    href,
    level: strength(cell, includeProposed) / 3,
  };
  return rich;
}

function heatmapLabel(cell: ComparisonCell, includeProposed: boolean, lang: Language): string {
  const shown = counted(cell, includeProposed);
  const waiting = uncounted(cell, includeProposed);
  if (!shown.length) {
    if (!waiting.length) return '';
    const force = strongestOf(waiting);
    return `(${force ? forceLetter(force, lang) : '?'})`;
  }
  const label = cell.strongestBindingForce ? forceLetter(cell.strongestBindingForce, lang) : '?';
  return waiting.length ? `${label}+` : label;
}

/** The comparison as a document: the matrix with metadata rows, a heatmap, and every provision. */
export function comparisonDocument(report: ComparisonResult, options: DocumentOptions): ReportDocument {
  const lang = options.language ?? 'en';
  const t = reportTranslator(lang);
  const name = (code: ComparisonResult['codes'][number]) => codeNameIn(lang, code, codeName(code));
  const columns = report.agreements.map((a, i) => ({
    key: `a${i}`,
    label: agreementName(a.agreement),
    links: true,
  }));
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
  const described = (description: () => string) => (lang === 'en' ? {} : { description: description() });
  return {
    kind: 'comparison',
    ...(lang === 'en' ? {} : { language: lang }),
    title: t('cmp.title', { count: agreements.length }),
    subtitle: agreements.map((a) => agreementName(a.agreement)).join(' · '),
    generatedAt: options.generatedAt,
    parameters: {
      [t('cmp.param.agreements')]: agreements.map((a) => a.agreement.slug).join(', '),
      [t('cmp.param.codes')]: report.codes.map(name).join(', '),
      [t('trends.param.counted')]: countedParameter(p, lang),
    },
    notes: report.noteTexts.map((n) => say(lang, n)),
    sections: [
      {
        id: 'matrix',
        title: t('cmp.matrix.title'),
        description: t(p ? 'cmp.matrix.proposed' : 'cmp.matrix.accepted'),
        table: {
          columns: [{ key: 'row', label: t('cmp.col.row') }, ...columns],
          rows: [
            meta(t('cmp.row.slug'), (i) => agreements[i].agreement.slug),
            meta(t('col.signed'), (i) => dateCell(agreements[i].agreement.dateSigned, lang)),
            meta(t('cmp.row.inForce'), (i) => dateCell(agreements[i].agreement.dateInForce, lang)),
            meta(t('cmp.row.applied'), (i) => dateCell(appliedSince(agreements[i].agreement), lang)),
            meta(t('cmp.row.status'), (i) => t(`agreementStatus.${agreements[i].agreement.status}`)),
            meta(t('cmp.row.parties'), (i) => agreements[i].parties.map((x) => x.code)),
            meta(t('cmp.row.via'), (i) => boundThroughBlocs(agreements[i].boundParties, t)),
            meta(t('cmp.row.developing'), (i) => agreements[i].developingParties.map((x) => x.code)),
            // What the catalogue holds: an empty cell of a record held in part is no absence (cmp.note.partial).
            meta(t('cmp.row.record'), (i) => say(lang, recordText(agreements[i].record))),
            // Only where one of them has any: the TPP's twelve signed it and it binds none of them.
            ...(agreements.some((a) => a.signatoriesOnly.length)
              ? [meta(t('cmp.row.signatoriesOnly'), (i) => agreements[i].signatoriesOnly.map((x) => x.code))]
              : []),
            // Only where one of them has any: Venezuela, suspended in MERCOSUR since 2017-08-05 (the notes say so).
            ...(agreements.some((a) => a.suspendedParties.length)
              ? [
                  meta(t('cmp.row.suspended'), (i) =>
                    agreements[i].suspendedParties.map((x) =>
                      t('cmp.suspendedSince', { code: x.party.code, date: { date: x.since } }),
                    ),
                  ),
                ]
              : []),
            ...report.codes.map((code) => {
              const cells = byAgreement(code);
              return meta(name(code), (i) => matrixCell(cells[i], p, options.linkBase, t, lang));
            }),
          ],
        },
      },
      {
        id: 'heatmap',
        title: t('cmp.heatmap.title'),
        description: [t('cmp.heatmap.description'), anyPending ? t('cmp.heatmap.pendingCells') : '']
          .filter(Boolean)
          .join(' '),
        chart: {
          kind: 'heatmap',
          ...described(() => t('cmp.heatmap.chartDescription', { count: report.codes.length })),
          rowLabel: t('cmp.heatmap.rowLabel'),
          rows: report.codes.map(name),
          columns: columns.map((c) => c.label),
          // The CSV's header alone says what the number is: the strength, on the legend's scale.
          valueColumns: columns.map((c) => t('cmp.heatmap.column', { agreement: c.label })),
          values: report.codes.map((code) => byAgreement(code).map((c) => strength(c, p))),
          cellLabels: report.codes.map((code) => byAgreement(code).map((c) => heatmapLabel(c, p, lang))),
          pending: report.codes.map((code) => byAgreement(code).map((c) => c.pending)),
          legend: {
            label: t('cmp.heatmap.legend'),
            min: 0,
            max: 3,
            pendingLabel: t('trends.heatmap.pending'),
            ...(lang === 'en' ? {} : { noDataLabel: t('trends.heatmap.noData') }),
            // Each level named, "none" first: the cells without evidence are blank, the legend says what that is.
            steps: [
              t('cmp.heatmap.none'),
              ...[BindingForce.DECLARATORY, BindingForce.BEST_ENDEAVOUR, BindingForce.BINDING].map(
                (f) => `${forceLetter(f, lang)} ${forceWords(f, lang)}`,
              ),
            ],
          },
        },
      },
      {
        id: 'provisions',
        title: t('cmp.provisions.title'),
        description: t('cmp.provisions.description'),
        table: {
          columns: [
            { key: 'agreement', label: t('col.agreement') },
            { key: 'name', label: t('col.clause') },
            { key: 'provision', label: t('col.provision'), links: true },
            { key: 'pinpoint', label: t('col.pinpoint'), kind: 'code' },
            { key: 'binding', label: t('col.binding') },
            { key: 'status', label: t('col.review') },
            { key: 'detail', label: t('col.detail') },
            { key: 'code', label: t('col.code'), kind: 'code' },
          ],
          rowHeaderKey: 'provision',
          rows: report.cells.flatMap((cell) => {
            const agreement = agreements.find((a) => a.agreement.slug === cell.agreement)!;
            return cell.provisions.map((x) => ({
              agreement: agreementName(agreement.agreement),
              name: name(cell.code),
              provision: provisionCell(x, options.linkBase, lang),
              pinpoint: x.pinpoint,
              binding: forceWords(x.bindingForce, lang),
              status:
                x.status === 'ACCEPTED'
                  ? statusWords(x.status, lang)
                  : { text: statusWords(x.status, lang) ?? '', pending: !p },
              detail: x.detail.map((d) => detailWords(d, lang)),
              code: cell.code,
            }));
          }),
        },
      },
    ],
  };
}
