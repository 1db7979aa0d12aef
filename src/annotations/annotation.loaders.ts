import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { batchLoader, groupBy, RequestLoaders, preloadField } from '../common/loaders';
import { propertiesFor } from '../common/row-mapper';
import { TaxonomyCode } from '../taxonomy/taxonomy-code.entity';
import { TAXONOMY_CODE_FIELD_NEEDS } from '../taxonomy/taxonomy.loaders';
import { SelectionInfo, selectedFields } from '../common/selection';
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
 * What a read of annotations for a query (`info`: the annotations' field) reads of their taxonomy code, joined
 * (`properties`: `propertiesFor`, null the whole row); none when the query selects nothing of the code beyond
 * the code itself, which the annotation holds.
 */
export function codeReadOf(
  em: EntityManager,
  info: SelectionInfo,
): { properties: readonly string[] | null } | null {
  if (!selectedFields(info).has('code')) return null;
  const properties = propertiesFor(
    em,
    TaxonomyCode,
    selectedFields(info, ['code']),
    TAXONOMY_CODE_FIELD_NEEDS,
  );
  const [key] = em.getMetadata().get(TaxonomyCode.name).primaryKeys;
  if (properties?.every((name) => name === key)) return null;
  return { properties };
}

/**
 * The annotations of each provision, reading of each only what the query selects on `Provision.annotations`
 * (`info`, that field's) and what its filters read (code and status), with what it selects of their taxonomy
 * code joined.
 */
export function annotationsOfProvision(
  loaders: RequestLoaders,
  info: SelectionInfo,
): DataLoader<number, Annotation[]> {
  const fields = selectedFields(info);
  const ofCode = selectedFields(info, ['code']);
  return loaders.variant(`annotationsOfProvision:${[...fields].join()}:${[...ofCode].join()}`, (em) => {
    const selected = propertiesFor(em, Annotation, fields, ANNOTATION_FIELD_NEEDS);
    const properties = selected && [...new Set([...selected, 'provision', 'code', 'status'])];
    const code = codeReadOf(em, info);
    return batchLoader<number, Annotation[]>(async (ids) => {
      const rows = await new AnnotationRepository(em).ofProvisions(ids, properties, code);
      return groupBy(ids, rows, (a) => a.provision.id);
    });
  });
}

/**
 * Reads the annotations of a page's provisions ahead (`RequestLoaders.preload`) when the query selects them at
 * `path` below `info`'s field (`['edges', 'node']` of a connection): the same statement, with the same columns
 * (`annotationsOfProvision`'s variant of each selection of `annotations`; its filters apply to what was read),
 * run by the list's resolver before it answers, so that `Provision.annotations` answers each provision's
 * annotations without a promise. Nothing when a selection on the way carries `@skip` or `@include`. Who may read a
 * list of provisions may read their annotations: both are read fields under `@ReadAccess()`.
 */
export function preloadAnnotations(
  loaders: RequestLoaders,
  info: SelectionInfo,
  path: readonly string[],
  provisions: readonly { id: number }[],
): Promise<void> {
  return preloadField(loaders, info, path, 'annotations', provisions, annotationsOfProvision);
}

export const annotationById = (em: EntityManager) =>
  new DataLoader<number, Annotation | null>(async (ids) => {
    const rows = await new AnnotationRepository(em).byIds(ids);
    const byId = new Map(rows.map((a) => [a.id, a]));
    return ids.map((id) => byId.get(id) ?? null);
  });
