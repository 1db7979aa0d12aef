import { BadUserInputError } from '../common/errors';
import { RelationKind } from './agreement.enums';

/** A relation between two agreements by their slugs: `from` is a protocol of / amends / supersedes / incorporates `to`. */
export interface RelationEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: RelationKind;
}

/**
 * Every relation says that one agreement comes after another (a protocol after what it is a protocol of, an
 * amendment after what it amends, a successor after what it supersedes or incorporates), so no chain of them,
 * whatever their kinds, may lead an agreement back to itself. Given the relations held and those an agreement is
 * to have instead of its own (`wanted`, in order), BAD_USER_INPUT naming the first wanted relation that would close
 * a loop, and the loop (the shortest chain back), or nothing.
 */
export function checkNoRelationCycle(
  held: readonly RelationEdge[],
  from: string,
  wanted: readonly { slug: string; relation: RelationKind }[],
): void {
  const out = new Map<string, RelationEdge[]>();
  for (const edge of held) {
    if (edge.from === from) continue; // replaced by the wanted ones
    out.set(edge.from, [...(out.get(edge.from) ?? []), edge]);
  }
  wanted.forEach((link, i) => {
    const chain = chainBetween(out, link.slug, from);
    if (chain)
      throw new BadUserInputError(
        `related.${i}`,
        `${from} ${link.relation} ${link.slug} makes a cycle (${describe(chain)}): an agreement cannot come before itself`,
        { relation: link.relation, cycle: chain.map((edge) => `${edge.from} ${edge.kind} ${edge.to}`) },
      );
  });
}

/** The shortest chain of relations from one agreement to another (breadth first), or null. */
function chainBetween(
  out: ReadonlyMap<string, RelationEdge[]>,
  start: string,
  end: string,
): RelationEdge[] | null {
  const via = new Map<string, RelationEdge | null>([[start, null]]);
  const queue = [start];
  for (let next = 0; next < queue.length; next++) {
    const at = queue[next];
    if (at === end) {
      const chain: RelationEdge[] = [];
      for (let edge = via.get(at); edge; edge = via.get(edge.from)) chain.unshift(edge);
      return chain;
    }
    for (const edge of out.get(at) ?? []) {
      if (via.has(edge.to)) continue;
      via.set(edge.to, edge);
      queue.push(edge.to);
    }
  }
  return null;
}

const describe = (chain: readonly RelationEdge[]): string =>
  [chain[0].from, ...chain.map((edge) => `${edge.kind} ${edge.to}`)].join(' ');
