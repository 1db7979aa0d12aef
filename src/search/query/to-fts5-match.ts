import { isTerm, SearchQuery } from './search-query.ast';
import { SearchQuerySyntaxError } from './search-query-syntax.error';

/**
 * An SQLite FTS5 MATCH expression for a parsed query. Every word is an FTS5 string ("..."), so no user text is
 * read as FTS5 syntax (column filters, NEAR, ^, keywords); compound operands are always parenthesised, so FTS5's
 * own precedence never matters. FTS5's NOT is binary: an AND with negated children becomes
 * `(positives) NOT (negative OR negative)`.
 *
 * The strings are tokenized by the table's tokenizer; with unicode61 (the default) it splits words as the query
 * parser does and folds case and, with remove_diacritics, accents.
 */
export function toFts5Match(query: SearchQuery): string {
  if (query.kind === 'NOT') throw onlyNegation();
  return render(query);
}

function render(node: SearchQuery): string {
  switch (node.kind) {
    case 'WORD':
      return fts5String(node.word);
    case 'PREFIX':
      return `${fts5String(node.prefix)}*`;
    case 'PHRASE':
      return `${fts5String(node.words.join(' '))}${node.prefix ? '*' : ''}`;
    case 'OR':
      return node.children.map(operand).join(' OR ');
    case 'AND': {
      const positives = node.children.filter((child) => child.kind !== 'NOT');
      const negatives = node.children.flatMap((child) => (child.kind === 'NOT' ? [child.child] : []));
      if (positives.length === 0) throw onlyNegation();
      const included = positives.map(operand).join(' AND ');
      if (negatives.length === 0) return included;
      const excluded = negatives.map(operand).join(' OR ');
      return `${group(included, positives.length)} NOT ${group(excluded, negatives.length)}`;
    }
    case 'NOT':
      throw onlyNegation();
  }
}

function operand(node: SearchQuery): string {
  return isTerm(node) ? render(node) : `(${render(node)})`;
}

function group(expression: string, count: number): string {
  return count > 1 ? `(${expression})` : expression;
}

/** FTS5 string literal: double quotes, with embedded double quotes doubled. */
export function fts5String(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

function onlyNegation(): SearchQuerySyntaxError {
  return new SearchQuerySyntaxError('ONLY_NOT_TERMS', 'a query cannot be only NOT terms');
}
