import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { calibrate } from './calibrate';
import { parseDevLabels } from './dev-labels';
import { Prediction } from './evaluate';
import { kappaPerCode } from './kappa';
import { reliabilityTable } from './reliability';

const C = TaxonomyCodeId;
const HEADER =
  'treaty_identifier,article_identifier,article_number,code,detail,binding_force,location,note\n';
const labels = (rows: string[]) => parseDevLabels(HEADER + rows.join('\n') + '\n');
const universe = [
  { treatyIdentifier: '1', articleIdentifiers: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] },
];

describe("Cohen's kappa per code", () => {
  it('is 1 for identical codings, null for an unused code, and matches a hand computation', () => {
    const first = labels([
      '1,a,,CULTURAL_COOPERATION,,,,x',
      '1,b,,CULTURAL_COOPERATION,,,,x',
      '1,c,,HERITAGE_EXCEPTION,,,,x',
    ]);
    const second = labels([
      '1,a,,CULTURAL_COOPERATION,,,,x',
      '1,d,,CULTURAL_COOPERATION,,,,x',
      '1,c,,HERITAGE_EXCEPTION,,,,x',
    ]);
    const kappa = kappaPerCode(first, second, universe);
    const of = (code: TaxonomyCodeId) => kappa.find((item) => item.code === code)!;
    expect(of(C.HERITAGE_EXCEPTION).kappa).toBeCloseTo(1);
    expect(of(C.AUDIOVISUAL_EXCLUSION).kappa).toBeNull();
    // CC: both a; first only b; second only d; 7 neither of 10. po = 0.8; pe = (2*2 + 8*8) / 100 = 0.68.
    expect(of(C.CULTURAL_COOPERATION)).toMatchObject({ both: 1, firstOnly: 1, secondOnly: 1 });
    expect(of(C.CULTURAL_COOPERATION).kappa).toBeCloseTo((0.8 - 0.68) / (1 - 0.68));
  });
});

const predict = (article: string, code: TaxonomyCodeId, ruleId: string, confidence: number): Prediction => ({
  treatyIdentifier: '1',
  articleIdentifier: article,
  code,
  ruleId,
  confidence,
});

describe('calibration and reliability', () => {
  const gold = labels([
    '1,a,,CULTURAL_COOPERATION,,,,x',
    '1,b,,CULTURAL_COOPERATION,,,,x',
    '1,c,,HERITAGE_EXCEPTION,,,,x',
  ]);
  const predictions = [
    predict('a', C.CULTURAL_COOPERATION, 'CC/strong', 0.9),
    predict('b', C.CULTURAL_COOPERATION, 'CC/strong', 0.9),
    predict('e', C.CULTURAL_COOPERATION, 'CC/weak', 0.55),
    predict('f', C.CULTURAL_COOPERATION, 'CC/weak', 0.55),
    predict('c', C.HERITAGE_EXCEPTION, 'HE/only', 0.97),
  ];

  it("gives each rule its precision shrunk towards its code's pooled precision", () => {
    const table = calibrate(
      gold,
      predictions,
      [
        { id: 'CC/strong', code: C.CULTURAL_COOPERATION },
        { id: 'CC/weak', code: C.CULTURAL_COOPERATION },
        { id: 'CC/never', code: C.CULTURAL_COOPERATION },
        { id: 'HE/only', code: C.HERITAGE_EXCEPTION },
      ],
      'test',
    );
    // CC pooled: 2 of 4 -> prior (2 + 1) / (4 + 2) = 0.5.
    expect(table.codes[C.CULTURAL_COOPERATION]).toEqual({ predicted: 4, correct: 2, prior: 0.5 });
    expect(table.rules['CC/strong'].confidence).toBeCloseTo((2 + 2 * 0.5) / (2 + 2), 3);
    expect(table.rules['CC/weak'].confidence).toBeCloseTo((0 + 2 * 0.5) / (2 + 2), 3);
    expect(table.rules['CC/never']).toEqual({ predicted: 0, correct: 0, confidence: 0.5 });
    expect(table.rules['CC/strong'].confidence).toBeGreaterThan(table.rules['CC/weak'].confidence);
  });

  it('tabulates observed precision per confidence band', () => {
    const rows = reliabilityTable(gold, predictions);
    const band = (from: number) => rows.find((row) => row.from === from)!;
    expect(band(0.5)).toMatchObject({ predictions: 2, correct: 0, precision: 0 });
    expect(band(0.9)).toMatchObject({ predictions: 2, correct: 2, precision: 1 });
    expect(band(0.95)).toMatchObject({ predictions: 1, correct: 1 });
    expect(band(0)).toMatchObject({ predictions: 0, precision: null });
  });
});
