import { Field, ID, InterfaceType } from '@nestjs/graphql';
import { NODE_KEYS } from './global-id';

/**
 * An object with a global id (Relay's Node): unique across every type, so that client caches can normalise the
 * object, and `node(id:)` / `nodes(ids:)` fetch it again. The id is computed by withGlobalIds.
 */
@InterfaceType('Node', {
  description: 'An object with an id that is unique across every type (fetch it again with node(id:))',
  resolveType: (value: object) => {
    const name = value.constructor?.name;
    return name && Object.hasOwn(NODE_KEYS, name) ? name : undefined;
  },
})
export abstract class Node {
  @Field(() => ID, { description: 'Unique across every type; opaque' })
  id!: string;
}
