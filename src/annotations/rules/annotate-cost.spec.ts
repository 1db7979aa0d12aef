import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { annotateAgreement } from './annotate-agreement';

/**
 * The rules read a pasted draft on the event loop (the draft checker): their cost must grow with the text, never
 * with its square. A 200,000-character article of one word repeated held the loop for over a minute when each
 * match re-read its whole sentence (cultural cooperation's list items), and thousands of cross-references cost
 * each match a pass over all of them. The bound is generous (a linear pass takes well under a second here).
 */
describe('the rules on a hostile draft', () => {
  const article = (unit: string) =>
    ('Article 1\n' + unit.repeat(Math.ceil(200_000 / unit.length))).slice(0, 199_999);

  it.each([
    ['one word repeated, one sentence', 'culture '],
    ['list items, one sentence', '(a) culture; '],
    ['thousands of cross-references by title', 'Article 1 (Culture) '],
  ])(
    'annotates 200,000 characters of %s in seconds, not minutes',
    (_name, unit) => {
      const started = performance.now();
      annotateAgreement({
        language: 'en',
        parties: [{ code: 'AAA', developing: false }],
        provisions: [{ ref: '0', location: ProvisionLocation.OPERATIVE, text: article(unit) }],
      });
      expect(performance.now() - started).toBeLessThan(8_000);
    },
    300_000,
  );
});
