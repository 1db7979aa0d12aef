import { articleCellLabel } from './article-number';
import { languagesNumberedPerChapter, NumberedArticle } from './article-numbering';

const article = (
  article_number: string,
  chapter_number: string | null,
  language: string | null = 'en',
  chapter_title: string | null = null,
): NumberedArticle => ({ article_number, chapter_number, chapter_title, language });

describe('languagesNumberedPerChapter: where the number alone names no article', () => {
  it('finds an agreement whose chapters each start again at Article 1 (AANZFTA: Chapters 7 and 11)', () => {
    expect(
      languagesNumberedPerChapter([
        article('1', 'CHAPTER 7'),
        article('2', 'CHAPTER 7'),
        article('1', 'CHAPTER 11'),
      ]),
    ).toEqual(new Set(['en']));
  });

  it('not one numbered through (12.1 in Chapter 12 only), nor one number twice in one chapter', () => {
    expect(
      languagesNumberedPerChapter([
        article('12.1', 'CHAPTER 12'),
        article('12.10', 'CHAPTER 12'),
        article('12.1', 'CHAPTER 12'),
      ]),
    ).toEqual(new Set());
  });

  it('reads each language version apart, and a chapter with no number by its title', () => {
    expect(
      languagesNumberedPerChapter([
        article('1', 'CHAPTER 1', 'en'),
        article('1', 'CAPÍTULO 1', 'es'),
        article('2', null, 'fr', 'Commerce'),
        article('2', null, 'fr', 'Investissement'),
      ]),
    ).toEqual(new Set(['fr']));
  });
});

describe('articleCellLabel: a spreadsheet cell no reader takes for a number', () => {
  it('names the chapter of an article numbered per chapter, and no chapter elsewhere', () => {
    expect(articleCellLabel('12.10')).toBe('Art. 12.10');
    expect(articleCellLabel('1', { number: 'CHAPTER 11', title: 'Investment' })).toBe('Ch. 11, Art. 1');
    expect(articleCellLabel('1', { number: 'TITLE III', title: null })).toBe('TITLE III, Art. 1');
    expect(articleCellLabel('1', { number: null, title: 'Investment' })).toBe('Investment, Art. 1');
    expect(articleCellLabel(null, { number: 'CHAPTER 11', title: null })).toBe('');
  });
});
