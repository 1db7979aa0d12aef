// Generated texts for the similarity tests (unit tests must not read the corpus). Not used by the service.
import { splitmix32 } from '../../src/search/similarity/hash32';

export function seededRandom(seed: number): () => number {
  const next = splitmix32(seed);
  return () => next() / 4294967296;
}

const ONSETS = ['b', 'c', 'd', 'f', 'g', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'tr', 'pl', 'cr', 'st'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'é', 'ia', 'ou'];

/** A vocabulary of distinct made-up words (2 to 4 syllables). */
export function syntheticVocabulary(random: () => number, size = 4000): string[] {
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)];
  const words = new Set<string>();
  while (words.size < size) {
    const syllables = 2 + Math.floor(random() * 3);
    words.add(Array.from({ length: syllables }, () => pick(ONSETS) + pick(VOWELS)).join(''));
  }
  return [...words];
}

export function syntheticWords(random: () => number, vocabulary: string[], length: number): string[] {
  return Array.from({ length }, () => vocabulary[Math.floor(random() * vocabulary.length)]);
}

/** Replaces each word with probability `rate` by a random word of the vocabulary. */
export function mutateWords(
  random: () => number,
  words: string[],
  vocabulary: string[],
  rate: number,
): string[] {
  return words.map((word) => (random() < rate ? vocabulary[Math.floor(random() * vocabulary.length)] : word));
}

/** Joins words into a sentence-like text, with capitals and punctuation that normalisation must remove. */
export function asText(words: string[]): string {
  return (
    words
      .map(
        (word, i) => (i % 11 === 0 ? word[0].toUpperCase() + word.slice(1) : word) + (i % 7 === 6 ? ',' : ''),
      )
      .join(' ') + '.'
  );
}
