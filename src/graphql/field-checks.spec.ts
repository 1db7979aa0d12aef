import { buildSchema, GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { AccessPolicy } from '../auth/access-policy';
import { AccessRule } from '../auth/access.decorators';
import { ForbiddenError } from '../common/errors';
import { RequestBudget } from '../common/request-budget';
import { instrumentSchemaFields, ORIGINAL_RESOLVER } from './field-checks';

const SDL = `
  type Query { item: Item }
  type Item { name: String  title: String  parts: [Part]  part: Part  secret: String }
  type Part { code: String }
`;

type Resolver = GraphQLFieldResolver<unknown, unknown>;

function schemaWith(resolvers: Record<string, Resolver>, rules = new Map<string, AccessRule | undefined>()) {
  const schema = buildSchema(SDL);
  const item = schema.getType('Item') as GraphQLObjectType;
  for (const [name, resolve] of Object.entries(resolvers)) item.getFields()[name].resolve = resolve;
  const audited: string[] = [];
  const policy = new AccessPolicy({
    recordDenied: async (_who: unknown, target: string) => void audited.push(target),
  } as never);
  instrumentSchemaFields(schema, rules, policy);
  return { schema, audited };
}

const fieldOf = (schema: GraphQLSchema, name: string) =>
  (schema.getType('Item') as GraphQLObjectType).getFields()[name] as ReturnType<
    GraphQLObjectType['getFields']
  >[string] & {
    [ORIGINAL_RESOLVER]?: Resolver;
  };

const call = (schema: GraphQLSchema, name: string, budget: RequestBudget, source: object = {}) =>
  fieldOf(schema, name).resolve!(source, {}, { req: { budget, auth: { identity: null } } }, {
    fieldName: name,
  } as never);

describe('instrumentSchemaFields (the per-field budget and access checks)', () => {
  it("passes a promise of an object or a list through untouched, counting the field's bytes when it is called", async () => {
    const parts = Promise.resolve([{ code: 'a' }]);
    const part = Promise.resolve({ code: 'b' });
    const { schema } = schemaWith({ parts: () => parts, part: () => part });
    const budget = new RequestBudget(60_000, 1_000);
    // The resolver's own promise: no promise of the wrapper's around it (each one costs the AsyncLocalStorage hooks).
    expect(call(schema, 'parts', budget)).toBe(parts);
    expect(budget.bytes).toBe('parts'.length + 3 + 6);
    expect(call(schema, 'part', budget)).toBe(part);
    expect(budget.bytes).toBe('parts'.length + 3 + 6 + 'part'.length + 3 + 6);
    await Promise.all([parts, part]);
  });

  it('counts a text resolved later by its length, and exhausts the budget past the cap', async () => {
    const { schema } = schemaWith({ title: async () => 'x'.repeat(40) });
    const budget = new RequestBudget(60_000, 50);
    await expect(call(schema, 'title', budget)).resolves.toHaveLength(40);
    expect(budget.bytes).toBe('title'.length + 3 + 40 + 2);
    expect(budget.exhausted).toBeNull();
    await call(schema, 'title', budget);
    expect(budget.exhausted).toBe('RESPONSE_TOO_LARGE');
    // Once spent, no resolver runs: the field answers the budget's error.
    await expect(call(schema, 'title', budget)).rejects.toMatchObject({ code: 'RESPONSE_TOO_LARGE' });
  });

  it('counts a property read at once, and keeps the resolver it wrapped', () => {
    const { schema } = schemaWith({});
    const budget = new RequestBudget(60_000, 1_000);
    expect(call(schema, 'name', budget, { name: 'abc' })).toBe('abc');
    expect(budget.bytes).toBe('name'.length + 3 + 5);
    expect(fieldOf(schema, 'name')[ORIGINAL_RESOLVER]).toBeDefined();
  });

  it('refuses a field by its access rule before its resolver runs, and audits the refusal once', async () => {
    let ran = 0;
    const { schema, audited } = schemaWith(
      { secret: () => `${++ran}` },
      new Map<string, AccessRule | undefined>([['Item.secret', { kind: 'roles', roles: [] }]]),
    );
    const budget = new RequestBudget(60_000, 1_000);
    await expect(call(schema, 'secret', budget)).rejects.toBeInstanceOf(Error);
    await expect(call(schema, 'secret', budget)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(ran).toBe(0);
    expect(audited).toEqual(['Item.secret']);
    expect(budget.bytes).toBe(0);
  });

  it('refuses a field without a rule, and refuses to start on a rule for a field the schema lacks', async () => {
    const { schema } = schemaWith({}, new Map([['Item.secret', undefined]]));
    await expect(call(schema, 'secret', new RequestBudget())).rejects.toBeInstanceOf(ForbiddenError);
    expect(() => schemaWith({}, new Map([['Item.missing', { kind: 'read' }]]))).toThrow(/Item.missing/);
  });
});
