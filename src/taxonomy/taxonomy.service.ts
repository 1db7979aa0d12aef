import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { NotFoundError } from '../common/errors';
import { TaxonomyCode } from './taxonomy-code.entity';

@Injectable()
export class TaxonomyService {
  constructor(private readonly em: EntityManager) {}

  all(): Promise<TaxonomyCode[]> {
    return this.em.find(TaxonomyCode, {}, { orderBy: { position: 'asc' } });
  }

  async get(code: string): Promise<TaxonomyCode> {
    const found = await this.em.findOne(TaxonomyCode, { code: code as TaxonomyCode['code'] });
    if (!found) throw new NotFoundError('Taxonomy code', code);
    return found;
  }
}
