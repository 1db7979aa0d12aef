import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { indexBy } from '../common/loaders';
import { Provision } from './provision.entity';

export const provisionById = (em: EntityManager) =>
  new DataLoader<number, Provision | null>(async (ids) =>
    indexBy(ids, await em.find(Provision, { id: { $in: [...ids] } }), (p) => p.id),
  );
