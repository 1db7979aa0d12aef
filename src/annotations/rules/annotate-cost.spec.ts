import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { annotateAgreement } from './annotate-agreement';

/**
 * The rules read a pasted draft on the event loop (the draft checker): their cost must grow with the text, never
 * with its square. A 200,000-character article of one word repeated held the loop for over a minute when each
 * match re-read its whole sentence (cultural cooperation's list items), and thousands of cross-references cost
 * each match a pass over all of them. Counted, not timed (a timed bound fails on a loaded machine): the characters
 * the regular expressions advance over, and the mask comparisons. `npm run bench:abuse` sends the same drafts to a
 * running server and reports what the other clients wait meanwhile.
 */
describe('the rules on a hostile draft', () => {
  const LENGTH = 199_999;
  const article = (unit: string) =>
    ('Article 1\n' + unit.repeat(Math.ceil(200_000 / unit.length))).slice(0, LENGTH);

  /** Characters advanced over by every RegExp match attempt made during `run` (each failed attempt reads to the end). */
  function charactersScanned(run: () => void): number {
    const exec = RegExp.prototype.exec;
    let scanned = 0;
    // Every String and RegExp method that matches (test, match, matchAll, replace, split) goes through `exec` once
    // it is replaced (ECMAScript's RegExpExec).
    RegExp.prototype.exec = function (this: RegExp, input: string) {
      const from = this.global || this.sticky ? this.lastIndex : 0;
      const match = exec.call(this, input);
      scanned += match ? match.index + Math.max(match[0].length, 1) - from : String(input).length - from;
      return match;
    };
    try {
      run();
    } finally {
      RegExp.prototype.exec = exec;
    }
    return scanned;
  }

  /** Calls of the predicates given to Array.prototype.some and filter during `run` (the masks' old loop). */
  function predicateCalls(run: () => void): number {
    const { some, filter } = Array.prototype;
    let calls = 0;
    type Predicate = (value: unknown, index: number, array: unknown[]) => unknown;
    const counted =
      (predicate: Predicate): Predicate =>
      (value, index, array) => {
        calls++;
        return predicate(value, index, array);
      };
    Array.prototype.some = function (this: unknown[], predicate: Predicate, self?: unknown) {
      return some.call(this, counted(predicate), self);
    };
    Array.prototype.filter = function (this: unknown[], predicate: Predicate, self?: unknown) {
      return filter.call(this, counted(predicate), self);
    } as typeof filter;
    try {
      run();
    } finally {
      Array.prototype.some = some;
      Array.prototype.filter = filter;
    }
    return calls;
  }

  const annotate = (unit: string) => () =>
    annotateAgreement({
      language: 'en',
      parties: [{ code: 'AAA', developing: false }],
      provisions: [{ ref: '0', location: ProvisionLocation.OPERATIVE, text: article(unit) }],
    });

  const drafts = [
    ['one word repeated, one sentence', 'culture '],
    ['list items, one sentence', '(a) culture; '],
    ['thousands of cross-references by title', 'Article 1 (Culture) '],
  ];

  // A linear reading is a few hundred passes over the text (one per pattern, and a few per sentence kept); a reread
  // of the sentence for each of its thousands of matches is thousands of passes.
  it.each(drafts)('reads 200,000 characters of %s a bounded number of times', (_name, unit) => {
    expect(charactersScanned(annotate(unit)) / LENGTH).toBeLessThan(1_000);
  });

  // A linear filter is a few calls per match; one comparison per match and mask is millions.
  it.each(drafts)('compares each match of %s with a few masks, not all of them', (_name, unit) => {
    expect(predicateCalls(annotate(unit))).toBeLessThan(20 * LENGTH);
  });
});
