import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { groupBy } from '../common/loaders';
import { Annotation } from './annotation.entity';
import { AnnotationRepository } from './repository/annotation.repository';

export const annotationsOfProvision = (em: EntityManager) =>
  new DataLoader<number, Annotation[]>(async (ids) => {
    const rows = await new AnnotationRepository(em).ofProvisions(ids);
    return groupBy(ids, rows, (a) => a.provision.id);
  });

export const annotationById = (em: EntityManager) =>
  new DataLoader<number, Annotation | null>(async (ids) => {
    const rows = await new AnnotationRepository(em).byIds(ids);
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  });
