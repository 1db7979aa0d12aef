import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { indexBy } from '../common/loaders';
import { selectEntities } from '../common/row-mapper';
import { inList } from '../common/sql';
import { Provision } from './provision.entity';

export const provisionById = (em: EntityManager) =>
  new DataLoader<number, Provision | null>(async (ids) => {
    const list = inList(ids);
    return indexBy(ids, await selectEntities(em, Provision, `"id" in ${list.sql}`, list.params), (p) => p.id);
  });
