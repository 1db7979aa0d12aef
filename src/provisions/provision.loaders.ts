import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { indexBy } from '../common/loaders';
import { Provision } from './provision.entity';
import { ProvisionRepository } from './repository/provision.repository';

export const provisionById = (em: EntityManager) =>
  new DataLoader<number, Provision | null>(async (ids) =>
    indexBy(ids, await new ProvisionRepository(em).byIds(ids), (p) => p.id),
  );
