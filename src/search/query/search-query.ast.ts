/** A single word, lower case (NFC). */
export interface WordTerm {
  kind: 'WORD';
  word: string;
}

/** Words that must appear in this order; `prefix` makes the last word a prefix (`e-comm*`, `"cultural indus"*`). */
export interface PhraseTerm {
  kind: 'PHRASE';
  words: string[];
  prefix: boolean;
}

/** A word ending in `*`: matches every word that starts with `prefix`. */
export interface PrefixTerm {
  kind: 'PREFIX';
  prefix: string;
}

export type SearchTerm = WordTerm | PhraseTerm | PrefixTerm;

/** All children must match. Children may be NOT nodes, but at least one child is not. */
export interface AndNode {
  kind: 'AND';
  children: SearchQuery[];
}

export interface OrNode {
  kind: 'OR';
  children: SearchQuery[];
}

/** Appears only as a child of an AND node that also has a positive child. */
export interface NotNode {
  kind: 'NOT';
  child: SearchQuery;
}

export type SearchQuery = SearchTerm | AndNode | OrNode | NotNode;

export function isTerm(node: SearchQuery): node is SearchTerm {
  return node.kind === 'WORD' || node.kind === 'PHRASE' || node.kind === 'PREFIX';
}
