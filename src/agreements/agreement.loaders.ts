import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { groupBy, indexBy } from '../common/loaders';
import { selectEntities } from '../common/row-mapper';
import { inList } from '../common/sql';
import { partyByCode } from '../parties/party.loaders';
import { AgreementType } from './agreement.enums';
import { AgreementParty } from './agreement-party.entity';
import { AgreementRelation } from './agreement-relation.entity';
import { AgreementTypeTag } from './agreement-type-tag.entity';
import { Agreement } from './agreement.entity';

export const agreementById = (em: EntityManager) =>
  new DataLoader<number, Agreement | null>(async (ids) => {
    const list = inList(ids);
    return indexBy(ids, await selectEntities(em, Agreement, `"id" in ${list.sql}`, list.params), (a) => a.id);
  });

/** The parties of each agreement, with the party itself (read through the request's party loader). */
export const partiesOfAgreement = (em: EntityManager) => {
  const parties = partyByCode(em);
  return new DataLoader<number, AgreementParty[]>(async (ids) => {
    const list = inList(ids);
    const rows = await selectEntities(
      em,
      AgreementParty,
      `"agreement_id" in ${list.sql}`,
      list.params,
      '"id"',
    );
    const byCode = await parties.loadMany([...new Set(rows.map((r) => r.party.code))]);
    const party = new Map(byCode.map((p) => (p && !(p instanceof Error) ? [p.code, p] : [null, null])));
    for (const row of rows) row.party = party.get(row.party.code) ?? row.party;
    return groupBy(ids, rows, (p) => p.agreement.id);
  });
};

export const typesOfAgreement = (em: EntityManager) =>
  new DataLoader<number, AgreementType[]>(async (ids) => {
    const list = inList(ids);
    const tags = await selectEntities(
      em,
      AgreementTypeTag,
      `"agreement_id" in ${list.sql}`,
      list.params,
      '"type"',
    );
    return groupBy(ids, tags, (t) => t.agreement.id).map((group) => group.map((t) => t.type));
  });

/** Each agreement's relations (either side), with both agreements loaded. */
export const relationsOfAgreement = (em: EntityManager) => {
  const agreements = agreementById(em);
  return new DataLoader<number, AgreementRelation[]>(async (ids) => {
    const list = inList(ids);
    const relations = await selectEntities(
      em,
      AgreementRelation,
      `"from_id" in ${list.sql} or "to_id" in ${list.sql}`,
      [...list.params, ...list.params],
      '"id"',
    );
    const ends = await agreements.loadMany([...new Set(relations.flatMap((r) => [r.from.id, r.to.id]))]);
    const byId = new Map(
      ends.filter((a): a is Agreement => Boolean(a) && !(a instanceof Error)).map((a) => [a.id, a]),
    );
    for (const r of relations) {
      r.from = byId.get(r.from.id) ?? r.from;
      r.to = byId.get(r.to.id) ?? r.to;
    }
    return ids.map((id) => relations.filter((r) => r.from.id === id || r.to.id === id));
  });
};

/** How many provisions each agreement holds. */
export const provisionCountOfAgreement = (em: EntityManager) =>
  new DataLoader<number, number>(async (ids) => {
    const list = inList(ids);
    const rows = await em
      .getConnection()
      .execute<{ agreement_id: number; n: number }[]>(
        `select "agreement_id", count(*) as "n" from provision where "agreement_id" in ${list.sql} group by "agreement_id"`,
        list.params,
      );
    const counts = new Map(rows.map((r) => [Number(r.agreement_id), Number(r.n)]));
    return ids.map((id) => counts.get(id) ?? 0);
  });
