import { EntityManager } from '@mikro-orm/knex';
import { agreementConditions } from '../../agreements/repository/agreement.conditions';
import { AgreementFilter } from '../../agreements/dto/agreement-filter.input';
import { annotationMatchConditions } from '../../annotations/repository/annotation.conditions';
import { and, sqlIn, SqlCondition } from '../../common/sql';
import type { AnnotationSelection, ExportSelection, ProvisionSelection } from '../export.service';
import { DbRow } from './agreement-record.repository';

/** SQL conditions on the `provision` table under `p` for a ProvisionSelection. */
function provisionConditions(selection: ProvisionSelection | undefined): SqlCondition[] {
  if (!selection) return [];
  const conditions: SqlCondition[] = [];
  if (selection.locations) conditions.push(sqlIn('p."location"', selection.locations));
  if (selection.languages) conditions.push(sqlIn('p."language"', selection.languages));
  conditions.push(...annotationMatchConditions(selection.annotations, 'p."id"', 'provision'));
  return conditions;
}

/** SQL conditions on the `annotation` table under `n` for an AnnotationSelection. */
function annotationConditions(selection: AnnotationSelection | undefined): SqlCondition[] {
  if (!selection) return [];
  const lists: [string, string[] | undefined][] = [
    ['code', selection.codes],
    ['status', selection.statuses],
    ['origin', selection.origins],
    ['binding_force', selection.bindingForces],
  ];
  return lists.filter(([, values]) => values).map(([column, values]) => sqlIn(`n."${column}"`, values!));
}

/**
 * The statements of the exports (CSV and JSON rows of agreements, provisions and annotations): plain rows, no
 * entities, a page of agreements at a time. Whole records are read by AgreementRecordRepository.
 */
export class ExportRepository {
  constructor(private readonly em: EntityManager) {}

  /** The ids of the agreements an AgreementFilter selects, in id order (BAD_USER_INPUT for a bad filter). */
  async agreementIds(filter: AgreementFilter): Promise<number[]> {
    const where = and(agreementConditions(filter, 'a', 'filter'));
    const rows = await this.em.execute<{ id: number }[]>(
      `select a."id" from agreement a where ${where.sql} order by a."id"`,
      where.params,
    );
    return rows.map((r) => Number(r.id));
  }

  /** The `agreement` rows of some agreements, by id. */
  async agreementFacts(ids: number[]): Promise<Map<number, DbRow>> {
    const inIds = sqlIn('"id"', ids);
    const rows = await this.em.execute<DbRow[]>(`select * from agreement where ${inIds.sql}`, inIds.params);
    return new Map(rows.map((r) => [Number(r.id), r]));
  }

  /** The types of each agreement, in type order. */
  typesPerAgreement(ids: number[]): Promise<Map<number, string[]>> {
    return this.listedPerAgreement('agreement_type', 'type', 'type', ids);
  }

  /** The party codes of each agreement, as the agreement lists them. */
  partiesPerAgreement(ids: number[]): Promise<Map<number, string[]>> {
    return this.listedPerAgreement('agreement_party', 'party_code', 'id', ids);
  }

  /** Values of `column` per agreement, in the order of `order` (a list column of the agreement CSV). */
  private async listedPerAgreement(
    table: string,
    column: string,
    order: string,
    ids: number[],
  ): Promise<Map<number, string[]>> {
    const inIds = sqlIn('"agreement_id"', ids);
    const rows = await this.em.execute<DbRow[]>(
      `select "agreement_id", "${column}" as value from ${table} where ${inIds.sql} order by "${order}"`,
      inIds.params,
    );
    const byAgreement = new Map<number, string[]>();
    for (const r of rows) {
      const id = Number(r.agreement_id);
      const values = byAgreement.get(id);
      if (values) values.push(r.value as string);
      else byAgreement.set(id, [r.value as string]);
    }
    return byAgreement;
  }

  /** The number of provisions and annotations of each agreement (`provisions`, `annotations`), by id. */
  async counts(ids: number[]): Promise<Map<number, DbRow>> {
    const inIds = sqlIn('p."agreement_id"', ids);
    const counts = await this.em.execute<DbRow[]>(
      `select p."agreement_id", count(distinct p."id") as provisions, count(n."id") as annotations
     from provision p left join annotation n on n."provision_id" = p."id"
     where ${inIds.sql} group by p."agreement_id"`,
      inIds.params,
    );
    return new Map(counts.map((c) => [Number(c.agreement_id), c]));
  }

  /** The selected annotations of some agreements with their provision's columns, provisions in record order. */
  annotationRows(ids: number[], selection: ExportSelection): Promise<DbRow[]> {
    const where = and([
      sqlIn('p."agreement_id"', ids),
      ...provisionConditions(selection.provisions),
      ...annotationConditions(selection.annotations),
    ]);
    return this.em.execute<DbRow[]>(
      `select p."agreement_id", p."key", p."location", p."article_number", p."article_title", p."external_id",
       n."code", n."detail", n."binding_force", n."confidence", n."status", n."origin", n."rule_id",
       n."evidence_start", n."evidence_end", n."evidence_quote"
     from annotation n join provision p on p."id" = n."provision_id"
     where ${where.sql}
     order by p."agreement_id", p."position", p."id", n."id"`,
      where.params,
    );
  }

  /** The selected provisions of some agreements, in record order. */
  provisionRows(ids: number[], selection: ExportSelection): Promise<DbRow[]> {
    const where = and([sqlIn('p."agreement_id"', ids), ...provisionConditions(selection.provisions)]);
    return this.em.execute<DbRow[]>(
      `select p."agreement_id", p."key", p."location", p."chapter_number", p."chapter_title", p."article_number",
       p."article_title", p."position", p."language", p."external_id", p."summary", p."text"
     from provision p
     where ${where.sql}
     order by p."agreement_id", p."position", p."id"`,
      where.params,
    );
  }
}
