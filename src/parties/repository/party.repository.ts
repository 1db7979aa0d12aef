import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { KeysetColumn } from '../../common/pagination/keyset';
import { fetchPage, PageRequest } from '../../common/pagination/page-query';
import { readEntities } from '../../common/row-mapper';
import { containsText, from, rowsOf } from '../../common/sql';
import { BlocMembership } from '../bloc-membership.entity';
import { PartyFilter } from '../dto/party-filter.input';
import { PartyOrder, PartyOrderField } from '../dto/party-order.input';
import { Party } from '../party.entity';
import { partyWhere } from './party.conditions';

function partyOrder(order: PartyOrder | null | undefined): KeysetColumn[] {
  const direction = order?.direction ?? 'asc';
  const code: KeysetColumn = { column: 'p.code', direction, nullable: false, type: 'text' };
  if (order?.field === PartyOrderField.NAME)
    return [{ column: 'p.name', direction, nullable: false, type: 'text' }, code];
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
        table: 'party as p',
        alias: 'p',
        where: [partyWhere(filter)],
        order: partyOrder(order),
      },
      page,
    );
  }

  /** The codes among `codes` (upper case) that the catalogue holds. */
  async existingCodes(codes: readonly string[]): Promise<Set<string>> {
    const found = await rowsOf<{ code: string }>(
      this.em,
      from(this.em, 'party')
        .select('code')
        .whereIn('code', [...codes]),
    );
    return new Set(found.map((p) => p.code));
  }

  /** The first `limit` parties by name whose name contains `text` (as the filter's nameContains finds them). */
  namesContaining(text: string, limit: number): Promise<{ code: string; name: string }[]> {
    return rowsOf<{ code: string; name: string }>(
      this.em,
      from(this.em, 'party as p')
        .select('p.code', 'p.name')
        .where(containsText(['p.name'], text))
        .orderBy([{ column: 'p.name' }, { column: 'p.code' }])
        .limit(limit),
    );
  }

  /** Read-only parties (see rowMapper), in no particular order. */
  byCodes(codes: readonly string[]): Promise<Party[]> {
    return readEntities(this.em, Party, 'byCodes', codes, (qb, codes) => qb.whereIn('code', [...codes]));
  }

  /** The memberships whose `side` (`bloc` or `member`) is one of `codes`, ordered by the other side's code. */
  membershipsBy(side: 'bloc' | 'member', codes: readonly string[]): Promise<BlocMembership[]> {
    const other = side === 'bloc' ? 'member' : 'bloc';
    return readEntities(this.em, BlocMembership, `membershipsBy ${side}`, codes, (qb, codes) =>
      qb.whereIn(`${side}_code`, [...codes]).orderBy(`${other}_code`),
    );
  }
}
