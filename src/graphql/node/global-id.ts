import { BadUserInputError } from '../../common/errors';

/** The types whose `id` is a global id, and the property of an object of that type that its id encodes. */
export const NODE_KEYS = {
  Agreement: 'id',
  Provision: 'id',
  Annotation: 'id',
  AuditEvent: 'id',
  Party: 'code',
  TaxonomyCode: 'code',
} as const;

export type NodeType = keyof typeof NODE_KEYS;

const isNodeType = (type: string): type is NodeType => Object.hasOwn(NODE_KEYS, type);

/**
 * A global id: unique across types (an agreement, a provision and an annotation may share a database id), opaque
 * (base64url of `Type:key`) so that clients use it as given. Client caches (Apollo, urql, Relay) key on it.
 */
export function toGlobalId(type: NodeType, key: string | number): string {
  return Buffer.from(`${type}:${key}`, 'utf8').toString('base64url');
}

/** The type and key a global id names, or null when the text is not one of ours. */
export function fromGlobalId(given: string): { type: NodeType; key: string } | null {
  // The same id in standard base64 (with + / and = padding), as a client re-encoding it would write it.
  const id = /^[A-Za-z0-9+/]{1,200}={0,2}$/.test(given)
    ? given.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')
    : given;
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(id)) return null;
  const text = Buffer.from(id, 'base64url').toString('utf8');
  const colon = text.indexOf(':');
  const type = text.slice(0, colon);
  const key = text.slice(colon + 1);
  if (colon < 1 || !key || !isNodeType(type) || toGlobalId(type, key) !== id) return null;
  return { type, key };
}

/** The global id of an object of a Node type. */
export function globalIdOf(type: NodeType, source: Record<string, unknown>): string {
  return toGlobalId(type, String(source[NODE_KEYS[type]]));
}

/**
 * The database id an `id` argument names, for an argument that takes one type: its global id, or (as before
 * global ids) the bare database id. Null when it names nothing (the caller answers NOT_FOUND); the global id of
 * another type is bad input, named by `argument`.
 */
export function databaseIdOf(
  type: 'Agreement' | 'Provision' | 'Annotation',
  argument: string,
  id: string,
): number | null {
  const global = fromGlobalId(id);
  if (global && global.type !== type)
    throw new BadUserInputError(
      argument,
      `"${id}" is the id of an object of type ${global.type}, not ${type}`,
    );
  const key = Number(global ? global.key : id);
  return /^\d{1,15}$/.test(global ? global.key : id) && Number.isSafeInteger(key) ? key : null;
}
