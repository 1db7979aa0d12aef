export const RATE_COST = 'clause-tracker:rate-cost';
/** Whether an operation or route takes a turn at costly work (set by `@RateCost` beside its points). */
export const HEAVY_TURN = 'clause-tracker:heavy-turn';

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

/**
 * The explorer's pages that draw a report (a party's page, the comparison, trends, flows), priced as a page
 * rather than as the report's file or GraphQL field (50): a person clicking through twenty of them in a minute is
 * not refused (ten party pages, a comparison, trends and flows, a few agreements and provisions and a search:
 * under 200 of an address's 300 points; at 50 a point, the seventh party page was refused), while a client
 * asking for them without pause is refused after 30 a minute. Measured on the ToTA corpus (5 December 2026): a
 * party page takes 0.07 to 0.6 s to serve (its coherence report kept 5 minutes), trends by region 0.64 s, an
 * agreement's page (1 point) 0.04 to 0.1 s; they still take a turn at costly work (`RateCost`'s `heavy`).
 */
export const REPORT_PAGE_COST = 10;

/** Whether an operation or route of these rate-limit points takes a turn at costly work (unless it says). */
export const takesHeavyTurn = (points: number | undefined): boolean =>
  points !== undefined && points >= RATE_COSTS.search;
