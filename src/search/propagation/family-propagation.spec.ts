import { AnnotationOrigin, AnnotationStatus } from '../../annotations/annotation.enums';
import { locateQuote, planPropagation, SameCodeAnnotation } from './family-propagation';

const copy = (provisionId: number, text = 'the measures on puppet theatres apply') => ({
  provisionId,
  score: 0.9,
  text,
});
const annotation = (fields: Partial<SameCodeAnnotation> & { id: number; provisionId: number }) => ({
  origin: AnnotationOrigin.RULE,
  status: AnnotationStatus.PROPOSED,
  propagatedFromId: null,
  contradictedById: null,
  ...fields,
});

describe('planPropagation', () => {
  const accepted = {
    id: 1,
    provisionId: 10,
    status: AnnotationStatus.ACCEPTED,
    evidenceQuote: 'Puppet  Theatres',
  };
  const rejected = { ...accepted, status: AnnotationStatus.REJECTED };

  it('an acceptance proposes on copies without the code, with the evidence found again', () => {
    const plan = planPropagation(
      accepted,
      [copy(11), copy(12), copy(13)],
      [
        annotation({ id: 2, provisionId: 12 }),
        annotation({
          id: 3,
          provisionId: 13,
          status: AnnotationStatus.REJECTED,
          origin: AnnotationOrigin.MANUAL,
        }),
      ],
    );
    expect(plan.propose).toEqual([
      { provisionId: 11, score: 0.9, evidence: { start: 16, end: 31, quote: 'puppet theatres' } },
    ]);
    expect(plan).toMatchObject({ contradict: [], withdraw: [], lift: [] });
  });

  it('an acceptance lifts the contradictions it made and never proposes on its own clause', () => {
    const plan = planPropagation(
      accepted,
      [copy(10), copy(11)],
      [
        annotation({ id: 1, provisionId: 10, status: AnnotationStatus.ACCEPTED }),
        annotation({ id: 4, provisionId: 11, contradictedById: 1 }),
      ],
    );
    expect(plan).toEqual({ propose: [], contradict: [], lift: [4], withdraw: [] });
  });

  it('a rejection contradicts the proposals on copies, withdraws its FAMILY copies, and leaves reviewed ones', () => {
    const plan = planPropagation(
      rejected,
      [copy(11), copy(12), copy(13)],
      [
        annotation({ id: 5, provisionId: 11 }),
        annotation({ id: 6, provisionId: 12, origin: AnnotationOrigin.FAMILY, propagatedFromId: 1 }),
        annotation({ id: 7, provisionId: 13, status: AnnotationStatus.ACCEPTED }),
        annotation({ id: 8, provisionId: 99 }),
      ],
    );
    expect(plan).toEqual({ propose: [], contradict: [5], lift: [], withdraw: [6] });
  });

  it('an annotation no longer decided (edited back to review, or withdrawn) takes back its copies and contradictions', () => {
    const plan = planPropagation(
      { ...accepted, status: AnnotationStatus.PROPOSED },
      [copy(11)],
      [
        annotation({ id: 5, provisionId: 11, contradictedById: 1 }),
        annotation({ id: 6, provisionId: 12, origin: AnnotationOrigin.FAMILY, propagatedFromId: 1 }),
        annotation({
          id: 7,
          provisionId: 13,
          origin: AnnotationOrigin.FAMILY,
          propagatedFromId: 1,
          status: AnnotationStatus.ACCEPTED,
        }),
        annotation({ id: 8, provisionId: 14 }),
      ],
    );
    expect(plan).toEqual({ propose: [], contradict: [], lift: [5], withdraw: [6] });
  });

  it('a copy whose evidence is worded otherwise gets a proposal without evidence', () => {
    const plan = planPropagation(accepted, [copy(11, 'marionette houses')], []);
    expect(plan.propose[0].evidence).toBeNull();
  });
});

describe('locateQuote', () => {
  it('finds the words across line breaks and case, and escapes what a regular expression would read', () => {
    expect(locateQuote('see Article 2.04 (Tariffs)\nand', 'article 2.04 (tariffs)')).toEqual({
      start: 4,
      end: 26,
      quote: 'Article 2.04 (Tariffs)',
    });
    expect(locateQuote('Article 2x04', 'Article 2.04')).toBeNull();
    expect(locateQuote('anything', '   ')).toBeNull();
  });
});
