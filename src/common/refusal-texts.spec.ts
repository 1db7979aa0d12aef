import { BadUserInputError } from './errors';
import { inputRefusal, REFUSAL_TEXTS, refusalIn, refusedIn } from './refusal-texts';

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the table of refusals', () => {
  it('gives every refusal in French and Spanish with the parameters of the English', () => {
    for (const lang of ['fr', 'es'] as const)
      for (const [key, english] of Object.entries(REFUSAL_TEXTS.en))
        expect({
          lang,
          key,
          params: placeholders(REFUSAL_TEXTS[lang][key as keyof typeof REFUSAL_TEXTS.en]),
        }).toEqual({
          lang,
          key,
          params: placeholders(english),
        });
  });

  it("keeps the API's English message, and says it in the report's language with its code and details", () => {
    const error = inputRefusal(
      'asOf',
      'dayToCome',
      { value: { date: '2060-01-01' }, latest: { date: '2026-12-08' } },
      { dayToCome: '2060-01-01' },
    );
    expect(error).toBeInstanceOf(BadUserInputError);
    expect(error.message).toMatch(
      /^asOf: "2060-01-01" is a day still to come \(the latest day accepted is 2026-12-08,/,
    );
    expect(error.message).toMatch(/leave asOf out for today$/);
    expect(refusalIn('en', error)).toBe(error.message);
    // A page writes its dates as its other dates.
    expect(refusalIn('en', error, true)).toMatch(/^asOf: "1 Jan 2060" is a day/);
    const fr = refusedIn('fr', error) as BadUserInputError;
    expect(fr.message).toMatch(
      /^asOf : le 1er janv\. 2060 est un jour à venir \(le dernier jour accepté est le 8 déc\. 2026,/,
    );
    expect([fr.code, fr.details]).toEqual([error.code, { ...error.details, language: 'fr' }]);
    // Said again in another language from the same words.
    expect(refusalIn('es', fr)).toMatch(/^asOf: el 1 ene 2060 es un día por venir/);
    // English, or an error not of the table, as it is.
    expect(refusedIn('en', error)).toBe(error);
    const other = new BadUserInputError('q', 'anything');
    expect(refusedIn('fr', other)).toBe(other);
    expect(refusalIn('fr', other)).toBeUndefined();
  });
});
