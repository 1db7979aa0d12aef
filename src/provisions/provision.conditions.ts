import { agreementConditions } from '../agreements/agreement.conditions';
import { annotationMatchConditions } from '../annotations/annotation.conditions';
import { OrderColumn } from '../common/pagination/keyset';
import { SortDirection } from '../common/sort-direction.enum';
import { containsCondition, sqlIn, SqlCondition } from '../common/sql';
import { ProvisionFilter } from './dto/provision-filter.input';
import { ProvisionOrder, ProvisionOrderField } from './dto/provision-order.input';

/** Provisions are listed `from provision pr join agreement a`, so agreement conditions apply to `a`. */
export const PROVISION_FROM = 'provision pr join agreement a on a."id" = pr."agreement_id"';

export function provisionConditions(
  filter: ProvisionFilter | null | undefined,
  path = 'filter',
): SqlCondition[] {
  if (!filter) return [];
  const conditions = agreementConditions(filter.agreement, 'a', `${path}.agreement`);
  if (filter.locations?.length) conditions.push(sqlIn('pr."location"', filter.locations));
  if (filter.languages?.length) conditions.push(sqlIn('pr."language"', filter.languages));
  conditions.push(...annotationMatchConditions(filter.annotations, 'pr."id"', 'provision'));
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
