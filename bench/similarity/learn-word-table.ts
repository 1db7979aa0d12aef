// Learns the Spanish-to-English word table of the WORDING measure (src/search/wording/spanish-english.ts) from the
// one parallel text the corpus holds: ToTA's Trans-Pacific Partnership in English (pta_449) and in Spanish
// (pta_450), whose articles share their numbers (ARTICLE 11.10 / ARTÍCULO 11.10: 506 pairs) and, within an article,
// usually their numbered paragraphs. The words are WORDING's own tokens (wordingTokens: grammatical words dropped,
// plurals reduced), so the table maps a reduced Spanish word to a reduced English word. Method: IBM Model 1 (EM over
// word alignments, a NULL word on each side), eight iterations in each direction, over the aligned paragraphs (an
// article whose paragraph counts differ is one pair) and the aligned article titles; a Spanish word is kept when it
// occurs at least MIN_COUNT times, its most likely English word e (by t(e|s)) has at least MIN_PROBABILITY, and e's
// likeliest Spanish words (by t(s|e)) include s among the first BACKWARD_RANK (the two directions agree). Only words
// are kept, no sentence (1,850 entries; about 8 minutes on a loaded machine). Run from the repository root:
//   node -r ts-node/register bench/similarity/learn-word-table.ts [CORPUS_DIR] > /tmp/table.json
//   then src/search/wording/spanish-english.ts is written from it (WRITE=1 writes it directly).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { wordingTokens } from '../../src/search/wording/wording-features';

const MIN_COUNT = 3;
const MIN_PROBABILITY = 0.3;
const ITERATIONS = 8;
/** The English word's likeliest Spanish words that may map to it (Spanish has a word per gender and number). */
const BACKWARD_RANK = 4;

interface Article {
  number: string;
  title: string;
  text: string;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function articles(path: string): Article[] {
  const xml = readFileSync(path, 'utf8');
  const out: Article[] = [];
  const re = /<article number="([^"]*)" name="([^"]*)" article_identifier="\d+">([\s\S]*?)<\/article>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml))
    out.push({ number: m[1].replace(/[^\d.]/g, ''), title: unescapeXml(m[2]), text: unescapeXml(m[3]) });
  return out;
}

/** The numbered paragraphs of an article ("1. ...", "2. ..."), or the article whole. */
function paragraphs(text: string): string[] {
  return text.split(/\s(?=\d{1,2}\.\s)/).filter((p) => p.trim());
}

/** IBM Model 1: t(target | source) from sentence pairs, with a NULL source word (id 0); words as numbers. */
function model1(pairs: [number[], number[]][], targets: number): Map<number, number> {
  const KEY = 1 << 16;
  let t = new Map<number, number>();
  const uniform = 1 / targets;
  for (let iteration = 0; iteration < ITERATIONS; iteration++) {
    const count = new Map<number, number>();
    const total = new Map<number, number>();
    const probs: number[] = [];
    for (const [src0, tgt] of pairs) {
      const src = [0, ...src0];
      for (const e of tgt) {
        let z = 0;
        probs.length = 0;
        for (const s of src) {
          const p = t.get(s * KEY + e) ?? uniform;
          probs.push(p);
          z += p;
        }
        for (let i = 0; i < src.length; i++) {
          const c = probs[i] / z;
          const key = src[i] * KEY + e;
          count.set(key, (count.get(key) ?? 0) + c);
          total.set(src[i], (total.get(src[i]) ?? 0) + c);
        }
      }
    }
    t = new Map();
    for (const [key, c] of count) {
      const p = c / total.get(Math.floor(key / KEY))!;
      if (p > 1e-3) t.set(key, p);
    }
  }
  return t;
}

/** The rows of a Model 1 table: source id -> [target id, probability] best first. */
function rows(t: Map<number, number>): Map<number, [number, number][]> {
  const KEY = 1 << 16;
  const out = new Map<number, [number, number][]>();
  for (const [key, p] of t) {
    const s = Math.floor(key / KEY);
    if (s === 0) continue;
    (out.get(s) ?? out.set(s, []).get(s)!).push([key % KEY, p]);
  }
  for (const row of out.values()) row.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return out;
}

function main(): void {
  const dir = join(process.argv[2] ?? process.env.CORPUS_DIR ?? '../shared/corpus', 'tota/xml');
  const english = articles(join(dir, 'pta_449.xml'));
  const spanish = new Map(articles(join(dir, 'pta_450.xml')).map((a) => [a.number, a]));
  const pairs: [string[], string[]][] = [];
  let aligned = 0;
  for (const en of english) {
    const es = spanish.get(en.number);
    if (!es) continue;
    aligned++;
    pairs.push([wordingTokens(es.title), wordingTokens(en.title)]);
    const [pe, ps] = [paragraphs(en.text), paragraphs(es.text)];
    if (pe.length === ps.length) pe.forEach((p, i) => pairs.push([wordingTokens(ps[i]), wordingTokens(p)]));
    else pairs.push([wordingTokens(es.text), wordingTokens(en.text)]);
  }
  const usable = pairs.filter(([s, e]) => s.length && e.length);
  const ids = new Map<string, number>();
  const words: string[] = [''];
  const id = (w: string) => ids.get(w) ?? (ids.set(w, words.push(w) - 1), words.length - 1);
  const esIds = new Map<string, number>(); // Spanish and English words get ids of their own (a word in both is two)
  const esId = (w: string) => esIds.get(w) ?? (esIds.set(w, words.push(w) - 1), words.length - 1);
  const numbered = usable.map(([s, e]) => [s.map(esId), e.map(id)] as [number[], number[]]);
  const esCount = new Map<number, number>();
  for (const [s] of numbered) for (const w of s) esCount.set(w, (esCount.get(w) ?? 0) + 1);
  const forward = rows(model1(numbered, words.length)); // t(english | spanish)
  const backward = rows(
    model1(
      numbered.map(([s, e]) => [e, s]),
      words.length,
    ),
  ); // t(spanish | english)
  const table: [string, string, number][] = [];
  for (const [s, n] of esCount) {
    if (n < MIN_COUNT) continue;
    const top = forward.get(s)?.[0];
    if (!top || top[1] < MIN_PROBABILITY) continue;
    const back = (backward.get(top[0]) ?? []).slice(0, BACKWARD_RANK).map(([w]) => w);
    if (!back.includes(s)) continue;
    table.push([words[s], words[top[0]], Math.round(top[1] * 1000) / 1000]);
  }
  table.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  process.stderr.write(
    `${aligned} aligned articles, ${usable.length} aligned pairs (paragraphs, titles), ${esIds.size} Spanish words, ${table.length} kept\n`,
  );
  const json = JSON.stringify(table);
  if (process.env.WRITE) {
    const body = table.map(([s, e, p]) => `  [${JSON.stringify(s)}, ${JSON.stringify(e)}, ${p}],`).join('\n');
    writeFileSync(
      'src/search/wording/spanish-english.ts',
      `// Generated by bench/similarity/learn-word-table.ts from the corpus's parallel text (ToTA's Trans-Pacific\n` +
        `// Partnership, English pta_449 and Spanish pta_450, articles aligned by number): WORDING tokens only, no sentence.\n` +
        `// Each entry: a Spanish token, its English token, the model's probability t(english | spanish).\n` +
        `// prettier-ignore\nexport const SPANISH_ENGLISH: readonly (readonly [string, string, number])[] = [\n${body}\n];\n`,
    );
  } else process.stdout.write(`${json}\n`);
}

main();
