import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { Connection } from '../common/pagination/connection.types';
import { PageRequest } from '../common/pagination/page-query';
import { NotFoundError } from '../common/errors';
import { PartyFilter } from './dto/party-filter.input';
import { PartyOrder } from './dto/party-order.input';
import { Party } from './party.entity';
import { PartyRepository } from './repository/party.repository';

@Injectable()
export class PartiesService {
  private readonly repository: PartyRepository;

  constructor(private readonly em: EntityManager) {
    this.repository = new PartyRepository(em);
  }

  /**
   * The party of that code, read-only (`readEntities`, as the party lists are read): MikroORM's findOne wrote the
   * code into the statement's text (a statement prepared per code) and hydrated a managed entity for a read.
   */
  async get(code: string): Promise<Party> {
    const [party] = await this.repository.byCodes([code.toUpperCase()]);
    if (!party) throw new NotFoundError('Party', code);
    return party;
  }

  list(
    filter: PartyFilter | null | undefined,
    order: PartyOrder | null | undefined,
    page: PageRequest,
  ): Promise<Connection<Party>> {
    return this.repository.list(filter, order, page);
  }
}
