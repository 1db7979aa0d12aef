import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { GraphQLResolveInfo } from 'graphql';
import { groupBy, RequestLoaders } from '../common/loaders';
import { propertiesFor } from '../common/row-mapper';
import { selectedFields } from '../common/selection';
import { Annotation } from './annotation.entity';
import { AnnotationRepository } from './repository/annotation.repository';

/**
 * The properties each resolved field of Annotation reads, for reads that load only what a query selects
 * (`propertiesFor`; the id is always read). A resolved field missing here makes such a read load whole rows.
 * `history` is `audit.resolver.ts`'s; `id` is the Node's global id, made of the id.
 */
export const ANNOTATION_FIELD_NEEDS: Readonly<Record<string, readonly (keyof Annotation & string)[]>> = {
  id: [],
  history: [],
  evidence: ['evidenceStart', 'evidenceEnd', 'evidenceQuote'],
};

/**
 * The annotations of each provision, reading of each only what the query selects on `Provision.annotations`
 * (`info`, that field's) and what its filters read (code and status).
 */
export function annotationsOfProvision(
  loaders: RequestLoaders,
  info: GraphQLResolveInfo,
): DataLoader<number, Annotation[]> {
  const fields = selectedFields(info);
  return loaders.variant(`annotationsOfProvision:${[...fields].join()}`, (em) => {
    const selected = propertiesFor(em, Annotation, fields, ANNOTATION_FIELD_NEEDS);
    const properties = selected && [...new Set([...selected, 'provision', 'code', 'status'])];
    return new DataLoader<number, Annotation[]>(async (ids) => {
      const rows = await new AnnotationRepository(em).ofProvisions(ids, properties);
      return groupBy(ids, rows, (a) => a.provision.id);
    });
  });
}

export const annotationById = (em: EntityManager) =>
  new DataLoader<number, Annotation | null>(async (ids) => {
    const rows = await new AnnotationRepository(em).byIds(ids);
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  });
