import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { groupBy, indexBy } from '../common/loaders';
import { BlocMembership } from './bloc-membership.entity';
import { Party } from './party.entity';
import { PartyRepository } from './repository/party.repository';

export const partyByCode = (em: EntityManager) =>
  new DataLoader<string, Party | null>(async (codes) =>
    indexBy(codes, await new PartyRepository(em).byCodes(codes), (p) => p.code),
  );

/** Memberships on one side (`bloc` or `member`), with the party on the other side loaded. */
function memberships(em: EntityManager, side: 'bloc' | 'member') {
  const other = side === 'bloc' ? 'member' : 'bloc';
  const parties = partyByCode(em);
  return new DataLoader<string, BlocMembership[]>(async (codes) => {
    const rows = await new PartyRepository(em).membershipsBy(side, codes);
    const loaded = await parties.loadMany([...new Set(rows.map((r) => r[other].code))]);
    const byCode = new Map(
      loaded.filter((p): p is Party => Boolean(p) && !(p instanceof Error)).map((p) => [p.code, p]),
    );
    for (const row of rows) row[other] = byCode.get(row[other].code) ?? row[other];
    return groupBy(codes, rows, (m) => m[side].code);
  });
}

export const membershipsOfBloc = (em: EntityManager) => memberships(em, 'bloc');
export const membershipsOfMember = (em: EntityManager) => memberships(em, 'member');

/**
 * The properties each resolved field of Party reads, for reads that load only what a query selects
 * (`propertiesFor`; the code is always read). A resolved field missing here makes such a read load the whole
 * party. `agreements` is `party-agreements.resolver.ts`'s; `id` is the Node's global id, made of the code.
 */
export const PARTY_FIELD_NEEDS: Readonly<Record<string, readonly (keyof Party & string)[]>> = {
  id: [],
  agreements: [],
  members: [],
  memberOf: [],
  conventionStatus: [
    'conventionStatusKind',
    'conventionInstrument',
    'conventionDeposited',
    'conventionInForce',
    'conventionDepositYear',
    'conventionAsOf',
    'conventionConfidence',
    'conventionSource',
  ],
};
