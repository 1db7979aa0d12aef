import { heavyQueryCost } from './heavy-work.gate';
import { connectionCost } from './pagination/connection.types';
/**
 * Query cost of plain (non-connection) lists: their bound times the cost of one item. A list resolved by a
 * resolver of its own (loaded per parent) must declare its bound with `complexity: listCost(...)`; one that
 * does not is charged DEFAULT_LIST_BOUND items (QueryCostPlugin), and a test fails on it.
 */
export const LIST_BOUNDS = {
  /** Party.members: the largest bloc (the European Union, 28 members with the United Kingdom) and room. */
  blocMembers: 40,
  /** Party.memberOf: blocs one party belongs or belonged to. */
  memberships: 10,
  /** Agreement.parties as listed (blocs as one party): the largest plurilateral agreements and room. */
  agreementParties: 60,
  /** Agreement.types. */
  agreementTypes: 10,
  /** Agreement.factSources: one per recorded fact. */
  factSources: 30,
  /** Agreement.related: protocols, amendments, successors. */
  agreementLinks: 30,
  /** Provision.annotations: the taxonomy has 10 codes, each proposed and reviewed a few times. */
  provisionAnnotations: 30,
  /** Query.taxonomy: the codes of the clause taxonomy (10). */
  taxonomyCodes: 20,
  /** CoherenceReport.outcomes: one per outcome state (5). */
  coherenceOutcomes: 5,
  /** Annotation.history: the latest events of one annotation (older ones through `auditLog`). */
  annotationHistory: 50,
} as const;

/**
 * A provision's full text, charged by its size rather than as one field: the corpus's texts are 717 characters at
 * the median and 1,129 on average (up to 90 kB), against a few dozen for any other field, and the answers the cost
 * limit allows are otherwise mostly texts (see Hardening in the README).
 */
export const PROVISION_TEXT_COST = 20;

/** Charged for a resolver-backed list that declares no bound (a safety net; the schema test forbids it). */
export const DEFAULT_LIST_BOUND = 100;

export const listCost =
  (bound: number) =>
  ({ childComplexity }: { childComplexity: number }): number =>
    bound * Math.max(1, childComplexity);

/**
 * The query cost of `Query.provisions`: a connection's, and with a `textContains` filter the cost of costly work
 * besides, as no index serves that filter: every text the other filters leave is read (`lower(text) like ...`;
 * on SQLite, for a letter outside ASCII, `glob`), 0.35 s on the ToTA corpus and 1.3 s with an accented letter.
 * Such an operation takes a turn at costly work (isHeavyQuery) and may hold one scan (two are over
 * MAX_QUERY_COST): until 7 December 2026 one cost 1, an anonymous request held 15 as aliases (6 s, or TIMEOUT at
 * 15 s with an accented letter), and three such clients held every other client's read 14 s at the median (SQLite's
 * one connection scanning). `Agreement.provisions` keeps a connection's cost: it reads its agreements' provisions
 * only.
 */
export const provisionsQueryCost = (options: {
  args: { first?: number | null; filter?: { textContains?: string | null } | null };
  childComplexity: number;
}): number => connectionCost(options) + (options.args.filter?.textContains ? heavyQueryCost() : 0);
