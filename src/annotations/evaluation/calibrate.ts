// Generates src/annotations/rules/rule-confidence.generated.ts: each rule's confidence measured as its
// precision on the labelled development side (the corpus's shared dev set and our development part; never the
// test part). Run `npm run calibrate` after changing a rule or a development label, and commit the result.
//
// Method: for every rule, n = its proposals on the development agreements and k = those the labels confirm
// (the article carries the code; BORDERLINE rows count as positives). Few proposals say little, so the
// estimate is shrunk towards its code's pooled precision: confidence = (k + m * p_code) / (n + m), m = 2,
// with p_code = (K + 1) / (N + 2) over all rules of the code (Laplace), and a rule that never fired on the
// development side gets p_code. A code that no rule proposed gets the overall (K + 1) / (N + 2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PROJECT_ROOT } from '../../common/paths';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { ANNOTATOR_RULES } from '../rules/annotate-agreement';
import {
  CARVE_OUT_BY_CREATIVE_ARTS_EXCEPTION_RULE,
  CARVE_OUT_BY_EXEMPTION_RULE,
} from '../rules/ecommerce.rules';
import { predictOnCorpus } from './corpus-agreements';
import { LabelRow } from './dev-labels';
import { Prediction } from './evaluate';
import { readDevelopmentSide } from './label-split';

export const CALIBRATION_FILE = join(
  PROJECT_ROOT,
  'src',
  'annotations',
  'rules',
  'rule-confidence.generated.ts',
);
export const SHRINKAGE = 2;

export const CALIBRATION_METHOD =
  'confidence = (k + 2 * p_code) / (n + 2): k of the rule’s n proposals on the development side confirmed by ' +
  'the labels; p_code = (K + 1) / (N + 2) pooled over the code’s rules; unfired rules get p_code';

export interface Calibration {
  readonly method: string;
  readonly fittedOn: string;
  readonly fallback: number;
  readonly codes: Record<string, { predicted: number; correct: number; prior: number }>;
  readonly rules: Record<string, { predicted: number; correct: number; confidence: number }>;
}

const round = (value: number) => Math.round(value * 1000) / 1000;
const pairKey = (treaty: string, article: string, code: string) => `${treaty}\u0000${article}\u0000${code}`;

/** The calibration table from labelled predictions (pure: testable without the corpus). */
export function calibrate(
  labels: readonly LabelRow[],
  predictions: readonly Prediction[],
  ruleIds: readonly { id: string; code: TaxonomyCodeId }[],
  fittedOn: string,
): Calibration {
  const positive = new Set(labels.map((l) => pairKey(l.treatyIdentifier, l.articleIdentifier, l.code)));
  const perRule = new Map<string, { code: string; predicted: number; correct: number }>();
  for (const rule of ruleIds) perRule.set(rule.id, { code: rule.code, predicted: 0, correct: 0 });
  const seen = new Set<string>();
  for (const p of predictions) {
    const key = pairKey(p.treatyIdentifier, p.articleIdentifier, p.code);
    if (!p.ruleId || seen.has(key)) continue;
    seen.add(key);
    const row = perRule.get(p.ruleId) ?? { code: p.code, predicted: 0, correct: 0 };
    row.predicted++;
    if (positive.has(key)) row.correct++;
    perRule.set(p.ruleId, row);
  }
  const totals = { predicted: 0, correct: 0 };
  const codes: Calibration['codes'] = {};
  for (const code of Object.values(TaxonomyCodeId)) {
    const rows = [...perRule.values()].filter((row) => row.code === code);
    const predicted = rows.reduce((sum, row) => sum + row.predicted, 0);
    const correct = rows.reduce((sum, row) => sum + row.correct, 0);
    totals.predicted += predicted;
    totals.correct += correct;
    codes[code] = { predicted, correct, prior: round((correct + 1) / (predicted + 2)) };
  }
  const fallback = round((totals.correct + 1) / (totals.predicted + 2));
  const rules: Calibration['rules'] = {};
  for (const [id, row] of [...perRule].sort(([a], [b]) => a.localeCompare(b))) {
    const prior = codes[row.code]?.predicted ? codes[row.code].prior : fallback;
    rules[id] = {
      predicted: row.predicted,
      correct: row.correct,
      confidence: round((row.correct + SHRINKAGE * prior) / (row.predicted + SHRINKAGE)),
    };
  }
  return { method: CALIBRATION_METHOD, fittedOn, fallback, codes, rules };
}

/** Every rule the annotator can fire, with its code (agreement-level carve-outs included). */
export function allRuleIds(): { id: string; code: TaxonomyCodeId }[] {
  return [
    ...ANNOTATOR_RULES.map((rule) => ({ id: rule.id, code: rule.code })),
    { id: CARVE_OUT_BY_EXEMPTION_RULE, code: TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT },
    { id: CARVE_OUT_BY_CREATIVE_ARTS_EXCEPTION_RULE, code: TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT },
  ];
}

/** The calibration the committed table should hold, computed from the corpus and the development labels. */
export function currentCalibration(): Calibration {
  const dev = readDevelopmentSide();
  const { predictions } = predictOnCorpus(dev.treatyIdentifiers);
  return calibrate(
    dev.labels,
    predictions,
    allRuleIds(),
    `${dev.treatyIdentifiers.length} development agreements (shared dev set + test/fixtures/labels dev part): ` +
      dev.treatyIdentifiers.join(', '),
  );
}

export function calibrationSource(calibration: Calibration): string {
  return [
    '// Generated by `npm run calibrate` (src/annotations/evaluation/calibrate.ts): do not edit by hand.',
    `// Method: ${calibration.method}.`,
    'export const RULE_CALIBRATION: {',
    '  readonly method: string;',
    '  readonly fittedOn: string;',
    '  readonly fallback: number;',
    '  readonly codes: Record<string, { predicted: number; correct: number; prior: number }>;',
    '  readonly rules: Record<string, { predicted: number; correct: number; confidence: number }>;',
    `} = ${JSON.stringify(calibration, null, 2)};`,
    '',
  ].join('\n');
}

if (require.main === module) {
  void (async () => {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(CALIBRATION_FILE)) ?? {};
    const source = await prettier.format(calibrationSource(currentCalibration()), {
      ...options,
      parser: 'typescript',
    });
    writeFileSync(CALIBRATION_FILE, source);
    console.log(`wrote ${CALIBRATION_FILE}`);
  })();
}
