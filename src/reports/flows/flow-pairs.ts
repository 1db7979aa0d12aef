import { PreferentialMechanism } from '../../annotations/annotation.enums';

/** What a pair's bars count of a flow: its provisions, accepted and proposed (`PreferentialFlow`'s counts). */
export interface PairFlow {
  grantor: { code: string; name: string };
  beneficiary: { code: string; name: string };
  mechanism: string;
  accepted: number;
  proposed: number;
}

/** The series of provisions resting on proposals only (without includeProposed): its own bars. */
export const PENDING_SERIES = 'PENDING';

export interface FlowPair<F extends PairFlow> {
  grantor: F['grantor'];
  beneficiary: F['beneficiary'];
  /** Provisions per series: a mechanism's code, or PENDING_SERIES. */
  counts: Map<string, number>;
  total: number;
}

/**
 * The grantor → beneficiary pairs of the flows with the PROVISIONS each counts per mechanism (with includeProposed,
 * every provision; without, the accepted ones, and the proposed ones as a series of their own), largest first; and
 * the series in use, mechanisms in their fixed order (`PreferentialMechanism`, the same in every language), the
 * pending series last. One count for the report's chart and CSV (`flows-document.ts`) and the flows page: the
 * page counted flows (EU → Antigua and Barbuda 4) where its download counted provisions (5).
 */
export function flowPairs<F extends PairFlow>(
  flows: readonly F[],
  includeProposed: boolean,
): { pairs: FlowPair<F>[]; series: string[] } {
  const pairs = new Map<string, FlowPair<F>>();
  for (const flow of flows) {
    const key = `${flow.grantor.code}\u0000${flow.beneficiary.code}`;
    const pair = pairs.get(key) ?? {
      grantor: flow.grantor,
      beneficiary: flow.beneficiary,
      counts: new Map<string, number>(),
      total: 0,
    };
    const add = (series: string, n: number) => {
      if (!n) return;
      pair.counts.set(series, (pair.counts.get(series) ?? 0) + n);
      pair.total += n;
    };
    add(flow.mechanism, includeProposed ? flow.accepted + flow.proposed : flow.accepted);
    if (!includeProposed) add(PENDING_SERIES, flow.proposed);
    pairs.set(key, pair);
  }
  const sorted = [...pairs.values()].sort(
    (a, b) =>
      b.total - a.total ||
      a.grantor.code.localeCompare(b.grantor.code) ||
      a.beneficiary.code.localeCompare(b.beneficiary.code),
  );
  const used = (series: string) => sorted.some((p) => p.counts.has(series));
  const series = [...Object.values(PreferentialMechanism), PENDING_SERIES].filter(used);
  return { pairs: sorted, series };
}
