import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { OrderColumn } from '../../common/pagination/keyset';
import { fetchPage, fetchPagesByParent, PageRequest } from '../../common/pagination/page-query';
import { SqlCondition } from '../../common/sql';
import { AuditEvent, AuditOutcome } from '../audit-event.entity';
import { AuditFilter } from '../dto/audit-filter.input';

const NEWEST_FIRST: OrderColumn[] = [{ sql: 'e."id"', direction: 'desc', nullable: false }];

function auditConditions(filter: AuditFilter | null | undefined): SqlCondition[] {
  if (!filter) return [];
  const conditions: SqlCondition[] = [];
  const eq = (column: string, value: unknown) =>
    conditions.push({ sql: `e."${column}" = ?`, params: [value] });
  if (filter.entityType) eq('entity_type', filter.entityType);
  if (filter.entityId) eq('entity_id', filter.entityId);
  if (filter.action) eq('action', filter.action);
  if (filter.actorKeyId != null) eq('actor_key_id', filter.actorKeyId);
  if (filter.outcome) eq('outcome', filter.outcome);
  if (filter.from) conditions.push({ sql: 'e."at" >= ?', params: [filter.from] });
  if (filter.to) conditions.push({ sql: 'e."at" < ?', params: [filter.to] });
  return conditions;
}

/** The read statements of the audit trail (its events are written through MikroORM by AuditService). */
export class AuditRepository {
  constructor(private readonly em: EntityManager) {}

  log(filter: AuditFilter | null | undefined, page: PageRequest): Promise<Connection<AuditEvent>> {
    return fetchPage(
      this.em,
      {
        entity: AuditEvent,
        from: 'audit_event e',
        alias: 'e',
        conditions: auditConditions(filter),
        order: NEWEST_FIRST,
      },
      page,
    );
  }

  /** The successful changes of each agreement (its provisions and annotations included), newest first. */
  historyOfAgreements(ids: readonly number[], page: PageRequest): Promise<Connection<AuditEvent>[]> {
    return fetchPagesByParent(
      this.em,
      {
        entity: AuditEvent,
        from: 'audit_event e',
        alias: 'e',
        conditions: [{ sql: 'e."outcome" = ?', params: [AuditOutcome.SUCCESS] }],
        order: NEWEST_FIRST,
      },
      'e."agreement_id"',
      ids,
      page,
    );
  }
}
