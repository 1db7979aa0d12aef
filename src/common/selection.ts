import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/** What the selection helpers read of a resolver's info: its field's nodes and the document's fragments. */
export type SelectionInfo = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>;

/**
 * The names of the fields a query selects on the value of the field being resolved, or at `path` below it
 * (`['party']`: the fields selected on its `party`), fragments included. `@skip` and `@include` are not read:
 * a field they leave out is still named (a read of it costs a column, never a wrong answer). Kept per field node
 * of the parsed document, which Apollo reuses for every request of the same query text.
 */
export function selectedFields(info: SelectionInfo, path: readonly string[] = []): ReadonlySet<string> {
  const cacheable = info.fieldNodes.length === 1;
  const key = path.join('.');
  const byPath = cacheable ? cache.get(info.fieldNodes[0]) : undefined;
  const cached = byPath?.get(key);
  if (cached) return cached;
  let sets = info.fieldNodes.map((node) => node.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const name of path) {
    const below: SelectionSetNode[] = [];
    const spread = new Set<string>();
    for (const set of sets)
      forEachField(info, set, spread, (field) => {
        if (field.name.value === name && field.selectionSet) below.push(field.selectionSet);
      });
    sets = below;
  }
  const names = new Set<string>();
  const spread = new Set<string>();
  for (const set of sets) forEachField(info, set, spread, (field) => names.add(field.name.value));
  if (cacheable) {
    if (byPath) byPath.set(key, names);
    else cache.set(info.fieldNodes[0], new Map([[key, names]]));
  }
  return names;
}

const cache = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

/**
 * Visits the fields of `set`, fragments included, each named fragment once (`spread`: those met already in this
 * selection), as graphql-js runs a selection (collectFields skips a fragment spread there before). Walked spread by
 * spread, three fragments each spreading the one below 240 times are 13.8 million walks of the last: a 4.5 kB
 * query held the event loop 4.3 s (hostile9).
 */
function forEachField(
  info: SelectionInfo,
  set: SelectionSetNode,
  spread: Set<string>,
  visit: (field: FieldNode) => void,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT)
      forEachField(info, selection.selectionSet, spread, visit);
    else if (!spread.has(selection.name.value)) {
      spread.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      if (fragment) forEachField(info, fragment.selectionSet, spread, visit);
    }
  }
}

/**
 * The nodes of the field `name` at `path` below `info`'s field, grouped by response key (its alias or name) as
 * graphql-js groups them for one resolver call (`SelectionInfo` of that field), fragments included; null when a
 * selection on the way carries a directive (`@skip`, `@include`: whether it runs is the execution's to say). For
 * reading ahead what a nested field will ask for (`RequestLoaders.preload`).
 */
export function fieldsAt(info: SelectionInfo, path: readonly string[], name: string): SelectionInfo[] | null {
  let directives = false;
  const nodesNamed = (sets: readonly SelectionSetNode[], wanted: string) => {
    const found: FieldNode[] = [];
    // Each named fragment once, as graphql-js groups the nodes of one field (see forEachField).
    const spread = new Set<string>();
    const walk = (set: SelectionSetNode) => {
      for (const selection of set.selections) {
        if (selection.directives?.length) directives = true;
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value === wanted) found.push(selection);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
        else if (!spread.has(selection.name.value)) {
          spread.add(selection.name.value);
          const fragment = info.fragments[selection.name.value];
          if (fragment) walk(fragment.selectionSet);
        }
      }
    };
    sets.forEach(walk);
    return found;
  };
  const setsOf = (fields: readonly FieldNode[]) =>
    fields.map((field) => field.selectionSet).filter((s): s is SelectionSetNode => !!s);
  let sets = setsOf(info.fieldNodes);
  for (const step of path) sets = setsOf(nodesNamed(sets, step));
  const byKey = new Map<string, FieldNode[]>();
  for (const field of nodesNamed(sets, name)) {
    const key = field.alias?.value ?? field.name.value;
    byKey.set(key, [...(byKey.get(key) ?? []), field]);
  }
  if (directives) return null;
  return [...byKey.values()].map((fieldNodes) => ({ fieldNodes, fragments: info.fragments }));
}
