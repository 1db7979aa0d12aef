import { articleCellLabel } from './article-number';
describe('articleCellLabel: a spreadsheet cell no reader takes for a number', () => {
  it('names the chapter of an article numbered per chapter, and no chapter elsewhere', () => {
    expect(articleCellLabel('12.10')).toBe('Art. 12.10');
    expect(articleCellLabel('1', { number: 'CHAPTER 11', title: 'Investment' })).toBe('Ch. 11, Art. 1');
    expect(articleCellLabel('1', { number: 'TITLE III', title: null })).toBe('TITLE III, Art. 1');
    expect(articleCellLabel('1', { number: null, title: 'Investment' })).toBe('Investment, Art. 1');
    expect(articleCellLabel(null, { number: 'CHAPTER 11', title: null })).toBe('');
  });
});
