import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from 'graphql';

/**
 * The names of the fields a query selects on the value of the field being resolved, or at `path` below it
 * (`['party']`: the fields selected on its `party`), fragments included. `@skip` and `@include` are not read:
 * a field they leave out is still named (a read of it costs a column, never a wrong answer). Kept per field node
 * of the parsed document, which Apollo reuses for every request of the same query text.
 */
export function selectedFields(info: GraphQLResolveInfo, path: readonly string[] = []): ReadonlySet<string> {
  const cacheable = info.fieldNodes.length === 1;
  const key = path.join('.');
  const byPath = cacheable ? cache.get(info.fieldNodes[0]) : undefined;
  const cached = byPath?.get(key);
  if (cached) return cached;
  let sets = info.fieldNodes.map((node) => node.selectionSet).filter((s): s is SelectionSetNode => !!s);
  for (const name of path) {
    const below: SelectionSetNode[] = [];
    for (const set of sets)
      forEachField(info, set, (field) => {
        if (field.name.value === name && field.selectionSet) below.push(field.selectionSet);
      });
    sets = below;
  }
  const names = new Set<string>();
  for (const set of sets) forEachField(info, set, (field) => names.add(field.name.value));
  if (cacheable) {
    if (byPath) byPath.set(key, names);
    else cache.set(info.fieldNodes[0], new Map([[key, names]]));
  }
  return names;
}

const cache = new WeakMap<FieldNode, Map<string, ReadonlySet<string>>>();

function forEachField(
  info: GraphQLResolveInfo,
  set: SelectionSetNode,
  visit: (field: FieldNode) => void,
): void {
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) visit(selection);
    else if (selection.kind === Kind.INLINE_FRAGMENT) forEachField(info, selection.selectionSet, visit);
    else {
      const fragment = info.fragments[selection.name.value];
      if (fragment) forEachField(info, fragment.selectionSet, visit);
    }
  }
}
