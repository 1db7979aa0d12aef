export type SearchQueryErrorCode =
  | 'EMPTY_QUERY'
  | 'QUERY_TOO_LONG'
  | 'TOO_MANY_TERMS'
  | 'UNCLOSED_QUOTE'
  | 'EMPTY_PHRASE'
  | 'UNCLOSED_PARENTHESIS'
  | 'UNMATCHED_PARENTHESIS'
  | 'EMPTY_PARENTHESES'
  | 'TOO_DEEP'
  | 'MISSING_OPERAND'
  | 'ONLY_NOT_TERMS'
  | 'DOUBLE_NOT'
  | 'BAD_PREFIX'
  | 'MISPLACED_STAR';

/**
 * The only error `parseSearchQuery` throws. `position` is 1-based (the first character is position 1), counted in
 * UTF-16 code units of the input, and absent when the error concerns the whole query.
 */
export class SearchQuerySyntaxError extends Error {
  override readonly name = 'SearchQuerySyntaxError';

  constructor(
    readonly code: SearchQueryErrorCode,
    message: string,
    readonly position?: number,
  ) {
    super(message);
  }
}
