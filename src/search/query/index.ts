export * from './search-query.ast';
export * from './search-query-syntax.error';
export {
  parseSearchQuery,
  MAX_PARENTHESES_DEPTH,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  NO_WORDS_MESSAGE,
} from './parse-search-query';
export { MIN_PREFIX_LENGTH } from './search-query.tokenizer';
export { toFts5Match } from './to-fts5-match';
export { toTsQuery } from './to-ts-query';
export type { TsQueryOptions } from './to-ts-query';
export { queryTerms } from './query-terms';
export type { QueryTerms } from './query-terms';
export { searchableText, splitWords, foldAccents, withoutInvisibleJoiners } from './query-words';
