import { DocumentNode, Kind, OperationDefinitionNode, parse } from 'graphql';
import { asksOnlyMetaFields } from './query-cost.plugin';

/** A query of three fragments on Query, each spreading the one below `spreads` times, the last `{ <last> }`. */
function chained(spreads: number, last = '__typename'): { document: DocumentNode; lookups: () => number } {
  const fragments = [`fragment f0 on Query { ${last} }`];
  for (let i = 1; i <= 3; i++)
    fragments.push(
      `fragment f${i} on Query { ${Array(spreads)
        .fill(`...f${i - 1}`)
        .join(' ')} }`,
    );
  const parsed = parse(`{ ...f3 } ${fragments.join(' ')}`);
  // Every look among the document's definitions is counted.
  let lookups = 0;
  const definitions = new Proxy(parsed.definitions as DocumentNode['definitions'] & object, {
    get: (target, key, receiver) =>
      key === 'find'
        ? (...args: Parameters<(typeof target)['find']>) => {
            lookups++;
            return target.find(...args);
          }
        : Reflect.get(target, key, receiver),
  });
  return { document: { ...parsed, definitions }, lookups: () => lookups };
}

const selections = (document: DocumentNode) =>
  (document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode)
    .selectionSet.selections;

describe('asksOnlyMetaFields', () => {
  it('reads a fragment once however many times it is spread (three fragments of 240 spreads: 13.8 million reads)', () => {
    const meta = chained(40);
    expect(asksOnlyMetaFields(selections(meta.document), meta.document)).toBe(true);
    // 1 + 40 + 40^2 + 40^3 = 65,641 before; one per fragment after (and the operation's own lookup).
    expect(meta.lookups()).toBeLessThanOrEqual(5);
    const data = chained(40, 'agreements { totalCount }');
    expect(asksOnlyMetaFields(selections(data.document), data.document)).toBe(false);
  });
});
