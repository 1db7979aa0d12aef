import { Paramtype, PipeTransform, Type } from '@nestjs/common';
import { PIPES_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { DiscoveryService } from '@nestjs/core';
import {
  FieldNode,
  GraphQLFieldResolver,
  GraphQLResolveInfo,
  GraphQLSchema,
  isObjectType,
  Kind,
  ValueNode,
} from 'graphql';

// The metadata keys of @nestjs/graphql's @Resolver and @ResolveField (graphql.constants, which the package does
// not export).
const RESOLVER_TYPE_METADATA = 'graphql:resolver_type';
const RESOLVER_NAME_METADATA = 'graphql:resolver_name';
const RESOLVER_PROPERTY_METADATA = 'graphql:resolve_property';
const FIELD_RESOLVER_MIDDLEWARE_METADATA = 'graphql:field_resolver_middleware';

/** The kinds of parameter of @nestjs/graphql's parameter decorators (its GqlParamtype, not exported either). */
enum GqlParamtype {
  ROOT = 0,
  CONTEXT = 1,
  INFO = 2,
  ARGS = 3,
}

/** A method computing a nested field (`@ResolveField`), as `Type.field`, with the resolver it belongs to. */
export interface FieldMethod {
  target: string;
  methodName: string;
  instance: object;
  resolverClass: Type<unknown>;
  handler: (...params: unknown[]) => unknown;
}

/** Every `@ResolveField` method of the application's resolvers. Nest attaches them to `Type.field` by these names. */
export function fieldMethods(discovery: DiscoveryService): FieldMethod[] {
  const methods: FieldMethod[] = [];
  for (const wrapper of discovery.getProviders()) {
    const resolverClass = wrapper.metatype as Type<unknown> | null;
    if (!wrapper.instance || typeof resolverClass !== 'function') continue;
    const prototype = Object.getPrototypeOf(wrapper.instance) as Record<string, unknown>;
    for (const method of Object.getOwnPropertyNames(prototype)) {
      const handler = Object.getOwnPropertyDescriptor(prototype, method)?.value as FieldMethod['handler'];
      if (typeof handler !== 'function' || !Reflect.getMetadata(RESOLVER_PROPERTY_METADATA, handler))
        continue;
      const type = (Reflect.getMetadata(RESOLVER_TYPE_METADATA, handler) ??
        Reflect.getMetadata(RESOLVER_TYPE_METADATA, resolverClass)) as string;
      const field = (Reflect.getMetadata(RESOLVER_NAME_METADATA, handler) as string | undefined) ?? method;
      methods.push({
        target: `${type}.${field}`,
        methodName: method,
        instance: wrapper.instance as object,
        resolverClass,
        handler,
      });
    }
  }
  return methods;
}

/** A parameter declared with @Parent(), @Args(), @Context() or @Info(). */
interface DeclaredParameter {
  index: number;
  type: GqlParamtype;
  /** The argument's name (`@Args('filter')`); none for the whole arguments object (`@Args()`). */
  data?: string;
  metatype?: Type<unknown>;
}

/**
 * The parameters a method declares, in Nest's order (the last parameter first: the order in which the pipe checks
 * them, and so which refusal is answered), or null when it declares none. Pipes or field middleware of its own
 * are not supported (refused at start-up).
 */
function declaredParameters(method: FieldMethod): DeclaredParameter[] | null {
  const { resolverClass, handler, methodName: name } = method;
  const declared = Reflect.getMetadata(ROUTE_ARGS_METADATA, resolverClass, name) as
    Record<string, { index: number; data?: string; pipes?: unknown[] }> | undefined;
  if (!declared || !Object.keys(declared).length) return null;
  const ownPipes = [
    ...((Reflect.getMetadata(PIPES_METADATA, resolverClass) as unknown[] | undefined) ?? []),
    ...((Reflect.getMetadata(PIPES_METADATA, handler) as unknown[] | undefined) ?? []),
  ];
  const middleware = Reflect.getMetadata(FIELD_RESOLVER_MIDDLEWARE_METADATA, handler) as
    unknown[] | undefined;
  const types = (Reflect.getMetadata('design:paramtypes', resolverClass.prototype, name) ??
    []) as Type<unknown>[];
  const parameters = Object.entries(declared).map(([key, { index, data, pipes }]) => {
    if (pipes?.length || ownPipes.length || middleware?.length)
      throw new Error(`${method.target}: pipes or middleware of its own are not supported on a nested field`);
    return { index, type: Number(key.split(':')[0]) as GqlParamtype, data, metatype: types[index] };
  });
  return parameters;
}

const valueOf = (
  { type, data }: DeclaredParameter,
  source: unknown,
  args: Record<string, unknown>,
  context: unknown,
  info: GraphQLResolveInfo,
): unknown => {
  switch (type) {
    case GqlParamtype.ROOT:
      return source;
    case GqlParamtype.ARGS:
      return data ? args[data] : args;
    case GqlParamtype.CONTEXT:
      return data ? (context as Record<string, unknown>)[data] : context;
    case GqlParamtype.INFO:
      return data ? (info as unknown as Record<string, unknown>)[data] : info;
  }
};

/** A field's checked arguments, or why they were refused; a promise while the check runs. */
type Checked = { values: Map<number, unknown> } | { error: unknown };

const holdsVariable = (value: ValueNode): boolean =>
  value.kind === Kind.VARIABLE ||
  (value.kind === Kind.LIST && value.values.some(holdsVariable)) ||
  (value.kind === Kind.OBJECT && value.fields.some((f) => holdsVariable(f.value)));

/** Whether a field node's arguments are all written in the document (no variable): the same in every request. */
const literalOnly = new WeakMap<FieldNode, boolean>();
const isLiteralOnly = (node: FieldNode): boolean => {
  let known = literalOnly.get(node);
  if (known === undefined)
    literalOnly.set(node, (known = !(node.arguments ?? []).some((a) => holdsVariable(a.value))));
  return known;
};

/**
 * Lets every nested field whose method declares its parameters (@Parent(), @Args(), @Context()) be called
 * directly, as Nest calls the methods that declare none, instead of through Nest's parameter pipeline (a dozen
 * promises, execution contexts and the validation pipe on every parameter, for every call and item of a list).
 * The arguments still go through the application's validation pipe, with the same metadata as Nest gives it, so
 * they are refused with the same BAD_USER_INPUT naming the argument; but once per field of the operation and its
 * variables (graphql-js reads a field's arguments from its first node and the variables, whatever its parent),
 * not once per parent: a list of 50 agreements checks `provisions(first: 3)` once; and arguments accepted for a
 * field node written without variables once per query text (its parsed document, which Apollo keeps).
 */
export function resolveNestedFieldsDirectly(
  schema: GraphQLSchema,
  methods: FieldMethod[],
  pipe: PipeTransform,
): GraphQLSchema {
  const byTarget = new Map(methods.map((m) => [m.target, m]));
  // By the operation's coerced variables (one object per execution), then by the field's node.
  const checked = new WeakMap<object, Map<FieldNode, Checked | Promise<Checked>>>();
  // Arguments accepted for a field node without variables, by node: Apollo keeps one parsed document per query
  // text, so the next request of the same text finds its arguments checked and calls the method at once, where a
  // pending check made each item of a list wait on a promise (each promise costs every AsyncLocalStorage's hook).
  // A refusal is not kept: it is checked again, and refused again, with each request.
  const accepted = new WeakMap<FieldNode, Checked>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const method = byTarget.get(`${type.name}.${field.name}`);
      const parameters = method && declaredParameters(method);
      if (!method || !parameters) continue;
      const { instance, handler } = method;
      const inputs = parameters.filter((p) => p.type === GqlParamtype.ARGS);

      const check = async (args: Record<string, unknown>, info: GraphQLResolveInfo): Promise<Checked> => {
        const values = new Map<number, unknown>();
        try {
          await Promise.all(
            inputs.map(async (p) => {
              // As Nest gives it: the pipe tells GraphQL arguments by their numeric type (GqlParamtype.ARGS).
              const metadata = { type: p.type as unknown as Paramtype, data: p.data, metatype: p.metatype };
              values.set(p.index, await pipe.transform(valueOf(p, null, args, null, info), metadata));
            }),
          );
          return { values };
        } catch (error) {
          return { error };
        }
      };
      // A refusal is a rejected promise, as from Nest's pipeline: graphql-js then completes the list's other items.
      const call = (result: Checked, source: unknown, context: unknown, info: GraphQLResolveInfo) => {
        if ('error' in result) return Promise.reject(result.error);
        const params: unknown[] = [];
        for (const p of parameters)
          params[p.index] =
            p.type === GqlParamtype.ARGS ? result.values.get(p.index) : valueOf(p, source, {}, context, info);
        try {
          return handler.apply(instance, params);
        } catch (error) {
          return Promise.reject(error);
        }
      };

      const unchecked: Checked = { values: new Map() };
      const resolve: GraphQLFieldResolver<unknown, unknown> = (source, args, context, info) => {
        if (!inputs.length) return call(unchecked, source, context, info);
        const node = info.fieldNodes[0];
        const known = accepted.get(node);
        if (known) return call(known, source, context, info);
        let byNode = checked.get(info.variableValues);
        if (!byNode) checked.set(info.variableValues, (byNode = new Map()));
        let result = byNode.get(node);
        if (!result) {
          const pending = check(args, info).then((settled) => {
            byNode.set(node, settled);
            if ('values' in settled && isLiteralOnly(node)) accepted.set(node, settled);
            return settled;
          });
          byNode.set(node, pending);
          result = pending;
        }
        return result instanceof Promise
          ? result.then((settled) => call(settled, source, context, info))
          : call(result, source, context, info);
      };
      field.resolve = resolve;
    }
  }
  return schema;
}
