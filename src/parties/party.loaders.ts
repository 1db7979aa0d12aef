import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { groupBy, indexBy } from '../common/loaders';
import { BlocMembership } from './bloc-membership.entity';
import { Party } from './party.entity';

export const partyByCode = (em: EntityManager) =>
  new DataLoader<string, Party | null>(async (codes) =>
    indexBy(codes, await em.find(Party, { code: { $in: [...codes] } }), (p) => p.code),
  );

export const membershipsOfBloc = (em: EntityManager) =>
  new DataLoader<string, BlocMembership[]>(async (codes) =>
    groupBy(
      codes,
      await em.find(
        BlocMembership,
        { bloc: { $in: [...codes] } },
        { populate: ['member'], orderBy: { member: 'asc' } },
      ),
      (m) => m.bloc.code,
    ),
  );

export const membershipsOfMember = (em: EntityManager) =>
  new DataLoader<string, BlocMembership[]>(async (codes) =>
    groupBy(
      codes,
      await em.find(
        BlocMembership,
        { member: { $in: [...codes] } },
        { populate: ['bloc'], orderBy: { bloc: 'asc' } },
      ),
      (m) => m.member.code,
    ),
  );
