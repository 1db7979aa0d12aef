import { parseSearchQuery } from './parse-search-query';
import { queryTerms } from './query-terms';
import { searchableText } from './query-words';

describe('queryTerms', () => {
  it('lists positive words, phrases and prefixes once each, leaving out negated terms', () => {
    const query = parseSearchQuery(
      'culture "cultural industries" audiovis* e-comm* (film OR culture) -tv -"radio x" -broad*',
    );
    expect(queryTerms(query)).toEqual({
      words: ['culture', 'film'],
      phrases: [['cultural', 'industries']],
      prefixes: ['audiovis'],
      prefixPhrases: [['e', 'comm']],
    });
  });

  it('goes into nested groups but not under NOT', () => {
    expect(queryTerms(parseSearchQuery('a (b OR (c -(d e)))')).words).toEqual(['a', 'b', 'c']);
  });
});

describe('searchableText', () => {
  it('reduces a text to the words the query parser sees', () => {
    expect(searchableText('Article 22.7: E-Commerce\u00a0(see www.unesco.org)')).toBe(
      'article 22 7 e commerce see www unesco org',
    );
    expect(searchableText('Diversité culturelle', { foldAccents: true })).toBe('diversite culturelle');
  });
});
