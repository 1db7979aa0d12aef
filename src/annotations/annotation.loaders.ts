import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { groupBy } from '../common/loaders';
import { Annotation } from './annotation.entity';

export const annotationsOfProvision = (em: EntityManager) =>
  new DataLoader<number, Annotation[]>(async (ids) =>
    groupBy(
      ids,
      await em.find(Annotation, { provision: { $in: [...ids] } }, { orderBy: { id: 'asc' } }),
      (a) => a.provision.id,
    ),
  );
