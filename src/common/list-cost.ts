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
 * A provisions filter by `textContains` (`Query.provisions`, `Agreement.provisions`, `searchProvisions`) reads every
 * text the other filters leave, as no index serves it (`lower(text) like ...`; on SQLite, for a letter outside ASCII,
 * `glob`): 0.35 s on the ToTA corpus and 1.3 s with an accented letter, under a list of agreements as at the root.
 * An operation may hold MAX_TEXT_SCANS of them; each adds TEXT_SCAN_COST to the operation's cost (50 rate-limit
 * points, a report's) and makes it costly work that waits for its turn, whatever HEAVY_QUERY_COST says
 * (QueryCostPlugin). Until 7 December 2026 one cost 1 and an anonymous request held 15 as aliases (6 s, or TIMEOUT
 * at 15 s with an accented letter); three such clients held every other client's read 14 s at the median.
 */
export const TEXT_SCAN_COST = 5_000;
export const MAX_TEXT_SCANS = 1;
export const scansText = (args: { filter?: unknown }): boolean =>
  Boolean((args.filter as { textContains?: string | null } | null | undefined)?.textContains);
