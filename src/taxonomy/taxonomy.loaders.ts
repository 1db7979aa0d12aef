import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { indexBy } from '../common/loaders';
import { TaxonomyRepository } from './repository/taxonomy.repository';
import { TaxonomyCode } from './taxonomy-code.entity';

export const taxonomyCodeByCode = (em: EntityManager) =>
  new DataLoader<string, TaxonomyCode | null>(async (codes) =>
    indexBy(codes, await new TaxonomyRepository(em).byCodes(codes), (c) => c.code),
  );
