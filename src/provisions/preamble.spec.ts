import { headingIn, PREAMBLE_HEADING } from './preamble';

describe('a heading that only names the preamble', () => {
  it('is the preamble’s name in the reader’s language, whichever language and door wrote it', () => {
    for (const heading of ['Preamble', 'PRÉAMBULE:', 'Preámbulo', ' preambule '])
      expect([heading, headingIn('fr', heading), headingIn('es', heading), headingIn('en', heading)]).toEqual(
        [heading, 'Préambule', 'Preámbulo', 'Preamble'],
      );
  });

  it('leaves any other title as written, and no title none', () => {
    expect(headingIn('fr', 'Cultural industries')).toBe('Cultural industries');
    expect(headingIn('fr', 'Preamble to Annex 3')).toBe('Preamble to Annex 3');
    expect(headingIn('es', null)).toBeNull();
    expect(PREAMBLE_HEADING.test('Preambles')).toBe(false);
  });
});
