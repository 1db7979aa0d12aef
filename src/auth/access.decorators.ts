import { SetMetadata } from '@nestjs/common';
import { Role } from './role.enum';

export const ACCESS_RULE = 'clause-tracker:access-rule';

/**
 * Who may call a resolver, field or route. Every one must carry a rule (on itself or its class): the guard
 * denies anything without one.
 */
export type AccessRule =
  | { kind: 'public' } // no key needed, even with PUBLIC_READ=false (health, the IDE's files)
  | { kind: 'read' } // anyone who may read: any valid key, or anonymous unless PUBLIC_READ=false
  | { kind: 'roles'; roles: Role[] }; // these roles (ADMIN always)

export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
export const ReadAccess = () => SetMetadata(ACCESS_RULE, { kind: 'read' } satisfies AccessRule);
export const RolesAllowed = (...roles: Role[]) =>
  SetMetadata(ACCESS_RULE, { kind: 'roles', roles } satisfies AccessRule);
