import { EntityManager } from '@mikro-orm/knex';
import { SearchDialect } from '../engine/search-dialect';

/** Finds the provisions that share at least one LSH band key with a signature. */
export interface SimilarityIndex {
  candidates(bandKeys: number[]): Promise<number[]>;
}

export const SIMILARITY_INDEX = Symbol('SimilarityIndex');

/** The stored band keys, read the engine's way (SearchDialect.bandCandidates). */
export class BandSimilarityIndex implements SimilarityIndex {
  constructor(
    private readonly em: EntityManager,
    private readonly dialect: SearchDialect,
  ) {}

  candidates(bandKeys: number[]): Promise<number[]> {
    return this.dialect.bandCandidates(this.em, bandKeys);
  }
}
