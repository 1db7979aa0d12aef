// Studies family membership offline: family recall and precision (the share of the other members found that are
// labelled) of link rules on every labelled family (families.json, fresh.json, fresh2.json), with the family
// discovery of the service (discoverFamily) and exact overlaps counted over the whole corpus (every posting list is
// walked: slow, but any rule on |A|, |B| and |A and B| can be tried). OUTSIDERS=1 lists the unlabelled members
// found most often, to be read. Used to choose the quoting rule (QUOTED_SHARE in clause-family.ts; README of
// test/fixtures/families, "Membership").
//   node -r ts-node/register bench/similarity/membership-study.ts <corpus.sqlite> [rule-name-substring]
// Rules: J Jaccard of the WORDING features; O the share of the shorter text's features in the longer (c of them);
// "up": a link by O alone only from the shorter text to the longer; "leaf": a member reached by O alone is not
// followed further.
import { discoverFamily } from '../../src/search/wording/clause-family';
import { comparable } from '../../src/search/wording/clause-index';
import { wordingFeatures } from '../../src/search/wording/wording-features';
import { labelledFamilies, FamilyFile } from '../../test/support/family-measure';
import { readProvisionRows } from './provision-rows';

interface Doc {
  id: number;
  agreementId: number;
  pin: string;
  features: Uint32Array;
  text: string;
}

/** The link's score (its Jaccard, the order members are taken in) or null for no link. */
type Link = (a: number, b: number, common: number) => number | null;

async function main(): Promise<void> {
  const [file, only = ''] = process.argv.slice(2);
  const rows = await readProvisionRows(file);
  const docs: Doc[] = [];
  for (const r of rows) {
    const text = r.text || r.summary || '';
    if (!comparable(text)) continue;
    docs.push({ id: r.id, agreementId: r.agreement_id, pin: r.pin, text, features: wordingFeatures(text) });
  }
  const byPin = new Map(docs.map((d, i) => [d.pin, i]));
  const byId = new Map(docs.map((d, i) => [d.id, i]));
  // postings
  const post = new Map<number, number[]>();
  docs.forEach((d, i) => d.features.forEach((f) => (post.get(f) ?? post.set(f, []).get(f)!).push(i)));
  const counts = new Uint16Array(docs.length);
  const overlapCache = new Map<number, [number, number][]>();
  function overlaps(at: number): [number, number][] {
    let out = overlapCache.get(at);
    if (out) return out;
    const touched: number[] = [];
    for (const f of docs[at].features)
      for (const d of post.get(f)!) {
        if (counts[d] === 0) touched.push(d);
        counts[d] += 1;
      }
    out = [];
    for (const d of touched) {
      if (d !== at && counts[d] >= 3) out.push([d, counts[d]]);
      counts[d] = 0;
    }
    overlapCache.set(at, out);
    return out;
  }

  const rules: Record<string, { link: Link; depth?: number; max?: number; leaf?: boolean; up?: boolean }> = {
    'J>=0.3 (run 4)': { link: (a, b, c) => jac(a, b, c, 0.3) },
    'J>=0.25': { link: (a, b, c) => jac(a, b, c, 0.25) },
    'J>=0.2': { link: (a, b, c) => jac(a, b, c, 0.2) },
    'J>=0.3 depth 8': { link: (a, b, c) => jac(a, b, c, 0.3), depth: 8 },
    'J>=0.3 max 100': { link: (a, b, c) => jac(a, b, c, 0.3), max: 100 },
    'J>=0.3 | O>=0.5&c>=30': { link: (a, b, c) => jac(a, b, c, 0.3) ?? ovl(a, b, c, 0.5, 30) },
    'J>=0.3 | O>=0.9&c>=16': { link: (a, b, c) => jac(a, b, c, 0.3) ?? ovl(a, b, c, 0.9, 16) },
    'J>=0.3 | O>=0.8&c>=16 leaf': {
      link: (a, b, c) => jac(a, b, c, 0.3) ?? ovl(a, b, c, 0.8, 16),
      leaf: true,
    },
    'up O>=0.9&c>=16': { link: (a, b, c) => jac(a, b, c, 0.3) ?? ovl(a, b, c, 0.9, 16), up: true },
    'up O>=0.8&c>=16': { link: (a, b, c) => jac(a, b, c, 0.3) ?? ovl(a, b, c, 0.8, 16), up: true },
    'up O>=0.7&c>=16': { link: (a, b, c) => jac(a, b, c, 0.3) ?? ovl(a, b, c, 0.7, 16), up: true },
    'up leaf O>=0.8&c>=16': {
      link: (a, b, c) => jac(a, b, c, 0.3) ?? ovl(a, b, c, 0.8, 16),
      up: true,
      leaf: true,
    },
  };
  function jac(a: number, b: number, c: number, t: number): number | null {
    const j = c / (a + b - c);
    return j >= t ? j : null;
  }
  function ovl(a: number, b: number, c: number, t: number, k: number): number | null {
    const o = c / Math.min(a, b);
    return o >= t && c >= k ? c / (a + b - c) : null;
  }

  for (const [name, rule] of Object.entries(rules)) {
    if (!name.includes(only)) continue;
    const neighbourCache = new Map<number, { id: number; score: number; container: boolean }[]>();
    const neighbours = async (id: number) => {
      let hits = neighbourCache.get(id);
      if (!hits) {
        const at = byId.get(id)!;
        const a = docs[at].features.length;
        hits = [];
        for (const [d, c] of overlaps(at)) {
          const s = rule.link(a, docs[d].features.length, c);
          const b = docs[d].features.length;
          if (rule.up && s !== null && jac(a, b, c, 0.3) === null && b < a) continue;
          if (s !== null)
            hits.push({
              id: docs[d].id,
              score: s,
              container: jac(a, docs[d].features.length, c, 0.3) === null && docs[d].features.length > a,
            });
        }
        hits.sort((x, y) => y.score - x.score || x.id - y.id);
        neighbourCache.set(id, hits);
      }
      return hits;
    };
    console.log(`\n== ${name}`);
    const totals = { recall: 0, members: 0, found: 0, labelledFound: 0 };
    for (const f of ['families.json', 'fresh.json', 'fresh2.json'] as FamilyFile[]) {
      const set = { recall: 0, members: 0, found: 0, labelledFound: 0 };
      for (const family of labelledFamilies(f)) {
        const labelled = new Set(family.members.map((m) => m.pinpoint));
        let recall = 0;
        let found = 0;
        let labelledFound = 0;
        const outsiders = new Map<string, number>();
        for (const m of family.members) {
          const seed = byPin.get(m.pinpoint);
          if (seed === undefined) continue;
          const { ids } = await (rule.leaf ? discoverLeaf : discoverFamily)(docs[seed].id, neighbours, {
            maxDepth: rule.depth ?? 4,
            maxMembers: rule.max ?? 60,
          });
          const pins = ids.map((id) => docs[byId.get(id)!].pin).filter((p) => p !== m.pinpoint);
          const inLabel = pins.filter((p) => labelled.has(p)).length;
          recall += inLabel / (labelled.size - 1);
          found += pins.length;
          labelledFound += inLabel;
          for (const p of pins) if (!labelled.has(p)) outsiders.set(p, (outsiders.get(p) ?? 0) + 1);
        }
        const n = family.members.length;
        console.log(
          `${family.name.padEnd(50)} recall ${(recall / n).toFixed(3)} precision ${(labelledFound / Math.max(found, 1)).toFixed(3)} found/query ${(found / n).toFixed(1)}`,
        );
        if (process.env.OUTSIDERS)
          for (const [p, k] of [...outsiders]
            .sort((x, y) => y[1] - x[1])
            .slice(0, Number(process.env.OUTSIDERS)))
            console.log(`      ${k}x ${p}: ${docs[byPin.get(p)!].text.slice(0, 110).replace(/\s+/g, ' ')}`);
        set.recall += recall;
        set.members += n;
        set.found += found;
        set.labelledFound += labelledFound;
      }
      console.log(
        `  ${f}: recall ${(set.recall / set.members).toFixed(3)} precision ${(set.labelledFound / set.found).toFixed(3)}`,
      );
      totals.recall += set.recall;
      totals.members += set.members;
      totals.found += set.found;
      totals.labelledFound += set.labelledFound;
    }
  }
}

void main();

async function discoverLeaf(
  seedId: number,
  neighbours: (id: number) => Promise<{ id: number; score: number; container: boolean }[]>,
  limits: { maxMembers: number; maxDepth: number },
): Promise<{ ids: number[] }> {
  const depth = new Map<number, number>([[seedId, 0]]);
  const leaf = new Set<number>();
  const queue = [seedId];
  let full = false;
  while (queue.length && !full) {
    const current = queue.shift()!;
    for (const hit of await neighbours(current)) {
      if (depth.has(hit.id) && !(leaf.has(hit.id) && !hit.container)) continue;
      if (depth.get(current)! >= limits.maxDepth) continue;
      if (leaf.has(hit.id)) {
        leaf.delete(hit.id);
        queue.push(hit.id);
        continue;
      }
      if (depth.size >= limits.maxMembers) {
        full = true;
        break;
      }
      depth.set(hit.id, depth.get(current)! + 1);
      if (hit.container) leaf.add(hit.id);
      else queue.push(hit.id);
    }
  }
  return { ids: [...depth.keys()] };
}
