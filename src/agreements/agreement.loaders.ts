import { today } from '../common/dates';
import { ProvisionLocation } from '../provisions/provision-location.enum';
import DataLoader from 'dataloader';
import { EntityManager } from '@mikro-orm/knex';
import { GraphQLResolveInfo } from 'graphql';
import { batchLoader, groupBy, indexBy, RequestLoaders, preloadField } from '../common/loaders';
import { propertiesFor } from '../common/row-mapper';
import { SelectionInfo, selectedFields } from '../common/selection';
import { PARTY_FIELD_NEEDS } from '../parties/party.loaders';
import { Party } from '../parties/party.entity';
import { BindingRepository, PartyBindingDates } from '../bindings/repository/binding.repository';
import { ProvisionRepository } from '../provisions/repository/provision.repository';
import { AgreementType } from './agreement.enums';
import { AgreementParty } from './agreement-party.entity';
import { AgreementRelation } from './agreement-relation.entity';
import { Agreement } from './agreement.entity';
import { AgreementRepository } from './repository/agreement.repository';

/**
 * The properties each resolved field of Agreement reads, for reads that load only what a query selects
 * (`propertiesFor`; the id is always read). A resolved field missing here makes such a read load the whole row.
 * `history` is `audit.resolver.ts`'s, `provisions` `provisions.resolver.ts`'s (which gives its provisions
 * this agreement: their pinpoints read its slug).
 */
export const AGREEMENT_FIELD_NEEDS: Readonly<Record<string, readonly (keyof Agreement & string)[]>> = {
  id: [],
  types: [],
  parties: [],
  related: [],
  history: [],
  record: ['recordCoverage', 'recordParts'],
  // Its status today (`statusOn`) reads its date of termination.
  status: ['status', 'dateTerminated'],
  externalIds: ['wtoRtaId', 'totaId', 'destaNumber'],
  factSources: ['factSources'],
  provisions: ['slug'],
};

/**
 * The properties of Agreement a list at `path` below `info`'s field reads: what the query selects on it and,
 * when it selects `provisions`, what it selects on their `agreement` (this one, given to them). Null: the whole
 * row.
 */
export function agreementProperties(
  em: EntityManager,
  info: GraphQLResolveInfo,
  path: readonly string[],
): string[] | null {
  const fields = selectedFields(info, path);
  if (!fields.has('provisions')) return propertiesFor(em, Agreement, fields, AGREEMENT_FIELD_NEEDS);
  const ofTheirs = selectedFields(info, [...path, 'provisions', 'edges', 'node', 'agreement']);
  return propertiesFor(em, Agreement, new Set([...fields, ...ofTheirs]), AGREEMENT_FIELD_NEEDS);
}

export const agreementById = (em: EntityManager) =>
  new DataLoader<number, Agreement | null>(async (ids) =>
    indexBy(ids, await new AgreementRepository(em).byIds(ids), (a) => a.id),
  );

/** The names of partiesOfAgreement's variants, by selection (kept as selectedFields keeps its sets). */
const variantNames = new WeakMap<ReadonlySet<string>, WeakMap<ReadonlySet<string>, string>>();

/** The loader variant of a selection: worked out once per field of a parsed document, not once per agreement. */
function variantName(own: ReadonlySet<string>, ofParty: ReadonlySet<string>): string {
  let byParty = variantNames.get(own);
  if (!byParty) variantNames.set(own, (byParty = new WeakMap()));
  let name = byParty.get(ofParty);
  if (name === undefined)
    byParty.set(ofParty, (name = `partiesOfAgreement:${[...own].join()}:${[...ofParty].join()}`));
  return name;
}

/**
 * The parties of each agreement, with the party itself, in one statement (the party's table joined), reading of
 * both only what the query selects on `Agreement.parties` (`info`, that field's): a page of agreements lists
 * about four parties each, and each party's row is wide.
 */
export function partiesOfAgreement(
  loaders: RequestLoaders,
  info: SelectionInfo,
): DataLoader<number, AgreementParty[]> {
  const own = selectedFields(info);
  const ofParty = selectedFields(info, ['party']);
  return loaders.variant(variantName(own, ofParty), (em) => {
    const properties = {
      own: propertiesFor(em, AgreementParty, own, {}),
      party: propertiesFor(em, Party, ofParty, PARTY_FIELD_NEEDS),
    };
    return batchLoader<number, AgreementParty[]>(async (ids) =>
      groupBy(
        ids,
        await new AgreementRepository(em).partiesWithPartyOf(ids, properties),
        (p) => p.agreement.id,
      ),
    );
  });
}

/**
 * Reads the parties of a page's agreements ahead (`RequestLoaders.preload`) when the query selects them at `path`
 * below `info`'s field (`['edges', 'node']` of a connection): the same statement, with the same columns
 * (`partiesOfAgreement`'s variant of each selection of `parties`), run by the list's resolver before it answers,
 * so that `Agreement.parties` answers each agreement's parties without a promise. Nothing when a selection on the
 * way carries `@skip` or `@include` (then each agreement's field loads its parties as before). Who may read a
 * list of agreements may read their parties: both are `AgreementsResolver`'s, under its class's rule.
 */
export function preloadParties(
  loaders: RequestLoaders,
  info: SelectionInfo,
  path: readonly string[],
  agreements: readonly Agreement[],
): Promise<void> {
  return preloadField(loaders, info, path, 'parties', agreements, partiesOfAgreement);
}

export const typesOfAgreement = (em: EntityManager) =>
  new DataLoader<number, AgreementType[]>(async (ids) => {
    const tags = await new AgreementRepository(em).typesOf(ids);
    return groupBy(ids, tags, (t) => t.agreement.id).map((group) => group.map((t) => t.type));
  });

/** Each agreement's relations (either side), with both agreements loaded. */
export const relationsOfAgreement = (em: EntityManager) => {
  const agreements = agreementById(em);
  return new DataLoader<number, AgreementRelation[]>(async (ids) => {
    const relations = await new AgreementRepository(em).relationsOf(ids);
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

/** How many provisions each agreement holds, and where they are (the parts its record holds some of). */
export const provisionRecordOfAgreement = (em: EntityManager) =>
  new DataLoader<number, { provisions: number; locations: ProvisionLocation[] }>(async (ids) => {
    const held = await new ProvisionRepository(em).countsAndLocationsByAgreement(ids);
    return ids.map((id) => held.get(id) ?? { provisions: 0, locations: [] });
  });

/** Per agreement, its listed parties' binding dates and standing today by party code (agreement_binding). */
export const partyBindingDatesOfAgreement = (em: EntityManager) =>
  new DataLoader<number, Map<string, PartyBindingDates>>(async (ids) => {
    const byAgreement = await new BindingRepository(em).partyBindingDatesOf(ids, today());
    return ids.map((id) => byAgreement.get(id) ?? new Map<string, PartyBindingDates>());
  });
