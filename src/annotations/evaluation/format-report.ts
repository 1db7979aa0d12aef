import { AttributeAgreement, Counts, EvaluationResult, Scoring } from './evaluate';
import { CodeKappa } from './kappa';
import { ReliabilityRow } from './reliability';

const COLUMNS = ['code', 'pos', 'pred', 'TP', 'FP', 'FN', 'P', 'R', 'F1'];

/** A plain-text table of both scorings (all rows; BORDERLINE as don't care) with attribute agreement. */
export function formatReport(result: EvaluationResult): string {
  return [
    `Universe: ${result.universeSize} articles` +
      (result.outsideUniverse > 0 ? ` (${result.outsideUniverse} predictions outside it, not scored)` : ''),
    '',
    '(a) all label rows',
    formatScoring(result.all),
    '',
    `(b) BORDERLINE rows and predictions on them as don't care (${result.withoutBorderline.dontCare} pairs)`,
    formatScoring(result.withoutBorderline),
  ].join('\n');
}

export function formatScoring(scoring: Scoring): string {
  const rows = [...scoring.perCode.map((score) => row(score.code, score)), row('micro', scoring.micro)];
  const macroLabel = `macro (${scoring.macro.codes} codes)`;
  const widths = COLUMNS.map((_, index) =>
    Math.max(...[COLUMNS, ...rows, [macroLabel]].map((cells) => (cells[index] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index])))
      .join('  ');
  const separator = widths.map((width) => '-'.repeat(width)).join('  ');
  const { bindingForce, location, mainDetail, detailOverlap } = scoring.attributes;
  return [
    line(COLUMNS),
    separator,
    ...rows.slice(0, -1).map(line),
    separator,
    line(rows[rows.length - 1]),
    line([
      `macro (${scoring.macro.codes} codes)`,
      '',
      '',
      '',
      '',
      '',
      fixed(scoring.macro.precision),
      fixed(scoring.macro.recall),
      fixed(scoring.macro.f1),
    ]),
    `attributes on TP: binding force ${ratio(bindingForce)}, location ${ratio(location)}, ` +
      `main detail ${ratio(mainDetail)}, any detail in common ${ratio(detailOverlap)}`,
  ].join('\n');
}

function row(name: string, counts: Counts): string[] {
  return [
    name,
    String(counts.positives),
    String(counts.predicted),
    String(counts.tp),
    String(counts.fp),
    String(counts.fn),
    fixed(counts.precision),
    fixed(counts.recall),
    fixed(counts.f1),
  ];
}

function fixed(value: number | null): string {
  return value === null ? '-' : value.toFixed(2);
}

function ratio(agreement: AttributeAgreement): string {
  return agreement.compared === 0 ? '-' : `${agreement.agreeing}/${agreement.compared}`;
}

/** Cohen's kappa per code of the double coding. */
export function formatKappa(kappa: readonly CodeKappa[], articles: number): string {
  const header = ['code', 'both', '1st only', '2nd only', 'kappa'];
  const rows = kappa.map((item) => [
    item.code,
    String(item.both),
    String(item.firstOnly),
    String(item.secondOnly),
    item.kappa === null ? '-' : item.kappa.toFixed(2),
  ]);
  return [`Cohen's kappa of the two passes, per code, over ${articles} articles`, table(header, rows)].join(
    '\n',
  );
}

/** Predicted confidence band vs observed precision. */
export function formatReliability(rows: readonly ReliabilityRow[]): string {
  const header = ['confidence band', 'proposals', 'correct', 'mean confidence', 'observed precision'];
  const cells = rows.map((row) => [
    `${row.from.toFixed(2)}-${row.to.toFixed(2)}`,
    String(row.predictions),
    String(row.correct),
    fixed(row.meanConfidence),
    fixed(row.precision),
  ]);
  return table(header, cells);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((_, index) => Math.max(...[header, ...rows].map((cells) => cells[index].length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, index) => (index === 0 ? cell.padEnd(widths[index]) : cell.padStart(widths[index])))
      .join('  ');
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}
