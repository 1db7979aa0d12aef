import { MikroORM } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Injectable, Logger } from '@nestjs/common';
import { Identity } from '../auth/identity';
import { AuditEvent, AuditOutcome } from './audit-event.entity';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId: string | number;
  agreementId?: number | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason?: string | null;
}

export interface AuditActor {
  identity: Identity | null;
  requestId: string | null;
}

/** Writes the audit trail: changes inside the caller's transaction, refused attempts on their own. */
@Injectable()
export class AuditService {
  private readonly logger = new Logger(AuditService.name);

  constructor(private readonly orm: MikroORM) {}

  /** Records a change in the same transaction as the change itself (written when the transaction flushes). */
  record(em: EntityManager, actor: AuditActor, change: AuditChange): AuditEvent {
    return em.create(AuditEvent, this.changeFields(actor, change));
  }

  /**
   * Records a change in the same transaction as the change itself, written now (one insert) and kept out of the
   * transaction's unit of work: for a write that makes no managed entity (createAnnotation).
   */
  async insert(em: EntityManager, actor: AuditActor, change: AuditChange): Promise<void> {
    await em.insert(Object.assign(new AuditEvent(), this.changeFields(actor, change)));
  }

  private changeFields(actor: AuditActor, change: AuditChange) {
    return {
      ...this.actorFields(actor),
      action: change.action,
      entityType: change.entityType,
      entityId: String(change.entityId),
      agreementId: change.agreementId ?? null,
      before: change.before ?? null,
      after: change.after ?? null,
      reason: change.reason ?? null,
      outcome: AuditOutcome.SUCCESS,
    };
  }

  /** Records a refused attempt (no access, or a stale version); it survives the rolled-back change. */
  async recordDenied(
    actor: AuditActor,
    action: string,
    reason: string,
    target?: { entityType: string; entityId: string },
  ) {
    const em = this.orm.em.fork();
    em.create(AuditEvent, {
      ...this.actorFields(actor),
      action,
      entityType: target?.entityType ?? null,
      entityId: target?.entityId ?? null,
      outcome: AuditOutcome.DENIED,
      reason,
    });
    try {
      await em.flush();
    } catch (error) {
      // The refusal itself must still reach the client (e.g. UNAUTHENTICATED on a read-only database).
      this.logger.warn(`could not record the refused attempt ${action}: ${(error as Error).message}`);
    }
  }

  private actorFields(actor: AuditActor) {
    return {
      actorKeyId: actor.identity?.keyId ?? null,
      actorName: actor.identity?.name ?? null,
      actorRole: actor.identity?.role ?? null,
      requestId: actor.requestId,
    };
  }
}
