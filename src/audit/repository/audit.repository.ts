import { EntityManager } from '@mikro-orm/knex';
import { Connection } from '../../common/pagination/connection.types';
import { KeysetColumn } from '../../common/pagination/keyset';
import { fetchPage, fetchPagesByParent, PageRequest } from '../../common/pagination/page-query';
import { Where } from '../../common/sql';
import { AuditEvent, AuditOutcome } from '../audit-event.entity';
import { AuditFilter } from '../dto/audit-filter.input';

const NEWEST_FIRST: KeysetColumn[] = [
  { column: 'e.id', direction: 'desc', nullable: false, type: 'integer' },
];

function auditWhere(filter: AuditFilter | null | undefined): Where {
  return (qb) => {
    if (!filter) return;
    if (filter.entityType) qb.where('e.entity_type', filter.entityType);
    if (filter.entityId) qb.where('e.entity_id', filter.entityId);
    if (filter.action) qb.where('e.action', filter.action);
    if (filter.actorKeyId != null) qb.where('e.actor_key_id', filter.actorKeyId);
    if (filter.outcome) qb.where('e.outcome', filter.outcome);
    if (filter.from) qb.where('e.at', '>=', filter.from);
    if (filter.to) qb.where('e.at', '<', filter.to);
  };
}

/** The read statements of the audit trail (its events are written through MikroORM by AuditService). */
export class AuditRepository {
  constructor(private readonly em: EntityManager) {}

  log(filter: AuditFilter | null | undefined, page: PageRequest): Promise<Connection<AuditEvent>> {
    return fetchPage(
      this.em,
      {
        entity: AuditEvent,
        table: 'audit_event as e',
        alias: 'e',
        where: [auditWhere(filter)],
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
        table: 'audit_event as e',
        alias: 'e',
        where: [(qb) => qb.where('e.outcome', AuditOutcome.SUCCESS)],
        order: NEWEST_FIRST,
      },
      'e.agreement_id',
      ids,
      page,
    );
  }
}
