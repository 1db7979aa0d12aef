import { foldAccents, NO_WORDS_MESSAGE, SearchQuery, SearchQuerySyntaxError } from './query';
import { repairDigitsInWords } from './wording/ocr-repair';

/**
 * The query as the indexes see it: every word accent-folded and OCR-repaired like the indexed text
 * (searchableText with foldAccents, of the text repairOcr gives: "prov1s10ns" is indexed, and so searched, as
 * "provisions", so that a word copied from a damaged text still finds it), and words that fold to nothing (a lone combining mark) dropped, with the tree reshaped around them.
 *
 * @throws SearchQuerySyntaxError when nothing searchable is left
 */
export function foldSearchQuery(query: SearchQuery): SearchQuery {
  const folded = fold(query);
  if (!folded) throw new SearchQuerySyntaxError('EMPTY_QUERY', NO_WORDS_MESSAGE);
  if (folded.kind === 'NOT') throw onlyNegation();
  return folded;
}

/** A query word as the index holds it: digits read for letters repaired, accents folded. */
const foldWord = (word: string) => foldAccents(repairDigitsInWords(word));

function fold(node: SearchQuery): SearchQuery | null {
  switch (node.kind) {
    case 'WORD': {
      const word = foldWord(node.word);
      return word ? { kind: 'WORD', word } : null;
    }
    case 'PREFIX': {
      const prefix = foldWord(node.prefix);
      return prefix ? { kind: 'PREFIX', prefix } : null;
    }
    case 'PHRASE': {
      const words = node.words.map(foldWord);
      // A prefix phrase whose last word vanished becomes an exact phrase of the rest.
      const prefix = node.prefix && words[words.length - 1] !== '';
      const kept = words.filter(Boolean);
      if (kept.length === 0) return null;
      if (kept.length > 1) return { kind: 'PHRASE', words: kept, prefix };
      return prefix ? { kind: 'PREFIX', prefix: kept[0] } : { kind: 'WORD', word: kept[0] };
    }
    case 'NOT': {
      const child = fold(node.child);
      return child ? { kind: 'NOT', child } : null;
    }
    case 'AND':
    case 'OR': {
      const children = node.children.map(fold).filter((child): child is SearchQuery => child !== null);
      if (node.kind === 'AND' && children.length && children.every((child) => child.kind === 'NOT')) {
        throw onlyNegation();
      }
      if (node.kind === 'OR' && children.some((child) => child.kind === 'NOT')) throw onlyNegation();
      if (children.length === 0) return null;
      return children.length === 1 ? children[0] : { kind: node.kind, children };
    }
  }
}

function onlyNegation(): SearchQuerySyntaxError {
  return new SearchQuerySyntaxError(
    'ONLY_NOT_TERMS',
    'once the marks that are not letters are dropped, the query has only NOT terms',
  );
}
