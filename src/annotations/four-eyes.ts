import { Identity } from '../auth/identity';

/**
 * Four eyes: whoever created an annotation (its API key) cannot also be the one who accepts it; they may reject
 * it. The review mutation refuses such an acceptance (FORBIDDEN, `refusal: 'ownAnnotation'`) and the review page
 * offers no "Accept" on it, saying why.
 */
export function mayAccept(annotation: { createdByKeyId: number | null }, reviewer: Identity): boolean {
  return annotation.createdByKeyId !== reviewer.keyId;
}
