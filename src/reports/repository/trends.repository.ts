import { EntityManager, Knex } from '@mikro-orm/knex';
import { provisionCountOf } from '../../provisions/repository/provision.conditions';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { boundAtSomeTime } from '../../bindings/repository/binding.conditions';
import { TrendGroupBy } from '../trends/trends.types';
import { RecordCoverage } from '../../agreements/agreement.enums';
import { recordCompleteness } from '../../agreements/record-completeness';
import { AgreementFacts } from '../common/report-facts';
import {
  AGREEMENT_COLUMNS,
  agreementFromRow,
  AgreementScope,
  liveInScope,
  run,
  sql,
  Statement,
} from './report-queries';
import { sqlNumber, sqlString, sqlStringArray } from './sql-values';

/** The statements of the trends report beyond those every report shares (report-queries.ts). */

/**
 * The agreements in scope (archived ones left out), by signature date then slug, as `loadAgreements` gives them,
 * and which of them hold a partial record (only selected provisions, or no text: `recordCompleteness`), in one
 * statement.
 */
export async function agreementsWithRecords(
  em: EntityManager,
  scope: AgreementScope,
): Promise<{ agreements: AgreementFacts[]; partial: Set<number> }> {
  const knex = sql(em);
  const provisions = provisionCountOf(knex, 'ag.id');
  const rows = await run(
    em,
    liveInScope(
      knex.select(...AGREEMENT_COLUMNS, 'ag.record_coverage', provisions).from('agreement as ag'),
      scope,
    ).orderBy(['ag.date_signed', 'ag.slug']),
  );
  const partial = new Set<number>();
  const agreements = rows.map((row) => {
    const facts = agreementFromRow(row);
    const record = recordCompleteness(
      sqlString(row.record_coverage) as RecordCoverage | null,
      null,
      sqlNumber(row.provisions),
    );
    if (record.coverage !== RecordCoverage.FULL_TEXT) partial.add(facts.id);
    return facts;
  });
  return { agreements, partial };
}

/**
 * The first and last years of signature of the catalogue's agreements (archived ones left out), whatever a range
 * asks: what a range that counts none is said beside (null when no agreement has a signature date).
 */
export async function signatureYears(em: EntityManager): Promise<{ first: number; last: number } | null> {
  const knex = sql(em);
  const [row] = await run(
    em,
    liveInScope(knex.min('ag.date_signed as first').max('ag.date_signed as last').from('agreement as ag'), {
      signed: true,
    }),
  );
  const first = sqlString(row?.first);
  const last = sqlString(row?.last);
  return first && last ? { first: Number(first.slice(0, 4)), last: Number(last.slice(0, 4)) } : null;
}

/** One annotation code on an agreement: the agreement, the code, one status it has there, and whom it covers. */
export interface AgreementCodeRow {
  agreementId: number;
  code: TaxonomyCodeId;
  status: AnnotationStatus;
  /** The parties the annotated provision covers when it names some only; null: all. */
  partyScope: string[] | null;
}

/** The distinct (agreement, code, status, party scope) of annotations with these statuses and codes on agreements in scope. */
export async function annotationCodesOf(
  em: EntityManager,
  agreements: AgreementScope,
  statuses: AnnotationStatus[],
  codes: TaxonomyCodeId[],
): Promise<AgreementCodeRow[]> {
  const rows = await run(
    em,
    liveInScope(
      sql(em)
        .distinct('p.agreement_id', 'a.code', 'a.status', 'a.party_scope')
        .from('annotation as a')
        .join('provision as p', 'p.id', 'a.provision_id')
        .join('agreement as ag', 'ag.id', 'p.agreement_id'),
      agreements,
    )
      .whereIn('a.status', statuses)
      .whereIn('a.code', codes),
  );
  return rows.map((row) => ({
    agreementId: sqlNumber(row.agreement_id),
    code: row.code as TaxonomyCodeId,
    status: row.status as AnnotationStatus,
    partyScope: row.party_scope == null ? null : sqlStringArray(row.party_scope),
  }));
}

/**
 * The group keys of every agreement in scope, one statement. Parties and regions are those of the parties each
 * agreement binds (`agreement_binding`: directly or through a bloc, never a territory).
 */
const GROUP_KEYS: Record<Exclude<TrendGroupBy, TrendGroupBy.YEAR>, (knex: Knex) => Statement> = {
  [TrendGroupBy.REGION]: (knex) =>
    boundParties(
      knex.distinct(
        'b.agreement_id',
        { key: 'p.region' },
        { label: 'p.region' },
        { party: 'p.code' },
        { partyName: 'p.name' },
        'b.via',
        'b.suspended_from',
        'b.suspended_until',
      ),
    ),
  [TrendGroupBy.AGREEMENT_TYPE]: (knex) =>
    knex
      .select('at.agreement_id', { key: 'at.type' }, { label: 'at.type' })
      .from('agreement_type as at')
      .join('agreement as ag', 'ag.id', 'at.agreement_id'),
  [TrendGroupBy.PARTY]: (knex) =>
    boundParties(
      knex.distinct(
        'b.agreement_id',
        { key: 'p.code' },
        { label: 'p.name' },
        { party: 'p.code' },
        { partyName: 'p.name' },
        'b.via',
        'b.suspended_from',
        'b.suspended_until',
      ),
    ),
};

/** The parties (alias `p`) each agreement (`ag`) binds (`b`) at some time: not those that signed only. */
const boundParties = (statement: Statement): Statement =>
  statement
    .from('agreement_binding as b')
    .join('agreement as ag', 'ag.id', 'b.agreement_id')
    .join('party as p', 'p.code', 'b.party_code')
    .where(boundAtSomeTime());

/**
 * (agreement, key, label) rows of the agreements in scope, with the bound party that puts the agreement in the
 * group, the bloc it is bound through and its suspension, if any (PARTY, REGION; null for a group that is not of
 * parties: the service leaves out a party suspended on its day, `suspendedOn`); the key may be null (a party
 * without a region).
 */
export async function groupKeysOf(
  em: EntityManager,
  groupBy: Exclude<TrendGroupBy, TrendGroupBy.YEAR>,
  agreements: AgreementScope,
): Promise<
  {
    agreementId: number;
    key: string | null;
    label: string;
    party: {
      code: string;
      name: string;
      via: string | null;
      suspendedFrom: string | null;
      suspendedUntil: string | null;
    } | null;
  }[]
> {
  const rows = await run(em, liveInScope(GROUP_KEYS[groupBy](sql(em)), agreements));
  return rows.map((row) => ({
    agreementId: sqlNumber(row.agreement_id),
    key: sqlString(row.key),
    label: String(row.label),
    party:
      row.party == null
        ? null
        : {
            code: String(row.party),
            name: String(row.partyName),
            via: sqlString(row.via),
            suspendedFrom: sqlString(row.suspended_from),
            suspendedUntil: sqlString(row.suspended_until),
          },
  }));
}
