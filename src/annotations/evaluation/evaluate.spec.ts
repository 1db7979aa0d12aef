import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { parseDevAgreements, parseDevLabels } from './dev-labels';
import { evaluate, Prediction } from './evaluate';
import { formatReport } from './format-report';

const C = TaxonomyCodeId;

// A made-up labelled set: two agreements (9001: articles a1-a4; 9002: b1-b2).
const LABELS_CSV = `treaty_identifier,article_identifier,article_number,code,detail,binding_force,location,note
9001,a1,ARTICLE 1,ECOMMERCE_PROVISION,CUSTOMS_DUTIES;OTHER,BINDING,OPERATIVE,no duties
9001,a2,ARTICLE 2,ECOMMERCE_PROVISION,COOPERATION,BEST_ENDEAVOUR,OPERATIVE,dialogue
9001,a3,ARTICLE 3,AUDIOVISUAL_EXCLUSION,,BINDING,OPERATIVE,BORDERLINE telecom scope
9002,b1,,CONVENTION_REF_IMPLICIT,,DECLARATORY,PREAMBLE,"recital, with a comma"
7777,z1,ARTICLE 9,CULTURAL_EXEMPTION,,BINDING,OPERATIVE,agreement outside the universe
`;

const AGREEMENTS_CSV = `treaty_identifier,name,n_articles,labelled_completely,remarks
9001,Atlantis - Lemuria,4,yes,
9002,"Lemuria, Mu",2,yes,none
`;

const universe = [
  { treatyIdentifier: '9001', articleIdentifiers: ['a1', 'a2', 'a3', 'a4'] },
  { treatyIdentifier: '9002', articleIdentifiers: ['b1', 'b2'] },
];

const predict = (article: string, code: TaxonomyCodeId, extra: Partial<Prediction> = {}): Prediction => ({
  treatyIdentifier: article.startsWith('a') ? '9001' : '9002',
  articleIdentifier: article,
  code,
  ...extra,
});

describe('dev label files', () => {
  it('parses label rows, detail lists and BORDERLINE notes', () => {
    const labels = parseDevLabels(LABELS_CSV);
    expect(labels).toHaveLength(5);
    expect(labels[0]).toMatchObject({
      code: C.ECOMMERCE_PROVISION,
      detail: ['CUSTOMS_DUTIES', 'OTHER'],
      borderline: false,
    });
    expect(labels[2].borderline).toBe(true);
    expect(labels[3]).toMatchObject({ articleNumber: null, note: 'recital, with a comma' });
  });

  it('parses the agreements list', () => {
    expect(parseDevAgreements(AGREEMENTS_CSV)).toEqual([
      {
        treatyIdentifier: '9001',
        name: 'Atlantis - Lemuria',
        articleCount: 4,
        labelledCompletely: true,
        remarks: '',
      },
      {
        treatyIdentifier: '9002',
        name: 'Lemuria, Mu',
        articleCount: 2,
        labelledCompletely: true,
        remarks: 'none',
      },
    ]);
  });

  it('rejects an unknown code', () => {
    expect(() => parseDevLabels(LABELS_CSV.replace('AUDIOVISUAL_EXCLUSION', 'AUDIO'))).toThrow(
      /unknown code "AUDIO"/,
    );
  });
});

describe('evaluate', () => {
  const labels = parseDevLabels(LABELS_CSV);
  const predictions = [
    predict('a1', C.ECOMMERCE_PROVISION, {
      detail: ['CUSTOMS_DUTIES'],
      bindingForce: 'BINDING',
      location: 'OPERATIVE',
    }),
    predict('a1', C.ECOMMERCE_PROVISION, { detail: ['OTHER'] }), // a duplicate pair counts once
    predict('a4', C.ECOMMERCE_PROVISION, { detail: ['OTHER'] }), // false positive
    predict('a3', C.AUDIOVISUAL_EXCLUSION, { bindingForce: 'BINDING' }), // true positive, borderline
    predict('b2', C.CONVENTION_REF_IMPLICIT), // false positive; b1 is missed
    { treatyIdentifier: '9003', articleIdentifier: 'c1', code: C.HERITAGE_EXCEPTION }, // outside the universe
  ];
  const result = evaluate(labels, universe, predictions);
  const score = (scoring: typeof result.all, code: TaxonomyCodeId) =>
    scoring.perCode.find((item) => item.code === code)!;

  it('scores per code and micro-averaged, ignoring pairs outside the universe', () => {
    expect(result.universeSize).toBe(6);
    expect(result.outsideUniverse).toBe(1);
    expect(score(result.all, C.ECOMMERCE_PROVISION)).toMatchObject({
      positives: 2,
      predicted: 2,
      tp: 1,
      fp: 1,
      fn: 1,
    });
    expect(score(result.all, C.ECOMMERCE_PROVISION).precision).toBeCloseTo(0.5);
    expect(score(result.all, C.CONVENTION_REF_IMPLICIT)).toMatchObject({
      tp: 0,
      fp: 1,
      fn: 1,
      precision: 0,
      recall: 0,
      f1: 0,
    });
    expect(score(result.all, C.CULTURAL_EXEMPTION)).toMatchObject({
      positives: 0,
      predicted: 0,
      precision: null,
      recall: null,
    });
    expect(result.all.micro).toMatchObject({ positives: 4, predicted: 4, tp: 2, fp: 2, fn: 2 });
    expect(result.all.micro.f1).toBeCloseTo(0.5);
  });

  it("treats BORDERLINE rows and predictions on them as don't care in the second scoring", () => {
    expect(result.withoutBorderline.dontCare).toBe(1);
    expect(score(result.withoutBorderline, C.AUDIOVISUAL_EXCLUSION)).toMatchObject({
      positives: 0,
      predicted: 0,
    });
    expect(result.withoutBorderline.micro).toMatchObject({ positives: 3, predicted: 3, tp: 1 });
  });

  it('compares attributes on true positives', () => {
    expect(result.all.attributes.bindingForce).toEqual({ compared: 2, agreeing: 2 });
    expect(result.all.attributes.mainDetail).toEqual({ compared: 1, agreeing: 1 });
    expect(result.all.attributes.location).toEqual({ compared: 2, agreeing: 1 });
  });

  it('formats a readable table for both scorings', () => {
    const report = formatReport(result);
    expect(report).toContain('(a) all label rows');
    expect(report).toContain("(b) BORDERLINE rows and predictions on them as don't care (1 pairs)");
    expect(report).toMatch(/ECOMMERCE_PROVISION\s+2\s+2\s+1\s+1\s+1\s+0\.50\s+0\.50\s+0\.50/);
    expect(report).toMatch(/micro\s+4\s+4\s+2\s+2\s+2/);
  });
});
