import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { groupBy } from '../common/loaders';
import { selectEntities } from '../common/row-mapper';
import { inList } from '../common/sql';
import { Annotation } from './annotation.entity';

export const annotationsOfProvision = (em: EntityManager) =>
  new DataLoader<number, Annotation[]>(async (ids) => {
    const list = inList(ids);
    const rows = await selectEntities(em, Annotation, `"provision_id" in ${list.sql}`, list.params, '"id"');
    return groupBy(ids, rows, (a) => a.provision.id);
  });

export const annotationById = (em: EntityManager) =>
  new DataLoader<number, Annotation | null>(async (ids) => {
    const list = inList(ids);
    const rows = await selectEntities(em, Annotation, `"id" in ${list.sql}`, list.params, '"id"');
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  });
