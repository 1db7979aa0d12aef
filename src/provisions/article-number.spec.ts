import { articleCellLabel, isInternalKeyPart, unnamedTextLabel } from './article-number';
describe('articleCellLabel: a spreadsheet cell no reader takes for a number', () => {
  it('names the chapter of an article numbered per chapter, and no chapter elsewhere', () => {
    expect(articleCellLabel('12.10')).toBe('Art. 12.10');
    expect(articleCellLabel('1', { number: 'CHAPTER 11', title: 'Investment' })).toBe('Ch. 11, Art. 1');
    expect(articleCellLabel('1', { number: 'TITLE III', title: null })).toBe('TITLE III, Art. 1');
    expect(articleCellLabel('1', { number: null, title: 'Investment' })).toBe('Investment, Art. 1');
    expect(articleCellLabel(null, { number: 'CHAPTER 11', title: null })).toBe('');
  });
});

describe('a key an importer made of its own id or a position', () => {
  it('is no name, in every form the importers give it', () => {
    // review23: a further language version's "tota-12877.es" and a plain text's "text-7" were labelled "Tota
    // 12877.es" and "Text 7" in the reports, and written raw in the exports.
    for (const part of ['tota-12877', 'tota-12877.es', 'text-7', 'text-7-9', 'text-7.fr'])
      expect([part, isInternalKeyPart(part)]).toEqual([part, true]);
    for (const part of ['art-3', 'preamble', 'audiovisual-co-productions', 'texts-7', 'tota'])
      expect([part, isInternalKeyPart(part)]).toEqual([part, false]);
  });

  it("is named by its chapter's title, else as a text without an article number, never by a bare number", () => {
    expect(unnamedTextLabel({ title: 'Conclusion' })).toBe('Conclusion');
    expect(unnamedTextLabel({ title: null })).toBe('Text without an article number');
    expect(unnamedTextLabel(null, 'fr')).toBe('Texte sans numéro d’article');
  });
});
