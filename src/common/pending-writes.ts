import { EntityManager } from '@mikro-orm/core';

/**
 * Whether the next flush of `em` writes anything: the unit of work's change sets (an entity created, a property
 * whose value differs from what was read, one removed). A writer asks it to tell an unchanged record, which writes
 * nothing, from an updated one.
 */
export function hasPendingWrites(em: EntityManager): boolean {
  const unitOfWork = em.getUnitOfWork();
  unitOfWork.computeChangeSets();
  return unitOfWork.getChangeSets().length > 0;
}
