export const RATE_COST = 'clause-tracker:rate-cost';

/**
 * The points of the costlier operations, in one place (the README's hardening table lists them). Set from what
 * each costs the server against a plain read (bench/abuse): an anonymous address (300 points a minute) gets
 * 15 searches or 6 reports a minute, as GitHub's search API allows 10 unauthenticated searches a minute, so that a
 * few clients asking only for the costliest operations cannot take the server from everyone else.
 */
export const RATE_COSTS = {
  /** Mutations: a write and its audit event. */
  write: 2,
  /** Full-text search, similar provisions, lineage, a word diff. */
  search: 20,
  /** A report (GraphQL or a file): it loads every agreement it covers. */
  report: 50,
  /** Checking a draft clause against the catalogue (a similarity search). */
  draftCheck: 20,
} as const;

/** Whether an operation or route of these rate-limit points takes a turn at costly work. */
export const takesHeavyTurn = (points: number | undefined): boolean =>
  points !== undefined && points >= RATE_COSTS.search;
