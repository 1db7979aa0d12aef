import { EntityManager } from '@mikro-orm/knex';
import { LIST_BOUNDS } from '../common/list-cost';
import { BadUserInputError } from '../common/errors';
import { Injectable } from '@nestjs/common';
import { Connection } from '../common/pagination/connection.types';
import { PageRequest } from '../common/pagination/page-query';
import { AuditEvent, AuditOutcome } from './audit-event.entity';
import { AuditFilter } from './dto/audit-filter.input';
import { AuditRepository } from './repository/audit.repository';

@Injectable()
export class AuditQueryService {
  private readonly repository: AuditRepository;

  constructor(private readonly em: EntityManager) {
    this.repository = new AuditRepository(em);
  }

  log(filter: AuditFilter | null | undefined, page: PageRequest): Promise<Connection<AuditEvent>> {
    // A range that holds no instant (to is exclusive) is a mistake, named as every other date range names it
    // (signedTo before signedFrom, trends' to before from), rather than answered as an empty log.
    if (filter?.from && filter.to && filter.to <= filter.from)
      throw new BadUserInputError(
        'filter.to',
        `must be after from (${filter.from.toISOString()}): the log lists the events at or after from and before to`,
      );
    return this.repository.log(filter, page);
  }

  /** The successful changes of each agreement (its provisions and annotations included), newest first. */
  historyOfAgreements(ids: readonly number[], page: PageRequest): Promise<Connection<AuditEvent>[]> {
    return this.repository.historyOfAgreements(ids, page);
  }

  /** The successful changes of each annotation, oldest first. */
  async historyOfAnnotations(ids: readonly number[]): Promise<AuditEvent[][]> {
    const events = await this.em.find(
      AuditEvent,
      { entityType: 'Annotation', entityId: { $in: ids.map(String) }, outcome: AuditOutcome.SUCCESS },
      { orderBy: { id: 'asc' } },
    );
    return ids.map((id) =>
      events.filter((e) => e.entityId === String(id)).slice(-LIST_BOUNDS.annotationHistory),
    );
  }
}
