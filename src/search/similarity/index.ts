export { normaliseForComparison } from './normalise-text';
export { shingles } from './shingles';
export { jaccard } from './jaccard';
export { DEFAULT_NUM_HASHES, estimateJaccard, minhashSignature } from './minhash';
export {
  bandHashes,
  bandKeys,
  DEFAULT_BANDS,
  DEFAULT_ROWS,
  lshCandidateProbability,
  lshThreshold,
} from './lsh-index';
