import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { batchLoader, indexBy } from '../common/loaders';
import { Provision } from './provision.entity';
import { ProvisionRepository } from './repository/provision.repository';

export const provisionById = (em: EntityManager) =>
  new DataLoader<number, Provision | null>(async (ids) =>
    indexBy(ids, await new ProvisionRepository(em).byIds(ids), (p) => p.id),
  );

/** Per agreement id, the languages in which it numbers its articles per chapter (`numberedPerChapter`). */
export const articleNumberingOf = (em: EntityManager) =>
  batchLoader<number, Set<string>>(async (ids) => {
    const perChapter = await new ProvisionRepository(em).languagesNumberedPerChapter(ids);
    return ids.map((id) => perChapter.get(id) ?? new Set<string>());
  });

/**
 * The properties each resolved field of Provision reads, for reads that load only what a query selects
 * (`propertiesFor`; the id is always read). A resolved field missing here makes such a read load whole rows.
 * `annotations` is `annotations.resolver.ts`'s.
 */
export const PROVISION_FIELD_NEEDS: Readonly<Record<string, readonly (keyof Provision & string)[]>> = {
  id: [],
  annotations: [],
  agreement: ['agreement'],
  pinpoint: ['agreement', 'key'],
  numberedPerChapter: ['agreement', 'language', 'articleNumber'],
};
