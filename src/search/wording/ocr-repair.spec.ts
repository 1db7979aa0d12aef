import fc from 'fast-check';
import { dehyphenate, foldConfusables, repairDigitsInWords, repairOcr } from './ocr-repair';
import { overBacktrackLimit } from '../../../test/support/regexp-backtracks';

describe('OCR repair', () => {
  it.each([
    ['exempt from the prov1s10ns of this Agreement', 'exempt from the provisions of this Agreement'],
    ['wh1ch apply to retransm1ss10ns', 'which apply to retransmissions'],
    [
      'Article 2005, paragraph 1, and Annex 1A of 10 parties',
      'Article 2005, paragraph 1, and Annex 1A of 10 parties',
    ],
    ['the 1st and 10th meetings of the 1990s', 'the 1st and 10th meetings of the 1990s'],
  ])('repairs digits read for letters: %j', (text, expected) =>
    expect(repairDigitsInWords(text)).toBe(expected),
  );

  it('joins words hyphenated across a line break, and only those', () => {
    expect(dehyphenate('the cultural indus-\nTries and the provi-\n  sions')).toBe(
      'the cultural indus-\nTries and the provisions',
    );
    expect(dehyphenate('audio-visual services; e-commerce')).toBe('audio-visual services; e-commerce');
  });

  it('does both for comparison and search, and leaves clean text as it is', () => {
    expect(repairOcr('prov1-\nsions')).toBe('provisions');
    const clean = 'Cultural industries are exempt from the provisions of this Agreement.';
    expect(repairOcr(clean)).toBe(clean);
  });

  it('folds the letters OCR confuses to one spelling for comparison', () => {
    expect(foldConfusables('cu1tural')).toBe(foldConfusables('cultural'));
    expect(foldConfusables('schedu1e')).toBe(foldConfusables('schedule'));
    expect(foldConfusables('pr0visi0ns')).toBe(foldConfusables('provisions'));
  });

  it('reads a long run of letters once: no pattern goes back over the run from each of its letters', async () => {
    // The pattern it replaced went back over the run from each of its letters: 20,000 letters took 1.9 s, 100,000 held
    // the event loop 37 s. Counted, not timed (a bound of 10 s failed under load): each pattern it runs is run again,
    // stopped past 256 backtracks a character (the old one made 75,000 a character of 2,000 letters, more the longer).
    const run = `${'文'.repeat(10_000)}${'A'.repeat(10_000)}`;
    const { answer, over } = await overBacktrackLimit(256, () => repairDigitsInWords(`${run} wh1ch`));
    expect(answer).toBe(`${run} which`);
    expect(over).toEqual([]);
  });

  it('repairs what the one-pattern rule repaired, on short texts', () => {
    const onePattern = (text: string) =>
      text.replace(/[\p{L}01]*(?:\p{L}[01]|[01]\p{L})[\p{L}01]*/gu, (token) =>
        (token.match(/\p{L}/gu)?.length ?? 0) >= 3 ? token.replace(/0/g, 'o').replace(/1/g, 'i') : token,
      );
    const text = fc
      .array(fc.constantFrom('a', 'B', 'é', '\u6587', '0', '1', '2', ' ', '-', '.'), { maxLength: 30 })
      .map((chars) => chars.join(''));
    fc.assert(fc.property(text, (t) => repairDigitsInWords(t) === onePattern(t)));
  });
});
