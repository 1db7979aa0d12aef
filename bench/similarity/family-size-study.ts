// Why families reach the 60-member bound (family25): for random comparable provisions and for the labelled members
// of families.json, the whole family (familyComponent over symmetricFamilyLinks at 0.3, bounded at CAP instead of
// 60), its links by kind (similarity by score band, the four quoting links), its busiest members (most links, with
// their article titles), and how large the family is once one class of links is left out.
//   node -r ts-node/register --max-old-space-size=4096 bench/similarity/family-size-study.ts <corpus.sqlite>
import { RawSqlite } from '../search/raw-sqlite';
import { seededRandom } from '../search/stats';
import {
  QUOTED_EARLIER_SHARE,
  QUOTED_MIN_FEATURES,
  QUOTED_SHARE,
} from '../../src/search/wording/clause-family';
import { ClauseIndex, comparable } from '../../src/search/wording/clause-index';
import { labelledFamilies } from '../../test/support/family-measure';

const THRESHOLD = 0.3;
const CAP = Number(process.env.CAP ?? 1500);
const RANDOM = Number(process.env.RANDOM_SEEDS ?? 40);

type Kind =
  'sim<0.4' | 'sim0.4-0.6' | 'sim>=0.6' | 'quoted-by' | 'quotes' | 'quotes-earlier' | 'quoted-later';
interface Link {
  id: number;
  kind: Kind;
  score: number;
}

interface Row {
  id: number;
  agreement_id: number;
  pin: string;
  text: string | null;
  summary: string | null;
  article_title: string | null;
  chapter_title: string | null;
}

async function main(): Promise<void> {
  const db = await RawSqlite.open(process.argv[2]);
  const rows = await db.all<Row>(
    `select p.id, p.agreement_id, a.slug || '/' || p.key as pin, p.text, p.summary, p.article_title,
       p.chapter_title, a.date_signed from provision p join agreement a on a.id = p.agreement_id order by p.id`,
  );
  await db.close();
  const dated = rows as (Row & { date_signed: string | null })[];
  const docs = dated
    .map((r) => ({
      id: Number(r.id),
      agreementId: Number(r.agreement_id),
      text: r.text || r.summary || '',
      dateSigned: r.date_signed,
    }))
    .filter((d) => comparable(d.text));
  const index = ClauseIndex.build(docs);
  const byId = new Map(dated.map((r) => [Number(r.id), r]));
  const idOf = new Map(dated.map((r) => [r.pin, Number(r.id)]));
  const cache = new Map<number, Link[]>();
  // symmetricFamilyLinks, each link with its kind.
  const linksOf = (id: number): Link[] => {
    const hit = cache.get(id);
    if (hit) return hit;
    const date = index.dateOf(id);
    const later = (other: number) => {
      const at = index.dateOf(other);
      return date !== null && at !== null && at > date;
    };
    const links: Link[] = index.neighboursOf(id, THRESHOLD).map((h) => ({
      id: h.id,
      score: h.score,
      kind: h.score < 0.4 ? 'sim<0.4' : h.score < 0.6 ? 'sim0.4-0.6' : 'sim>=0.6',
    }));
    const seen = new Set(links.map((l) => l.id));
    const add = (hits: readonly { id: number; score: number }[], kind: Kind) => {
      for (const h of hits)
        if (!seen.has(h.id)) {
          seen.add(h.id);
          links.push({ id: h.id, score: h.score, kind });
        }
    };
    add(index.containersOf(id, QUOTED_SHARE, QUOTED_MIN_FEATURES), 'quoted-by');
    add(index.quotes(id, QUOTED_SHARE, QUOTED_MIN_FEATURES), 'quotes');
    add(index.quotedEarlier(id, QUOTED_EARLIER_SHARE, QUOTED_MIN_FEATURES), 'quotes-earlier');
    add(
      index
        .containersOf(id, QUOTED_EARLIER_SHARE, QUOTED_MIN_FEATURES)
        .filter((h) => later(h.id) && index.wordingOf(h.id)!.length > index.wordingOf(id)!.length),
      'quoted-later',
    );
    cache.set(id, links);
    return links;
  };
  const component = (seed: number, keep: (from: number, link: Link) => boolean = () => true) => {
    const found = new Set([seed]);
    const queue = [seed];
    while (queue.length) {
      const at = queue.shift()!;
      for (const link of linksOf(at)) {
        if (found.has(link.id) || !keep(at, link)) continue;
        if (found.size >= CAP) return { ids: [...found], capped: true };
        found.add(link.id);
        queue.push(link.id);
      }
    }
    return { ids: [...found], capped: false };
  };
  const title = (id: number) => {
    const r = byId.get(id)!;
    return `${r.pin} "${(r.article_title ?? r.chapter_title ?? '').slice(0, 50)}" (${index.wordingOf(id)?.length ?? 0} features)`;
  };
  const isQuote = (k: Kind) =>
    k === 'quoted-by' || k === 'quotes' || k === 'quotes-earlier' || k === 'quoted-later';
  const boiler = /defini|scope|coverage|general exception|exceptions|objective|application/i;
  const variants: [string, (from: number, link: Link) => boolean][] = [
    ['all links (the rule)', () => true],
    ['no quoting links', (_f, l) => !isQuote(l.kind)],
    ['no similarity < 0.4', (_f, l) => l.kind !== 'sim<0.4'],
    [
      'quoting 0.8 only (no 0.7 earlier-quote)',
      (_f, l) => l.kind !== 'quotes-earlier' && l.kind !== 'quoted-later',
    ],
    [
      'no links touching a "definitions/scope/exceptions/objective" article',
      (f, l) =>
        !boiler.test(byId.get(f)!.article_title ?? '') && !boiler.test(byId.get(l.id)!.article_title ?? ''),
    ],
  ];

  // BRIDGES=1: for each labelled family of families.json whose whole family is under CAP, the links from its
  // labelled members to the members outside the label set (where a neighbouring family joins), then stop.
  if (process.env.BRIDGES === '1') {
    for (const family of labelledFamilies('families.json')) {
      const labelled = new Set(family.members.map((m) => idOf.get(m.pinpoint)!));
      const whole = component(idOf.get(family.members[0].pinpoint)!);
      console.log(
        `${family.name}: ${whole.ids.length}${whole.capped ? '+' : ''} members, ${labelled.size} labelled`,
      );
      if (whole.capped) continue;
      for (const m of labelled)
        for (const l of linksOf(m))
          if (!labelled.has(l.id))
            console.log(`   ${title(m)} -> ${l.kind} ${l.score.toFixed(2)} -> ${title(l.id)}`);
    }
    return;
  }
  const random = seededRandom(20_261_207);
  const ids = docs.map((d) => d.id);
  const seeds: { label: string; id: number }[] = [];
  for (let i = 0; i < RANDOM; i += 1)
    seeds.push({ label: 'random', id: ids[Math.floor(random() * ids.length)] });
  for (const family of labelledFamilies('families.json'))
    seeds.push({ label: family.name.slice(0, 40), id: idOf.get(family.members[0].pinpoint)! });

  const sizes = new Map<string, number[]>();
  const seenComponents = new Set<string>();
  for (const seed of seeds) {
    const whole = component(seed.id);
    const line = [`${seed.label.padEnd(40)} ${title(seed.id).slice(0, 90)}`];
    for (const [name, keep] of variants) {
      const n = name === 'all links (the rule)' ? whole : component(seed.id, keep);
      (sizes.get(name) ?? sizes.set(name, []).get(name)!).push(n.capped ? CAP : n.ids.length);
      line.push(`   ${name}: ${n.ids.length}${n.capped ? '+' : ''}`);
    }
    console.log(line.join('\n'));
    const key = Math.min(...whole.ids).toString();
    if (whole.ids.length > 60 && !seenComponents.has(key)) {
      seenComponents.add(key);
      const members = new Set(whole.ids);
      const kinds = new Map<Kind, number>();
      const degree = new Map<number, number>();
      for (const m of whole.ids)
        for (const l of linksOf(m))
          if (members.has(l.id)) {
            kinds.set(l.kind, (kinds.get(l.kind) ?? 0) + 1);
            degree.set(m, (degree.get(m) ?? 0) + 1);
          }
      console.log(
        `   links inside (each counted from both ends): ${JSON.stringify(Object.fromEntries(kinds))}`,
      );
      const titles = new Map<string, number>();
      for (const m of whole.ids) {
        const t = (byId.get(m)!.article_title ?? '(none)')
          .toLowerCase()
          .replace(/[^a-z ]/g, '')
          .trim();
        titles.set(t, (titles.get(t) ?? 0) + 1);
      }
      console.log(
        `   commonest titles: ${[...titles]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 8)
          .map(([t, n]) => `${t.slice(0, 30)} ${n}`)
          .join('; ')}`,
      );
      for (const [m, d] of [...degree].sort((a, b) => b[1] - a[1]).slice(0, 5))
        console.log(`   busiest: ${d} links  ${title(m)}`);
    }
  }
  console.log('\nmedian / share at the 60 bound, by variant:');
  for (const [name, values] of sizes) {
    const random = values.slice(0, RANDOM).sort((a, b) => a - b);
    console.log(
      `  ${name}: random median ${random[Math.floor(random.length / 2)]}, over 60: ${random.filter((v) => v > 60).length}/${random.length}; labelled templates over 60: ${values.slice(RANDOM).filter((v) => v > 60).length}/${values.length - RANDOM}`,
    );
  }
}

void main();
