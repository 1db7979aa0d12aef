// Studies source attribution offline on a dump of bench/similarity/attribution-dump.ts: for each labelled member,
// the labelled source, the service's pick, and the scores of every earlier candidate; then the share of sources
// right under the current rule and under alternatives.
//   node -r ts-node/register bench/similarity/attribution.ts <dump.json> [--detail] [--df <corpus.sqlite>]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sortedJaccard } from '../../src/search/similar/sorted-jaccard';
import { verbatimFeatures } from '../../src/search/wording/clause-index';
import { FamilyMemberInput, linkFamily } from '../../src/search/wording/clause-family';
import { wordingFeatures, wordingTokens } from '../../src/search/wording/wording-features';
import type { DumpedMember, DumpedQuery } from './attribution-dump';
import { RawSqlite } from '../search/raw-sqlite';
import { comparisonText } from '../../src/search/sync/provision-index-rows';

const args = process.argv.slice(2);
const file = args[0];
const queries = JSON.parse(readFileSync(file, 'utf8')) as DumpedQuery[];
const detail = args.includes('--detail');
const dfDb = args.includes('--df') ? args[args.indexOf('--df') + 1] : null;

interface Feat {
  w: Uint32Array;
  v: Uint32Array;
  tokens: string[];
  uni: Set<string>;
  bi: Set<string>;
  tri: Set<string>;
}
const cache = new Map<number, Feat>();
function grams(tokens: string[], n: number): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + n <= tokens.length; i += 1) out.add(tokens.slice(i, i + n).join(' '));
  return out;
}
function feat(m: DumpedMember): Feat {
  if (!cache.has(m.id)) {
    const tokens = wordingTokens(m.text);
    cache.set(m.id, {
      w: wordingFeatures(m.text),
      v: verbatimFeatures(m.text),
      tokens,
      uni: grams(tokens, 1),
      bi: grams(tokens, 2),
      tri: grams(tokens, 3),
    });
  }
  return cache.get(m.id)!;
}

/** Corpus document frequency of the content-word n-grams (1 to 3) of the family members. */
async function corpusDf(): Promise<Map<string, number>> {
  const cacheFile = `${file}.df.json`;
  if (existsSync(cacheFile))
    return new Map(JSON.parse(readFileSync(cacheFile, 'utf8')) as [string, number][]);
  const wanted = new Map<string, number>();
  for (const q of queries)
    for (const m of q.members) {
      const f = feat(m);
      for (const s of [f.uni, f.bi, f.tri]) for (const g of s) wanted.set(g, 0);
    }
  const db = await RawSqlite.open(dfDb!);
  const rows = await db.all<{ text: string | null; summary: string | null }>(
    'select "text", "summary" from "provision"',
  );
  await db.close();
  for (const row of rows) {
    const tokens = wordingTokens(comparisonText(row));
    const seen = new Set<string>();
    for (let n = 1; n <= 3; n += 1)
      for (let i = 0; i + n <= tokens.length; i += 1) {
        const g = tokens.slice(i, i + n).join(' ');
        if (wanted.has(g) && !seen.has(g)) {
          seen.add(g);
          wanted.set(g, wanted.get(g)! + 1);
        }
      }
  }
  writeFileSync(cacheFile, JSON.stringify([...wanted]));
  console.log(`corpus df over ${rows.length} provisions`);
  return wanted;
}

function memberInputs(q: DumpedQuery): FamilyMemberInput[] {
  return q.members.map((m) => ({ ...m, features: feat(m).w, wording: feat(m).w, verbatim: feat(m).v }));
}

/** The rule before 2026-12-03's change: the mean of Jaccard and of the share of the member's features found. */
function sourceRank(member: Uint32Array, earlier: Uint32Array): number {
  const j = sortedJaccard(member, earlier);
  if (!member.length) return j;
  const common = (j * (member.length + earlier.length)) / (1 + j);
  return (j + common / member.length) / 2;
}

interface Candidate {
  m: DumpedMember;
  shared: number;
  sharedAll: boolean;
  days: number;
}
interface Context {
  member: DumpedMember;
  candidates: Candidate[];
  family: DumpedMember[];
  df: Map<string, number> | null;
  corpusSize: number;
}
type Rule = (c: Context) => DumpedMember | null;

const days = (a: string | null, b: string | null) =>
  a && b ? (Date.parse(a) - Date.parse(b)) / 86_400_000 : Infinity;

/** The candidates of each labelled member in its own family query, in the order linkFamily reads them. */
function contexts(df: Map<string, number> | null): { q: DumpedQuery; c: Context }[] {
  const out: { q: DumpedQuery; c: Context }[] = [];
  for (const q of queries) {
    if (q.labelledSource === null) continue;
    const seed = q.members.find((m) => m.pinpoint === q.seed)!;
    const inputs = memberInputs(q);
    const links = linkFamily(inputs, seed.id);
    const order = new Map(links.map((l, i) => [l.id, i]));
    const byId = new Map(q.members.map((m) => [m.id, m]));
    const ordered = links.map((l) => byId.get(l.id)!);
    const at = order.get(seed.id)!;
    const candidates = ordered
      .slice(0, at)
      .filter((m) => m.agreementId !== seed.agreementId)
      .map((m) => {
        const shared = m.parties.filter((p) => seed.parties.includes(p)).length;
        return {
          m,
          shared,
          sharedAll: shared > 0 && shared === m.parties.length && shared === seed.parties.length,
          days: days(seed.dateSigned, m.dateSigned),
        };
      });
    out.push({ q, c: { member: seed, candidates, family: ordered, df, corpusSize: 40_993 } });
  }
  return out;
}

/** Best by score, ties to the later candidate. */
function argmax(cands: Candidate[], score: (c: Candidate) => number): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const c of cands) {
    const s = score(c);
    if (s >= bestScore) [best, bestScore] = [c, s];
  }
  return best;
}

/** Prefer a candidate sharing more parties when it scores within margin of the best. */
function withParties(
  cands: Candidate[],
  score: (c: Candidate) => number,
  margin: number,
  mode: 'any' | 'most',
): Candidate | null {
  const best = argmax(cands, score);
  if (!best || margin <= 0) return best;
  const top = score(best);
  const close = cands.filter((c) => score(c) >= top - margin);
  if (mode === 'any') {
    if (best.shared > 0) return best;
    return (
      argmax(
        close.filter((c) => c.shared > 0),
        score,
      ) ?? best
    );
  }
  const most = Math.max(...close.map((c) => c.shared));
  return argmax(
    close.filter((c) => c.shared === most),
    score,
  );
}

function containment(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n += 1;
  return n;
}

/** Sum of weights of the member's n-grams found in the candidate. */
function weighted(
  member: DumpedMember,
  cand: DumpedMember,
  weight: (g: string) => number,
  ns: (keyof Feat)[],
  norm: 'member' | 'union' | 'none',
): number {
  let shared = 0;
  let memberTotal = 0;
  let candTotal = 0;
  for (const n of ns) {
    const a = feat(member)[n] as Set<string>;
    const b = feat(cand)[n] as Set<string>;
    for (const g of a) {
      const w = weight(g);
      memberTotal += w;
      if (b.has(g)) shared += w;
    }
    for (const g of b) candTotal += weight(g);
  }
  if (norm === 'member') return memberTotal ? shared / memberTotal : 0;
  if (norm === 'union') return shared / (memberTotal + candTotal - shared || 1);
  return shared;
}
void containment;

function rules(): Record<string, Rule> {
  const W = (c: Context) => (x: Candidate) => sortedJaccard(feat(c.member).w, feat(x.m).w);
  const V = (c: Context) => (x: Candidate) => sortedJaccard(feat(c.member).v, feat(x.m).v);
  const R = (c: Context) => (x: Candidate) => sourceRank(feat(c.member).w, feat(x.m).w);
  const corpusIdf = (c: Context) => (g: string) => Math.log((c.corpusSize + 1) / ((c.df?.get(g) ?? 0) + 1));
  /** Family rarity: in how many of the earlier candidates' agreements the n-gram occurs. */
  const familyIdf = (c: Context) => {
    const counts = new Map<string, number>();
    const agreements = new Map<number, Set<string>>();
    for (const x of c.candidates) {
      const set = agreements.get(x.m.agreementId) ?? new Set<string>();
      const f = feat(x.m);
      for (const s of [f.uni, f.bi, f.tri]) for (const g of s) set.add(g);
      agreements.set(x.m.agreementId, set);
    }
    for (const set of agreements.values()) for (const g of set) counts.set(g, (counts.get(g) ?? 0) + 1);
    const n = agreements.size;
    return (g: string) => Math.log((n + 1) / ((counts.get(g) ?? 0) + 0.5));
  };
  const out: Record<string, Rule> = {
    previous: (c) => withParties(c.candidates, R(c), 0.05, 'any')?.m ?? null,
    implemented: (c) => {
      const q = queries.find((x) => x.seed === c.member.pinpoint && x.members.includes(c.member))!;
      const link = linkFamily(memberInputs(q), c.member.id).find((l) => l.id === c.member.id)!;
      return c.family.find((m) => m.id === link.sourceId) ?? null;
    },
    W: (c) => argmax(c.candidates, W(c))?.m ?? null,
    V: (c) => argmax(c.candidates, V(c))?.m ?? null,
    'W+any.05': (c) => withParties(c.candidates, W(c), 0.05, 'any')?.m ?? null,
    'W+most.05': (c) => withParties(c.candidates, W(c), 0.05, 'most')?.m ?? null,
    'V+most.05': (c) => withParties(c.candidates, V(c), 0.05, 'most')?.m ?? null,
    'W+V': (c) => argmax(c.candidates, (x) => W(c)(x) + V(c)(x))?.m ?? null,
    'W+V+most.05': (c) => withParties(c.candidates, (x) => (W(c)(x) + V(c)(x)) / 2, 0.05, 'most')?.m ?? null,
  };
  const common = (a: Uint32Array, b: Uint32Array) => {
    const j = sortedJaccard(a, b);
    return (j * (a.length + b.length)) / (1 + j);
  };
  const mix = (alpha: number) => (c: Context) => (x: Candidate) => {
    const a = feat(c.member).w;
    const b = feat(x.m).w;
    return (1 - alpha) * sortedJaccard(a, b) + (alpha * common(a, b)) / a.length;
  };
  /** Other parties' agreements signed less than `lag` days before are not possible sources. */
  const lagged = (c: Context, lag: number) => c.candidates.filter((x) => x.shared > 0 || x.days >= lag);
  /** Candidates scored by their agreement: the union of that agreement's earlier members' features. */
  const unionScore = (c: Context, alpha: number) => {
    const byAgreement = new Map<number, Set<number>>();
    for (const x of c.candidates) {
      const set = byAgreement.get(x.m.agreementId) ?? new Set<number>();
      for (const f of feat(x.m).w) set.add(f);
      byAgreement.set(x.m.agreementId, set);
    }
    const own = feat(c.member).w;
    return (x: Candidate) => {
      const u = byAgreement.get(x.m.agreementId)!;
      let n = 0;
      for (const f of own) if (u.has(f)) n += 1;
      const j = n / (own.length + u.size - n);
      // Within the agreement, the closest member.
      return (1 - alpha) * j + (alpha * n) / own.length + 1e-6 * sortedJaccard(own, feat(x.m).w);
    };
  };
  for (const alpha of [0, 0.25, 0.5, 0.75, 1]) {
    out[`mix${alpha}`] = (c) => argmax(c.candidates, mix(alpha)(c))?.m ?? null;
    out[`mix${alpha}+any.05`] = (c) => withParties(c.candidates, mix(alpha)(c), 0.05, 'any')?.m ?? null;
    out[`mix${alpha}+most.05`] = (c) => withParties(c.candidates, mix(alpha)(c), 0.05, 'most')?.m ?? null;
    out[`mix${alpha}+most.05+lag90`] = (c) =>
      withParties(lagged(c, 90), mix(alpha)(c), 0.05, 'most')?.m ?? null;
    out[`union${alpha}`] = (c) => argmax(c.candidates, unionScore(c, alpha))?.m ?? null;
    out[`union${alpha}+most.05+lag90`] = (c) =>
      withParties(lagged(c, 90), unionScore(c, alpha), 0.05, 'most')?.m ?? null;
  }
  const WV = (c: Context) => (x: Candidate) => (W(c)(x) + V(c)(x)) / 2;
  for (const lag of [0, 30, 90, 180, 365])
    for (const margin of [0.03, 0.05, 0.08, 0.1])
      for (const mode of ['any', 'most'] as const) {
        out[`WV+${mode}${margin}+lag${lag}`] = (c) =>
          withParties(lagged(c, lag), WV(c), margin, mode)?.m ?? null;
        out[`W+${mode}${margin}+lag${lag}`] = (c) =>
          withParties(lagged(c, lag), W(c), margin, mode)?.m ?? null;
        out[`R+${mode}${margin}+lag${lag}`] = (c) =>
          withParties(lagged(c, lag), R(c), margin, mode)?.m ?? null;
        out[`V+${mode}${margin}+lag${lag}`] = (c) =>
          withParties(lagged(c, lag), V(c), margin, mode)?.m ?? null;
      }
  /**
   * Exclusive evidence: the corpus-IDF mass of the member's content-word n-grams that this candidate's agreement
   * shares with it and no other earlier candidate's agreement does, as a share of the member's IDF mass.
   */
  const exclusive = (c: Context, ns: (keyof Feat)[]) => {
    const idf = corpusIdf(c);
    const holders = new Map<string, Set<number>>();
    for (const x of c.candidates)
      for (const n of ns)
        for (const g of feat(x.m)[n] as Set<string>)
          if ((feat(c.member)[n] as Set<string>).has(g)) {
            const set = holders.get(g) ?? new Set<number>();
            set.add(x.m.agreementId);
            holders.set(g, set);
          }
    let mass = 0;
    for (const n of ns) for (const g of feat(c.member)[n] as Set<string>) mass += idf(g);
    return (x: Candidate) => {
      let own = 0;
      for (const [g, set] of holders)
        if (
          set.size === 1 &&
          set.has(x.m.agreementId) &&
          (feat(x.m).uni.has(g) || feat(x.m).bi.has(g) || feat(x.m).tri.has(g))
        )
          own += idf(g);
      return mass ? own / mass : 0;
    };
  };
  for (const beta of [0.25, 0.5, 1, 2, 4])
    for (const [name, ns] of [
      ['2', ['bi']],
      ['3', ['tri']],
      ['23', ['bi', 'tri']],
    ] as [string, (keyof Feat)[]][]) {
      out[`WV+excl${name}x${beta}+most.05+lag90`] = (c) => {
        const ex = exclusive(c, ns);
        return withParties(lagged(c, 90), (x) => WV(c)(x) + beta * ex(x), 0.05, 'most')?.m ?? null;
      };
    }
  for (const [name, ns] of [
    ['1', ['uni']],
    ['12', ['uni', 'bi']],
    ['123', ['uni', 'bi', 'tri']],
    ['23', ['bi', 'tri']],
    ['3', ['tri']],
  ] as [string, (keyof Feat)[]][]) {
    for (const norm of ['member', 'union', 'none'] as const) {
      out[`corpusIdf${name}/${norm}`] = (c) =>
        argmax(c.candidates, (x) => weighted(c.member, x.m, corpusIdf(c), ns, norm))?.m ?? null;
      out[`familyIdf${name}/${norm}`] = (c) => {
        const idf = familyIdf(c);
        return argmax(c.candidates, (x) => weighted(c.member, x.m, idf, ns, norm))?.m ?? null;
      };
    }
  }
  return out;
}

async function main(): Promise<void> {
  const df = dfDb ? await corpusDf() : null;
  const all = contexts(df);
  const table = rules();
  const results: [string, number, string[]][] = [];
  for (const [name, rule] of Object.entries(table)) {
    if (!df && name.startsWith('corpus')) continue;
    let right = 0;
    const misses: string[] = [];
    for (const { q, c } of all) {
      const pick = rule(c)?.pinpoint ?? null;
      if (pick === q.labelledSource) right += 1;
      else misses.push(q.seed.split('/')[0]);
    }
    results.push([name, right, misses]);
  }
  for (const [name, right, misses] of results)
    console.log(`${name.padEnd(24)} ${right}/${all.length}  misses: ${misses.join(' ')}`);
  if (!detail) return;
  for (const { q, c } of all) {
    const seed = c.member;
    const ok = seed.toolSource === q.labelledSource;
    console.log(`${ok ? 'ok  ' : 'MISS'} ${q.seed} (${seed.dateSigned}, ${seed.parties.join(',')})`);
    console.log(`     labelled ${q.labelledSource}; tool ${seed.toolSource}; members ${q.members.length}`);
    const scored = c.candidates
      .map((x) => ({
        x,
        w: sortedJaccard(feat(seed).w, feat(x.m).w),
        v: sortedJaccard(feat(seed).v, feat(x.m).v),
      }))
      .sort((a, b) => b.w - a.w)
      .slice(0, 6);
    for (const e of scored) {
      const mark = e.x.m.pinpoint === q.labelledSource ? 'L' : e.x.m.pinpoint === seed.toolSource ? 'T' : ' ';
      console.log(
        `   ${mark} W ${e.w.toFixed(3)} V ${e.v.toFixed(3)} ${e.x.m.dateSigned} ${e.x.m.pinpoint} shared ${e.x.shared}`,
      );
    }
  }
}

void main();
