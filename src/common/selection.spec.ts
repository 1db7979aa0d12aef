import { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { fieldsAt, SelectionInfo, selectedFields } from './selection';

/**
 * A query of `levels` fragments, each spreading the one below `spreads` times: graphql-js runs each fragment once
 * per selection set (it skips a fragment already spread there), so the query selects one field; walked spread by
 * spread, it is spreads^levels walks of the last fragment (240^3, 13.8 million, in a 4.5 kB query that passes the
 * depth, alias and token limits: it held the event loop 4.3 s before answering).
 */
function chained(levels: number, spreads: number) {
  const fragments = ['fragment f0 on Agreement { slug }'];
  for (let i = 1; i <= levels; i++)
    fragments.push(
      `fragment f${i} on Agreement { ${Array(spreads)
        .fill(`...f${i - 1}`)
        .join(' ')} }`,
    );
  const document = parse(
    `{ agreements { edges { node { ...f${levels} party { ...f${levels} } } } } } ${fragments.join(' ')}`,
  );
  const operation = document.definitions[0] as OperationDefinitionNode;
  const field = operation.selectionSet.selections[0] as FieldNode;
  // Every fragment looked up is counted.
  let lookups = 0;
  const byName = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const fragmentsProxy = new Proxy(byName, {
    get: (target, name: string) => {
      lookups++;
      return target[name];
    },
  });
  const info: SelectionInfo = { fieldNodes: [field], fragments: fragmentsProxy };
  return { info, lookups: () => lookups };
}

describe('selection helpers', () => {
  it('read a fragment once per selection set, as graphql-js runs it, however many times it is spread', () => {
    const { info, lookups } = chained(3, 40);
    expect([...selectedFields(info, ['edges', 'node'])].sort()).toEqual(['party', 'slug']);
    // 40 + 40^2 + 40^3 = 65,640 lookups spread by spread; each fragment once per selection set read.
    expect(lookups()).toBeLessThanOrEqual(3 * 4);
    const before = lookups();
    const found = fieldsAt(info, ['edges', 'node'], 'slug');
    expect(found?.map((f) => f.fieldNodes.length)).toEqual([1]);
    expect(lookups() - before).toBeLessThanOrEqual(3 * 4);
  });
});
