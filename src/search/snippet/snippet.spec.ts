import { parseSearchQuery, queryTerms } from '../query';
import { foldSearchQuery } from '../fold-query';
import { snippet } from './snippet';

const terms = (query: string) => queryTerms(foldSearchQuery(parseSearchQuery(query)));
const marks = { open: '[', close: ']', words: 12 };

describe('snippet', () => {
  const text =
    'Article 1. Scope. This Chapter applies to trade in goods.\n\nArticle 2. Nothing in this Agreement ' +
    'shall be construed to apply to measures adopted or maintained by either Party with respect to ' +
    'cultural industries, except as provided in Article 3. Article 4. Definitions follow.';

  it('marks a phrase as one match and centres the window on it', () => {
    expect(snippet([text], terms('"cultural industries"'), marks)).toBe(
      '… Party with respect to [cultural industries], except as provided in Article 3 …',
    );
  });

  it('prefers the window with the most distinct terms', () => {
    expect(snippet([text], terms('measures OR cultur* OR scope'), { ...marks, words: 16 })).toBe(
      '… be construed to apply to [measures] adopted or maintained by either Party with respect to [cultural] …',
    );
  });

  it('matches accent- and case-folded words, and keeps the original spelling', () => {
    expect(
      snippet(
        ['La Partie peut adopter des mesures relatives à la DIVERSITÉ culturelle.'],
        terms('diversite'),
        {
          ...marks,
          words: 40,
        },
      ),
    ).toBe('La Partie peut adopter des mesures relatives à la [DIVERSITÉ] culturelle.');
  });

  it('uses the source with the most distinct terms, then the start of the first when nothing matches', () => {
    expect(snippet([text, 'A summary on audiovisual services.'], terms('audiovisual'), marks)).toBe(
      'A summary on [audiovisual] services.',
    );
    expect(snippet([null, text], terms('zzz'), { ...marks, words: 4 })).toBe('Article 1. Scope. This …');
    expect(snippet([null, ''], terms('zzz'), marks)).toBe('');
  });

  it('handles prefix phrases and squashes white space', () => {
    expect(snippet(['electronic\n\n  commerce and e-commerce'], terms('"e comm"*'), marks)).toBe(
      'electronic commerce and [e-commerce]',
    );
  });

  it('marks adjacent matched words as one run', () => {
    expect(snippet([text], terms('cultural industries'), marks)).toContain('[cultural industries]');
  });

  it('stops reading a long text once a window holds every term, and says the text goes on', () => {
    const long = `Scope of the annex on mackerel quotas. ${'Filler words go on here. '.repeat(20_000)}`;
    // Counts regular-expression matches (a word read is one, a word tested for accents another) rather than
    // timing: reading the 100,000 words after the window would take about 200,000.
    const exec = jest.spyOn(RegExp.prototype, 'exec');
    try {
      expect(snippet([long], terms('mackerel'), { ...marks, words: 6 })).toBe(
        '… annex on [mackerel] quotas. Filler words …',
      );
      expect(exec.mock.calls.length).toBeLessThan(1_000);
    } finally {
      exec.mockRestore();
    }
  });
});
