import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { indexBy } from '../common/loaders';
import { TaxonomyCode } from './taxonomy-code.entity';

export const taxonomyCodeByCode = (em: EntityManager) =>
  new DataLoader<string, TaxonomyCode | null>(async (codes) =>
    indexBy(
      codes,
      await em.find(TaxonomyCode, { code: { $in: [...codes] as TaxonomyCode['code'][] } }),
      (c) => c.code,
    ),
  );
