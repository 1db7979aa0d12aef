import { agreementConditions } from '../../agreements/repository/agreement.conditions';
import { annotationMatchConditions } from '../../annotations/repository/annotation.conditions';
import { AnnotationMatch, DEFAULT_MATCH_STATUSES } from '../../annotations/dto/annotation-match.input';
import { OrderColumn } from '../../common/pagination/keyset';
import { SortDirection } from '../../common/sort-direction.enum';
import { and, containsCondition, sqlIn, SqlCondition } from '../../common/sql';
import { ProvisionFilter } from '../dto/provision-filter.input';
import { ProvisionOrder, ProvisionOrderField } from '../dto/provision-order.input';

/** Provisions are listed `from provision pr join agreement a`, so agreement conditions apply to `a`. */
export const PROVISION_FROM = 'provision pr join agreement a on a."id" = pr."agreement_id"';

export function provisionConditions(
  filter: ProvisionFilter | null | undefined,
  path = 'filter',
): SqlCondition[] {
  // Archived agreements are left out unless the filter asks for them, with or without a filter.
  const conditions = agreementConditions(filter?.agreement, 'a', `${path}.agreement`);
  if (!filter) return conditions;
  if (filter.locations?.length) conditions.push(sqlIn('pr."location"', filter.locations));
  if (filter.languages?.length) conditions.push(sqlIn('pr."language"', filter.languages));
  conditions.push(...annotationMatchConditions(filter.annotations, 'pr."id"', 'provision'));
  if (filter.bindingForces?.length)
    conditions.push(bindingForceCondition(filter.bindingForces, filter.annotations));
  if (filter.articleNumber) {
    const number = filter.articleNumber.replace(/^(article|art\.?|artículo|articulo)\s+/i, '').trim();
    conditions.push({
      sql: `(lower(pr."article_number") = lower(?) or lower(pr."article_number") like lower(?))`,
      params: [number, `% ${number}`],
    });
  }
  if (filter.textContains) {
    conditions.push(
      containsCondition(
        ['pr."text"', 'pr."summary"', 'pr."article_title"', 'pr."chapter_title"'],
        filter.textContains,
      ),
    );
  }
  return conditions;
}

/** Has an annotation with one of these binding forces, of the annotation filter's codes and statuses if any. */
function bindingForceCondition(forces: string[], match: AnnotationMatch | null | undefined): SqlCondition {
  const where = and([
    sqlIn('bf."binding_force"', forces),
    sqlIn('bf."status"', match?.statuses?.length ? match.statuses : DEFAULT_MATCH_STATUSES),
    ...(match?.codes?.length ? [sqlIn('bf."code"', match.codes)] : []),
  ]);
  return {
    sql: `pr."id" in (select bf."provision_id" from annotation bf where ${where.sql})`,
    params: where.params,
  };
}

export function provisionOrder(order: ProvisionOrder | null | undefined): OrderColumn[] {
  const direction = order?.direction ?? SortDirection.ASC;
  const tail: OrderColumn[] = [
    { sql: 'pr."agreement_id"', direction, nullable: false },
    { sql: 'pr."position"', direction, nullable: false },
    { sql: 'pr."id"', direction, nullable: false },
  ];
  if (order?.field === ProvisionOrderField.AGREEMENT_DATE_SIGNED) {
    return [{ sql: 'a."date_signed"', direction, nullable: true }, ...tail];
  }
  return tail;
}
