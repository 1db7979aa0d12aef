/** Exact Jaccard similarity |A ∩ B| / |A ∪ B| of two shingle sets; 0 when both are empty. */
export function jaccard(shinglesA: Iterable<number>, shinglesB: Iterable<number>): number {
  const a = new Set(shinglesA);
  const b = new Set(shinglesB);
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let common = 0;
  for (const shingle of small) if (large.has(shingle)) common += 1;
  const union = a.size + b.size - common;
  return union === 0 ? 0 : common / union;
}
