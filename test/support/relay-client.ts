import {
  buildSchema,
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLSchema,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  commitMutation,
  ConcreteRequest,
  Environment,
  fetchQuery,
  Network,
  RecordSource,
  Store,
} from 'relay-runtime';
import { PROJECT_ROOT } from '../../src/common/paths';

let schema: GraphQLSchema | null = null;
let anonymous = 0;

/**
 * What relay-compiler would write for an operation: its reader and normalization ASTs, built from the committed
 * schema (which fields are lists, which types are concrete). Enough for plain fields and linked fields with
 * literal or variable arguments, which is what the client test sends.
 */
function concreteRequest(text: string): ConcreteRequest {
  schema ??= buildSchema(readFileSync(join(PROJECT_ROOT, 'schema.gql'), 'utf8'));
  const document = parse(text);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const name = operation.name?.value ?? `Anonymous${++anonymous}`;
  const typeInfo = new TypeInfo(schema);
  const fields = new Map<FieldNode, { plural: boolean; concreteType: string | null }>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const type = typeInfo.getType();
        const named = type ? getNamedType(type) : null;
        fields.set(node, {
          plural: Boolean(type && isListType(getNullableType(type))),
          concreteType: named && isObjectType(named) ? named.name : null,
        });
      },
    }),
  );
  const selections = (set: SelectionSetNode): unknown[] =>
    set.selections.map((selection) => {
      if (selection.kind !== Kind.FIELD) throw new Error('only fields are supported');
      const args = (selection.arguments ?? []).map((arg) =>
        arg.value.kind === Kind.VARIABLE
          ? { kind: 'Variable', name: arg.name.value, variableName: arg.value.name.value }
          : { kind: 'Literal', name: arg.name.value, value: valueFromASTUntyped(arg.value) },
      );
      const base = {
        alias: selection.alias?.value ?? null,
        name: selection.name.value,
        args: args.length ? args : null,
        storageKey: null,
      };
      if (!selection.selectionSet) return { kind: 'ScalarField', ...base };
      const { plural, concreteType } = fields.get(selection)!;
      return {
        kind: 'LinkedField',
        ...base,
        concreteType,
        plural,
        selections: selections(selection.selectionSet),
      };
    });
  const argumentDefinitions = (operation.variableDefinitions ?? []).map((v) => ({
    kind: 'LocalArgument',
    name: v.variable.name.value,
    defaultValue: null,
  }));
  const rootType = operation.operation === 'mutation' ? 'Mutation' : 'Query';
  const tree = selections(operation.selectionSet);
  return {
    kind: 'Request',
    fragment: {
      kind: 'Fragment',
      name,
      type: rootType,
      metadata: null,
      argumentDefinitions,
      selections: tree,
    },
    operation: { kind: 'Operation', name, argumentDefinitions, selections: tree },
    params: { cacheID: name, id: null, metadata: {}, name, operationKind: operation.operation, text },
  } as unknown as ConcreteRequest;
}

/**
 * relay-runtime's Environment, Network and Store, as a Relay app sets them up (its fetch function throws on a
 * response with errors, carrying the response as `source`).
 */
export function relayClient(url: string, headers: Record<string, string> = {}) {
  const network = Network.create(async (params, variables) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...headers },
      body: JSON.stringify({ query: params.text, variables }),
    });
    const json = (await res.json()) as { data?: unknown; errors?: { message: string }[] };
    if (json.errors?.length)
      throw Object.assign(new Error(json.errors.map((e) => e.message).join('; ')), { source: json });
    return json as never;
  });
  const environment = new Environment({ network, store: new Store(new RecordSource()) });
  return {
    query: (text: string, variables: Record<string, unknown> = {}) =>
      fetchQuery(environment, concreteRequest(text), variables, { fetchPolicy: 'network-only' }).toPromise(),
    mutate: (text: string, variables: Record<string, unknown>) =>
      new Promise<unknown>((resolve, reject) =>
        commitMutation(environment, {
          mutation: concreteRequest(text),
          variables,
          onCompleted: (response) => resolve(response),
          onError: reject,
        }),
      ),
  };
}
