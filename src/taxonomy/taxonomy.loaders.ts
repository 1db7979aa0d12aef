import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { indexBy } from '../common/loaders';
import { TaxonomyRepository } from './repository/taxonomy.repository';
import { TaxonomyCode } from './taxonomy-code.entity';

/**
 * The properties each resolved field of TaxonomyCode reads, for reads that load only what a query selects
 * (`propertiesFor`; the code is always read). `id` is the Node's global id, made of the code.
 */
export const TAXONOMY_CODE_FIELD_NEEDS: Readonly<Record<string, readonly (keyof TaxonomyCode & string)[]>> = {
  id: [],
};

export const taxonomyCodeByCode = (em: EntityManager) =>
  new DataLoader<string, TaxonomyCode | null>(async (codes) =>
    indexBy(codes, await new TaxonomyRepository(em).byCodes(codes), (c) => c.code),
  );
