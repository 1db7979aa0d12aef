import { RawSqlite } from './raw-sqlite';
import { pick } from './stats';

export type SearchKind = 'rare' | 'phrase' | 'prefix' | 'common' | 'or' | 'not';

export interface BenchSearch {
  kind: SearchKind;
  query: string;
  filter: Record<string, unknown> | null;
}

interface Term {
  term: string;
  doc: number;
}

/** The kinds of search in the mix, with their shares. */
const MIX: [SearchKind, number][] = [
  ['rare', 0.3],
  ['phrase', 0.2],
  ['prefix', 0.15],
  ['common', 0.15],
  ['or', 0.1],
  ['not', 0.1],
];

const FILTERS: Record<string, unknown>[] = [
  { agreement: { parties: ['CAN'] } },
  { agreement: { parties: ['EUN'] } },
  { agreement: { parties: ['CHL', 'PER'] } },
  { agreement: { types: ['EIA'] } },
  { agreement: { signedFrom: '2005-01-01' } },
  { agreement: { kinds: ['BILATERAL'], inForceOn: '2015-01-01' } },
  { annotations: { codes: ['CULTURAL_EXEMPTION', 'ECOMMERCE_PROVISION'] } },
  { locations: ['OPERATIVE'] },
];

const WORD = /^[a-z][a-z]+$/;

/**
 * A deterministic mix of searches drawn from the index's own vocabulary (fts5vocab): rare terms (in 2 to 50
 * provisions), phrases cut from provision texts, prefixes of mid-frequency words, queries of only very common
 * words, OR and NOT queries; 40% with a filter.
 */
export async function benchSearches(
  db: RawSqlite,
  random: () => number,
  count: number,
): Promise<BenchSearch[]> {
  await db.all(`create virtual table if not exists temp.vocab using fts5vocab(main, 'provision_fts', 'row')`);
  const terms = (await db.all<Term>('select term, doc from temp.vocab')).filter((t) => WORD.test(t.term));
  const rare = terms.filter((t) => t.doc >= 2 && t.doc <= 50 && t.term.length >= 5);
  const middle = terms.filter((t) => t.doc > 200 && t.doc <= 5000 && t.term.length >= 6);
  const common = [...terms].sort((a, b) => b.doc - a.doc).slice(0, 40);
  const bodies = await db.all<{ body: string }>(
    `select body from provision_search where length(body) > 200 order by provision_id limit 3000`,
  );
  const phrase = (): string => {
    const words = pick(random, bodies).body.split(' ');
    const length = 2 + Math.floor(random() * 3);
    const start = Math.floor(random() * Math.max(1, words.length - length));
    return `"${words.slice(start, start + length).join(' ')}"`;
  };
  const make: Record<SearchKind, () => string> = {
    rare: () => pick(random, rare).term,
    phrase,
    prefix: () => {
      const word = pick(random, middle).term;
      return `${word.slice(0, 3 + Math.floor(random() * Math.min(4, word.length - 3)))}*`;
    },
    common: () =>
      Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(random, common).term).join(' '),
    or: () => `${pick(random, rare).term} OR ${pick(random, middle).term}`,
    not: () => `${pick(random, middle).term} -${pick(random, middle).term}`,
  };
  const searches: BenchSearch[] = [];
  for (let i = 0; i < count; i += 1) {
    let roll = random();
    const kind = MIX.find(([, share]) => (roll -= share) < 0)?.[0] ?? 'rare';
    searches.push({ kind, query: make[kind](), filter: random() < 0.4 ? pick(random, FILTERS) : null });
  }
  return searches;
}
