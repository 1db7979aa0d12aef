import { setting } from '../config';
import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service';
import { budgetOf } from '../common/request-budget';
import { AccessRule } from './access.decorators';
import { AuthenticatedRequest } from './identity.middleware';
import { Role } from './role.enum';

export const publicReadAllowed = (): boolean => setting('PUBLIC_READ');

export interface Refusal {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  message: string;
  /** What the error's extensions carry beside the message (the rule that refused: `refusal: 'role'`). */
  details?: Record<string, unknown>;
}

/**
 * Who may call what (the rules of `access.decorators.ts`): deny by default; anonymous callers may read unless
 * PUBLIC_READ=false; a bad or revoked key is UNAUTHENTICATED even for reads. Used by AccessGuard (root fields
 * and routes) and by the field access check (nested GraphQL fields).
 */
@Injectable()
export class AccessPolicy {
  /**
   * The answer to a read rule, by request: it depends only on the caller and PUBLIC_READ, and a page of the read
   * path asks it for every nested field of every item (a setting read each time, about 1% of the request).
   */
  private readonly reads = new WeakMap<object, Refusal | null>();

  constructor(private readonly audit: AuditService) {}

  /** Why `req` may not call `target` under `rule`, or null when it may. */
  check(rule: AccessRule | undefined, req: AuthenticatedRequest, target: string): Refusal | null {
    if (!rule) return { code: 'FORBIDDEN', message: `${target} has no access rule` };
    if (rule.kind === 'public') return null;
    if (rule.kind === 'read') {
      let refusal = this.reads.get(req);
      if (refusal === undefined) this.reads.set(req, (refusal = this.readRefusal(req)));
      return refusal;
    }
    if (req.auth?.authError) return { code: 'UNAUTHENTICATED', message: req.auth.authError };
    const identity = req.auth?.identity ?? null;
    if (!identity)
      return { code: 'UNAUTHENTICATED', message: `${target} needs an API key (Authorization: Bearer <key>)` };
    if (identity.role === Role.ADMIN || rule.roles.includes(identity.role)) return null;
    return {
      code: 'FORBIDDEN',
      message: `${target} needs the role ${rule.roles.join(' or ')}; this key is ${identity.role}`,
      details: { refusal: 'role', roles: rule.roles, role: identity.role },
    };
  }

  private readRefusal(req: AuthenticatedRequest): Refusal | null {
    if (req.auth?.authError) return { code: 'UNAUTHENTICATED', message: req.auth.authError };
    return req.auth?.identity || publicReadAllowed()
      ? null
      : { code: 'UNAUTHENTICATED', message: 'an API key is required to read' };
  }

  /** Writes the refusal to the audit log, once per request (a query refused on many fields writes one row). */
  async recordRefusal(req: AuthenticatedRequest, target: string, refusal: Refusal): Promise<void> {
    const budget = budgetOf(req);
    if (budget.deniedAudited) return;
    budget.deniedAudited = true;
    await this.audit.recordDenied(
      { identity: req.auth?.identity ?? null, requestId: (req as { id?: string }).id ?? null },
      target,
      refusal.message,
    );
  }
}
