import { EntityManager } from '@mikro-orm/knex';
import { Injectable } from '@nestjs/common';
import { Connection } from '../common/pagination/connection.types';
import { OrderColumn } from '../common/pagination/keyset';
import { fetchPage, PageRequest } from '../common/pagination/page-query';
import { NotFoundError } from '../common/errors';
import { inList } from '../common/sql';
import { PartyFilter } from './dto/party-filter.input';
import { PartyOrder, PartyOrderField } from './dto/party-order.input';
import { partyConditions } from './party.conditions';
import { Party } from './party.entity';

function partyOrder(order: PartyOrder | null | undefined): OrderColumn[] {
  const direction = order?.direction ?? 'asc';
  const code: OrderColumn = { sql: 'p."code"', direction, nullable: false };
  if (order?.field === PartyOrderField.NAME) return [{ sql: 'p."name"', direction, nullable: false }, code];
  return [code];
}

@Injectable()
export class PartiesService {
  constructor(private readonly em: EntityManager) {}

  async get(code: string): Promise<Party> {
    const party = await this.em.findOne(Party, { code: code.toUpperCase() });
    if (!party) throw new NotFoundError('Party', code);
    return party;
  }

  list(
    filter: PartyFilter | null | undefined,
    order: PartyOrder | null | undefined,
    page: PageRequest,
  ): Promise<Connection<Party>> {
    return fetchPage(
      this.em,
      {
        entity: Party,
        from: 'party p',
        alias: 'p',
        conditions: partyConditions(filter),
        order: partyOrder(order),
      },
      page,
    );
  }

  /** Codes among `codes` that are not in the catalogue. */
  async unknownCodes(codes: readonly string[]): Promise<string[]> {
    const upper = [...new Set(codes.map((c) => c.toUpperCase()))];
    const list = inList(upper);
    const found = await this.em
      .getConnection()
      .execute<{ code: string }[]>(`select "code" from "party" where "code" in ${list.sql}`, list.params);
    const known = new Set(found.map((p) => p.code));
    return upper.filter((c) => !known.has(c));
  }
}
