import { ChangeSetType, EventSubscriber, FlushEventArgs } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Provision } from '../../provisions/provision.entity';
import { refreshProvisionIndex } from './refresh-provision-index';

/** The provision columns the search and similarity rows are built from (see searchDocument, comparisonText). */
const INDEXED: readonly (keyof Provision)[] = [
  'chapterTitle',
  'sectionTitle',
  'articleNumber',
  'articleTitle',
  'text',
  'summary',
];

/**
 * Keeps the search and similarity rows of provisions in step with every flush that creates a provision or
 * changes an indexed column, in the same transaction as the change (removed provisions' rows go by cascade).
 * Nobody calls `refreshProvisionIndex` by hand: the modules that write provisions do not depend on search.
 */
export class ProvisionIndexSubscriber implements EventSubscriber {
  async afterFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const ids: number[] = [];
    for (const cs of uow.getChangeSets()) {
      if (!(cs.entity instanceof Provision)) continue;
      if (
        cs.type === ChangeSetType.CREATE ||
        (cs.type === ChangeSetType.UPDATE && INDEXED.some((column) => column in (cs.payload ?? {})))
      )
        ids.push(cs.entity.id);
    }
    if (ids.length) await refreshProvisionIndex(em as EntityManager, ids);
  }
}
