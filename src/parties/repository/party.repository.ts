import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { OrderColumn } from '../../common/pagination/keyset';
import { fetchPage, PageRequest } from '../../common/pagination/page-query';
import { selectEntities } from '../../common/row-mapper';
import { inList } from '../../common/sql';
import { BlocMembership } from '../bloc-membership.entity';
import { PartyFilter } from '../dto/party-filter.input';
import { PartyOrder, PartyOrderField } from '../dto/party-order.input';
import { Party } from '../party.entity';
import { partyConditions } from './party.conditions';

function partyOrder(order: PartyOrder | null | undefined): OrderColumn[] {
  const direction = order?.direction ?? 'asc';
  const code: OrderColumn = { sql: 'p."code"', direction, nullable: false };
  if (order?.field === PartyOrderField.NAME) return [{ sql: 'p."name"', direction, nullable: false }, code];
  return [code];
}

/** The read statements of parties and bloc memberships; filters are `party.conditions.ts`, next to this file. */
export class PartyRepository {
  constructor(private readonly em: EntityManager) {}

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

  /** The codes among `codes` (upper case) that the catalogue holds. */
  async existingCodes(codes: readonly string[]): Promise<Set<string>> {
    const list = inList(codes);
    const found = await this.em
      .getConnection()
      .execute<{ code: string }[]>(`select "code" from "party" where "code" in ${list.sql}`, list.params);
    return new Set(found.map((p) => p.code));
  }

  /** Read-only parties (see rowMapper), in no particular order. */
  byCodes(codes: readonly string[]): Promise<Party[]> {
    const list = inList(codes);
    return selectEntities(this.em, Party, `"code" in ${list.sql}`, list.params);
  }

  /** The memberships whose `side` (`bloc` or `member`) is one of `codes`, ordered by the other side's code. */
  membershipsBy(side: 'bloc' | 'member', codes: readonly string[]): Promise<BlocMembership[]> {
    const other = side === 'bloc' ? 'member' : 'bloc';
    const list = inList(codes);
    return selectEntities(
      this.em,
      BlocMembership,
      `"${side}_code" in ${list.sql}`,
      list.params,
      `"${other}_code"`,
    );
  }
}
