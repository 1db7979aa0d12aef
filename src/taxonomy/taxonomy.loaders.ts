import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { indexBy } from '../common/loaders';
import { selectEntities } from '../common/row-mapper';
import { inList } from '../common/sql';
import { TaxonomyCode } from './taxonomy-code.entity';

export const taxonomyCodeByCode = (em: EntityManager) =>
  new DataLoader<string, TaxonomyCode | null>(async (codes) => {
    const list = inList(codes);
    return indexBy(
      codes,
      await selectEntities(em, TaxonomyCode, `"code" in ${list.sql}`, list.params),
      (c) => c.code,
    );
  });
