import { AttributeAgreement, Counts, EvaluationResult, Scoring } from './evaluate';

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
  const widths = COLUMNS.map((_, index) =>
    Math.max(...[COLUMNS, ...rows].map((cells) => cells[index].length)),
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
