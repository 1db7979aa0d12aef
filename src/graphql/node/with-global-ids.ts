import { GraphQLSchema, isObjectType } from 'graphql';
import { globalIdOf, NODE_KEYS, NodeType } from './global-id';

/**
 * Gives the `id` field of every Node type its global id (the entities hold their database key, which is what
 * every other part of the code uses). Applied once to the built schema, before any plugin wraps its fields.
 */
export function withGlobalIds(schema: GraphQLSchema): GraphQLSchema {
  for (const name of Object.keys(NODE_KEYS) as NodeType[]) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`Node type ${name} is not in the schema`);
    const id = type.getFields().id;
    if (!id) throw new Error(`Node type ${name} has no id field`);
    id.resolve = (source: Record<string, unknown>) => globalIdOf(name, source);
  }
  return schema;
}
