import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { groupBy, indexBy } from '../common/loaders';
import { AgreementType } from './agreement.enums';
import { AgreementParty } from './agreement-party.entity';
import { AgreementRelation } from './agreement-relation.entity';
import { AgreementTypeTag } from './agreement-type-tag.entity';
import { Agreement } from './agreement.entity';

export const agreementById = (em: EntityManager) =>
  new DataLoader<number, Agreement | null>(async (ids) =>
    indexBy(ids, await em.find(Agreement, { id: { $in: [...ids] } }), (a) => a.id),
  );

export const partiesOfAgreement = (em: EntityManager) =>
  new DataLoader<number, AgreementParty[]>(async (ids) =>
    groupBy(
      ids,
      await em.find(
        AgreementParty,
        { agreement: { $in: [...ids] } },
        { populate: ['party'], orderBy: { id: 'asc' } },
      ),
      (p) => p.agreement.id,
    ),
  );

export const typesOfAgreement = (em: EntityManager) =>
  new DataLoader<number, AgreementType[]>(async (ids) =>
    groupBy(
      ids,
      await em.find(AgreementTypeTag, { agreement: { $in: [...ids] } }, { orderBy: { type: 'asc' } }),
      (t) => t.agreement.id,
    ).map((tags) => tags.map((t) => t.type)),
  );

export const relationsOfAgreement = (em: EntityManager) =>
  new DataLoader<number, AgreementRelation[]>(async (ids) => {
    const relations = await em.find(
      AgreementRelation,
      { $or: [{ from: { $in: [...ids] } }, { to: { $in: [...ids] } }] },
      { populate: ['from', 'to'], orderBy: { id: 'asc' } },
    );
    return ids.map((id) => relations.filter((r) => r.from.id === id || r.to.id === id));
  });
