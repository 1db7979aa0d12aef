import { currentCalibration } from '../../src/annotations/evaluation/calibrate';
import { formatKappa, formatReliability, formatReport } from '../../src/annotations/evaluation/format-report';
import {
  evaluateDevelopmentSide,
  evaluateSplit,
  readDevelopmentSide,
  readSplitPart,
  SplitEvaluation,
} from '../../src/annotations/evaluation/label-split';
import { RULE_CALIBRATION } from '../../src/annotations/rules/rule-confidence.generated';
import { TaxonomyCodeId } from '../../src/taxonomy/taxonomy-code.enum';

// Our labelled split (test/fixtures/labels): the rules scored on the test part, the double coding's kappa, the
// reliability of the calibrated confidence, and the committed calibration table checked against the rules.
describe('annotator on the held-out test part', () => {
  let result: SplitEvaluation;

  beforeAll(() => {
    result = evaluateSplit();
    console.log(
      [
        formatReport(result.test),
        formatKappa(result.kappa, result.kappaArticles),
        formatReliability(result.reliability),
      ].join('\n\n'),
    );
  });

  it('keeps the development and test parts apart', () => {
    const dev = readSplitPart('dev');
    const test = readSplitPart('test');
    expect(dev.treatyIdentifiers.filter((id) => test.treatyIdentifiers.includes(id))).toEqual([]);
    expect(test.treatyIdentifiers.length).toBeGreaterThanOrEqual(14);
    expect(dev.treatyIdentifiers.length + test.treatyIdentifiers.length).toBeGreaterThanOrEqual(12);
  });

  it('reaches micro F1 >= 0.9 on the test part', () => {
    expect(result.test.all.micro.f1).toBeGreaterThanOrEqual(0.9);
  });

  it('meets the floors of the weak codes on the test part', () => {
    const code = (id: TaxonomyCodeId) => result.test.all.perCode.find((item) => item.code === id)!;
    expect(code(TaxonomyCodeId.CONVENTION_REF_IMPLICIT).precision).toBeGreaterThanOrEqual(0.8);
    expect(code(TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT).recall).toBeGreaterThanOrEqual(0.85);
    // Well below the 0.85 aim since the test part was enlarged (22 of 32 found, 0.69; 6 of 13 on the second
    // batch); 23 of 32 (0.72) after the third round, unchanged by the fourth (13 development agreements drawn for
    // cultural cooperation) and the fifth (12 more, by strata and from the rules' misses): this floor only guards
    // against losing more. See the README's accuracy section.
    expect(code(TaxonomyCodeId.CULTURAL_COOPERATION).recall).toBeGreaterThanOrEqual(0.65);
  });

  it('has substantial agreement between the two passes on every code used', () => {
    for (const item of result.kappa) if (item.kappa !== null) expect(item.kappa).toBeGreaterThanOrEqual(0.8);
  });

  it('scores the development side (evaluate --dev) over the shared dev set and our development part', () => {
    const { result, agreements } = evaluateDevelopmentSide();
    expect(agreements).toBe(readDevelopmentSide().treatyIdentifiers.length);
    expect(agreements).toBeGreaterThan(readSplitPart('dev').treatyIdentifiers.length);
    // The rules were written looking at this side: a drop here is a regression, not news about accuracy.
    const cooperation = result.all.perCode.find((item) => item.code === TaxonomyCodeId.CULTURAL_COOPERATION)!;
    expect(cooperation.recall).toBeGreaterThanOrEqual(0.9);
    expect(result.all.micro.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('the committed calibration table is the one the rules and development labels give (npm run calibrate)', () => {
    expect(RULE_CALIBRATION).toEqual(currentCalibration());
  });
});
