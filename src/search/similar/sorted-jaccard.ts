/**
 * The number of elements two ascending arrays have in common, repeats matched one to one (a merge): the
 * intersection of two sets without duplicates, or the common part of two bags.
 */
export function sortedCommonCount(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      common += 1;
      i += 1;
      j += 1;
    } else if (a[i] < b[j]) {
      i += 1;
    } else {
      j += 1;
    }
  }
  return common;
}

/**
 * Jaccard similarity of two shingle sets given as ascending arrays without duplicates (what `shingles` returns):
 * the same value as `jaccard`, by a merge instead of building sets.
 */
export function sortedJaccard(a: Uint32Array, b: Uint32Array): number {
  const common = sortedCommonCount(a, b);
  const union = a.length + b.length - common;
  return union === 0 ? 0 : common / union;
}
