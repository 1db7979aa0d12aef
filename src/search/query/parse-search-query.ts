import { AndNode, OrNode, SearchQuery } from './search-query.ast';
import { SearchQuerySyntaxError } from './search-query-syntax.error';
import { OperatorToken, Token, tokenize } from './search-query.tokenizer';

export const MAX_QUERY_LENGTH = 500;
export const MAX_QUERY_TERMS = 40;
export const MAX_PARENTHESES_DEPTH = 16;

/**
 * Parses what a user types into a search box.
 *
 * - words: all must match (`cultural diversity`); `AND` may be written but is implied
 * - `"exact phrase"`; `"phrase prefix"*`
 * - `prefix*` (at least 2 letters before the star)
 * - `OR` between terms; `NOT term` or `-term` excludes
 * - parentheses group
 *
 * AND, OR and NOT are operators only in upper case. Precedence, tightest first: NOT, AND (written or implied),
 * OR; so `a b OR c` is `(a AND b) OR c`. Punctuation inside a bare word splits it into a phrase
 * (`e-commerce` is the phrase "e commerce"). A NOT must be joined by AND to a positive term: `culture NOT film`
 * is fine, `NOT film` and `culture OR NOT film` are rejected because the full-text engines cannot run them.
 *
 * @throws SearchQuerySyntaxError for every malformed input, and no other error.
 */
/**
 * A query of signs alone ("😀", "&& ;") is not empty, and was answered "empty query"; its letters-free signs are
 * not searched, which is what it is told.
 */
export const NO_WORDS_MESSAGE =
  'no words to search for: punctuation, symbols and emoji are not searched (type words, e.g. culture)';

export function parseSearchQuery(input: string): SearchQuery {
  if (input.length > MAX_QUERY_LENGTH) {
    throw new SearchQuerySyntaxError(
      'QUERY_TOO_LONG',
      `query too long: at most ${MAX_QUERY_LENGTH} characters (this one has ${input.length})`,
    );
  }
  const tokens = tokenize(input);
  if (tokens.length === 0)
    throw new SearchQuerySyntaxError('EMPTY_QUERY', input.trim() ? NO_WORDS_MESSAGE : 'empty query');
  const terms = tokens.filter((token) => token.type === 'TERM').length;
  if (terms > MAX_QUERY_TERMS) {
    throw new SearchQuerySyntaxError(
      'TOO_MANY_TERMS',
      `query too long: at most ${MAX_QUERY_TERMS} terms (this one has ${terms})`,
    );
  }
  return new Parser(tokens).parseQuery();
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: Token[]) {}

  parseQuery(): SearchQuery {
    const query = this.parseOr();
    const rest = this.peek();
    if (rest) {
      // parseOr stops only before a ')' it did not open.
      throw unmatchedParenthesis(rest);
    }
    return query;
  }

  /** `group`: the '(' whose inside this is, or none for the whole query. */
  private parseOr(group?: OperatorToken): SearchQuery {
    const branches = [this.parseAnd()];
    const operators: OperatorToken[] = [];
    for (let token = this.peek(); token?.type === 'OR'; token = this.peek()) {
      this.index += 1;
      if (!this.startsOperand(this.peek())) throw missingOperand(token);
      operators.push(token);
      branches.push(this.parseAnd());
    }
    branches.forEach((branch, i) => {
      if (isOnlyNegation(branch)) throw onlyNegation(group, operators[i - 1] ?? operators[i]);
    });
    return branches.length === 1 ? branches[0] : flatten({ kind: 'OR', children: branches });
  }

  private parseAnd(): SearchQuery {
    const first = this.peek();
    if (!this.startsOperand(first)) {
      // Only reachable at the start of a list: '()' is caught in parseGroup, 'a OR )' in parseOr.
      if (first?.type === 'RPAREN') throw unmatchedParenthesis(first);
      throw first
        ? missingOperand(first as OperatorToken)
        : new SearchQuerySyntaxError('EMPTY_QUERY', 'empty query');
    }
    const children = [this.parseUnary()];
    for (let token = this.peek(); token; token = this.peek()) {
      if (token.type === 'AND') {
        this.index += 1;
        if (!this.startsOperand(this.peek())) throw missingOperand(token);
      } else if (!this.startsOperand(token)) {
        break;
      }
      children.push(this.parseUnary());
    }
    return children.length === 1 ? children[0] : flatten({ kind: 'AND', children });
  }

  private parseUnary(): SearchQuery {
    const token = this.peek();
    if (token?.type !== 'NOT') return this.parsePrimary();
    this.index += 1;
    const next = this.peek();
    if (next?.type === 'NOT') {
      throw new SearchQuerySyntaxError(
        'DOUBLE_NOT',
        `${next.text} at position ${next.position} follows another NOT: remove both`,
        next.position,
      );
    }
    if (!this.startsOperand(next)) {
      throw new SearchQuerySyntaxError(
        'MISSING_OPERAND',
        `${token.text} at position ${token.position} needs a term after it`,
        token.position,
      );
    }
    return { kind: 'NOT', child: this.parsePrimary() };
  }

  private parsePrimary(): SearchQuery {
    const token = this.tokens[this.index];
    this.index += 1;
    if (token.type === 'TERM') return token.term;
    // startsOperand() let only a term or '(' through.
    return this.parseGroup(token);
  }

  private parseGroup(open: OperatorToken): SearchQuery {
    const depth = this.depth + 1;
    if (depth > MAX_PARENTHESES_DEPTH) {
      throw new SearchQuerySyntaxError(
        'TOO_DEEP',
        `parentheses nested too deeply at position ${open.position}: at most ${MAX_PARENTHESES_DEPTH} levels`,
        open.position,
      );
    }
    const next = this.peek();
    if (next?.type === 'RPAREN') {
      throw new SearchQuerySyntaxError(
        'EMPTY_PARENTHESES',
        `empty parentheses at position ${open.position}`,
        open.position,
      );
    }
    if (!next) throw unclosedParenthesis(open);
    this.depth = depth;
    const inner = this.parseOr(open);
    this.depth = depth - 1;
    if (this.peek()?.type !== 'RPAREN') throw unclosedParenthesis(open);
    this.index += 1;
    return inner;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private startsOperand(token: Token | undefined): boolean {
    return token?.type === 'TERM' || token?.type === 'LPAREN' || token?.type === 'NOT';
  }
}

function flatten<T extends AndNode | OrNode>(node: T): T {
  const children = node.children.flatMap((child) =>
    child.kind === node.kind ? (child as T).children : [child],
  );
  return { ...node, children };
}

function isOnlyNegation(node: SearchQuery): boolean {
  return node.kind === 'NOT' || (node.kind === 'AND' && node.children.every((child) => child.kind === 'NOT'));
}

function missingOperand(token: OperatorToken): SearchQuerySyntaxError {
  return new SearchQuerySyntaxError(
    'MISSING_OPERAND',
    `${token.text} at position ${token.position} needs a term on each side`,
    token.position,
  );
}

function unmatchedParenthesis(close: Token): SearchQuerySyntaxError {
  return new SearchQuerySyntaxError(
    'UNMATCHED_PARENTHESIS',
    `unmatched ) at position ${close.position}`,
    close.position,
  );
}

function unclosedParenthesis(open: Token): SearchQuerySyntaxError {
  return new SearchQuerySyntaxError(
    'UNCLOSED_PARENTHESIS',
    `unclosed parenthesis at position ${open.position}`,
    open.position,
  );
}

function onlyNegation(
  group: OperatorToken | undefined,
  or: OperatorToken | undefined,
): SearchQuerySyntaxError {
  if (or) {
    return new SearchQuerySyntaxError(
      'ONLY_NOT_TERMS',
      `a side of the OR at position ${or.position} has only NOT terms: NOT can only exclude from a term ` +
        'joined to it by AND, as in (culture NOT film)',
      or.position,
    );
  }
  if (group) {
    return new SearchQuerySyntaxError(
      'ONLY_NOT_TERMS',
      `the parentheses at position ${group.position} hold only NOT terms: add a term to search for`,
      group.position,
    );
  }
  return new SearchQuerySyntaxError('ONLY_NOT_TERMS', 'a query cannot be only NOT terms');
}
