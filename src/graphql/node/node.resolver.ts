import { EntityManager } from '@mikro-orm/knex';
import { OF_VISIBLE_AGREEMENT } from '../../agreements/repository/agreement-visibility';
import { Args, Context, ID, Query, Resolver } from '@nestjs/graphql';
import { Agreement } from '../../agreements/agreement.entity';
import { Annotation } from '../../annotations/annotation.entity';
import { AuditEvent } from '../../audit/audit-event.entity';
import { ReadAccess } from '../../auth/access.decorators';
import { ForbiddenError } from '../../common/errors';
import { AuthenticatedRequest } from '../../auth/identity.middleware';
import { Role } from '../../auth/role.enum';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { Party } from '../../parties/party.entity';
import { Provision } from '../../provisions/provision.entity';
import { TaxonomyCode } from '../../taxonomy/taxonomy-code.entity';
import { GraphQLContext } from '../graphql-context';
import { fromGlobalId, NODE_KEYS, NodeType } from './global-id';
import { Node } from './node.interface';

const ENTITIES = { Agreement, Provision, Annotation, AuditEvent, Party, TaxonomyCode } as const;

export const MAX_NODES = 100;

/** node(id:) and nodes(ids:): any object with a global id, fetched again (one query per type for nodes). */
@ReadAccess()
@Resolver()
export class NodeResolver {
  constructor(private readonly em: EntityManager) {}

  @Query(() => Node, { nullable: true, description: 'The object a global id names (NOT_FOUND when none)' })
  async node(@Args('id', { type: () => ID }) id: string, @Context() context: GraphQLContext) {
    return (await this.load([id], context.req as AuthenticatedRequest))[0];
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `The objects global ids name, in order (at most ${MAX_NODES}); an unknown id gives null and a NOT_FOUND error at its index`,
    complexity: ({ args, childComplexity }) =>
      Math.min(MAX_NODES, (args.ids as string[]).length) * Math.max(1, childComplexity),
  })
  async nodes(@Args('ids', { type: () => [ID] }) ids: string[], @Context() context: GraphQLContext) {
    if (ids.length > MAX_NODES)
      throw new BadUserInputError('ids', `at most ${MAX_NODES} ids (got ${ids.length})`);
    return this.load(ids, context.req as AuthenticatedRequest);
  }

  /** Each id's object, or a rejected promise (NOT_FOUND, FORBIDDEN) that becomes an error at its path. */
  private async load(ids: string[], req: AuthenticatedRequest): Promise<Promise<object>[]> {
    const parsed = ids.map(fromGlobalId);
    const byType = new Map<NodeType, Map<string, object>>();
    for (const type of new Set(parsed.flatMap((p) => (p ? [p.type] : [])))) {
      if (type === 'AuditEvent' && !this.mayReadAudit(req)) continue;
      const key = NODE_KEYS[type];
      const keys = parsed.flatMap((p) => (p?.type === type ? [p.key] : []));
      const values = key === 'id' ? keys.filter((k) => /^\d{1,15}$/.test(k)).map(Number) : keys;
      const found = (await this.em.find(
        ENTITIES[type] as never,
        {
          [key]: { $in: values },
          ...(OF_VISIBLE_AGREEMENT[type as keyof typeof OF_VISIBLE_AGREEMENT] ?? {}),
        } as never,
      )) as Record<string, unknown>[];
      byType.set(type, new Map(found.map((o) => [String(o[key]), o])));
    }
    return ids.map((id, i) => {
      const p = parsed[i];
      if (p?.type === 'AuditEvent' && !this.mayReadAudit(req))
        return Promise.reject(new ForbiddenError('audit events are for reviewers (REVIEWER or ADMIN)'));
      const found = p && byType.get(p.type)?.get(p.key);
      return found ? Promise.resolve(found) : Promise.reject(new NotFoundError('Node', id));
    });
  }

  private mayReadAudit(req: AuthenticatedRequest): boolean {
    const role = req.auth?.identity?.role;
    return role === Role.REVIEWER || role === Role.ADMIN;
  }
}
