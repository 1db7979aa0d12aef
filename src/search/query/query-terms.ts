import { SearchQuery } from './search-query.ast';

export interface QueryTerms {
  words: string[];
  /** Exact phrases, each as its words. */
  phrases: string[][];
  prefixes: string[];
  /** Phrases whose last word is a prefix (`e-comm*` -> ["e", "comm"]): an addition to the three lists above. */
  prefixPhrases: string[][];
}

/** The positive terms of a query (nothing under a NOT), each once, in the order they appear. */
export function queryTerms(query: SearchQuery): QueryTerms {
  const terms: QueryTerms = { words: [], phrases: [], prefixes: [], prefixPhrases: [] };
  const seen = new Set<string>();
  const add = <T>(list: T[], value: T, key: string): void => {
    if (seen.has(key)) return;
    seen.add(key);
    list.push(value);
  };
  const visit = (node: SearchQuery): void => {
    switch (node.kind) {
      case 'WORD':
        return add(terms.words, node.word, `w:${node.word}`);
      case 'PREFIX':
        return add(terms.prefixes, node.prefix, `p:${node.prefix}`);
      case 'PHRASE':
        if (node.prefix) return add(terms.prefixPhrases, node.words, `pp:${node.words.join(' ')}`);
        return add(terms.phrases, node.words, `ph:${node.words.join(' ')}`);
      case 'AND':
      case 'OR':
        return node.children.forEach(visit);
      case 'NOT':
        return;
    }
  };
  visit(query);
  return terms;
}
