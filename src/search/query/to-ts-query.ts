import { isTerm, SearchQuery } from './search-query.ast';
import { foldAccents } from './query-words';

export interface TsQueryOptions {
  /** Strip accents from lexemes: use when the indexed tsvector was built from accent-free text (unaccent). */
  foldAccents?: boolean;
}

/**
 * A PostgreSQL tsquery for `to_tsquery('simple', $1)` (pass it as a bound parameter). Lexemes are quoted
 * ('...'), so no user text is tsquery syntax; phrases become `'a' <-> 'b'`, prefixes `'cultur':*`, and every
 * compound operand is parenthesised (tsquery binds ! tighter than <->, which would otherwise split a negated
 * phrase).
 */
export function toTsQuery(query: SearchQuery, options: TsQueryOptions = {}): string {
  const lexeme = (word: string): string => tsLexeme(options.foldAccents ? foldAccents(word) : word);

  const render = (node: SearchQuery): string => {
    switch (node.kind) {
      case 'WORD':
        return lexeme(node.word);
      case 'PREFIX':
        return `${lexeme(node.prefix)}:*`;
      case 'PHRASE':
        return node.words
          .map((word, i) => (node.prefix && i === node.words.length - 1 ? `${lexeme(word)}:*` : lexeme(word)))
          .join(' <-> ');
      case 'OR':
        return node.children.map(operand).join(' | ');
      case 'AND':
        return node.children.map(operand).join(' & ');
      case 'NOT':
        return `!${operand(node.child)}`;
    }
  };
  const operand = (node: SearchQuery): string =>
    (isTerm(node) && node.kind !== 'PHRASE') || node.kind === 'NOT' ? render(node) : `(${render(node)})`;

  return render(query);
}

/** A quoted tsquery lexeme: single quotes doubled, backslashes escaped. */
export function tsLexeme(word: string): string {
  return `'${word.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
