// Picks, at random with a recorded seed, ToTA agreements for a new labelled batch, so that the batch is not chosen
// by what the rules propose or by what the labeller expects to find. Eligible: every agreement of the corpus not
// in our development or test part, not in the shared dev set, and not a language version of one of them.
// Order: the eligible identifiers sorted numerically, then shuffled (Fisher-Yates, mulberry32 seeded). Taken in
// that order: the first `spanish` Spanish and the first `french` French agreements, then English ones, skipping
// one whose first listed region an English pick already has, or whose decade already has two picks.
// Usage: ts-node src/annotations/evaluation/pick-random-agreements.ts [seed] (reads CORPUS_DIR)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { corpusDir } from '../../config';
import { parseDevAgreements } from './dev-labels';
import { LABELS_DIR } from './label-split';

export interface AgreementMeta {
  readonly id: string;
  readonly language: string;
  readonly year: number;
  readonly region: string;
  readonly name: string;
  readonly wtoRtaId: string;
  readonly articles: number;
}

/** mulberry32: a small seeded generator, enough for a reproducible shuffle. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export function pickBatch(
  eligible: readonly AgreementMeta[],
  seed: number,
  counts = { english: 6, spanish: 2, french: 2 },
): AgreementMeta[] {
  const order = shuffled(
    [...eligible].sort((a, b) => Number(a.id) - Number(b.id)),
    seededRandom(seed),
  );
  const picks: AgreementMeta[] = [
    ...order.filter((a) => a.language === 'es').slice(0, counts.spanish),
    ...order.filter((a) => a.language === 'fr').slice(0, counts.french),
  ];
  const decade = (a: AgreementMeta) => Math.floor(a.year / 10);
  const regions = new Set<string>();
  for (const agreement of order.filter((a) => a.language === 'en')) {
    if (picks.filter((a) => a.language === 'en').length >= counts.english) break;
    const region = agreement.region.split(';')[0].trim();
    if (regions.has(region)) continue;
    if (picks.filter((a) => decade(a) === decade(agreement)).length >= 2) continue;
    regions.add(region);
    picks.push(agreement);
  }
  return picks;
}

function tag(xml: string, name: string): string {
  return (
    new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1].replace(/&amp;/g, '&').replace(/\s+/g, ' ') ?? ''
  );
}

export function readMeta(dir: string = corpusDir()): AgreementMeta[] {
  const xmlDir = join(dir, 'tota', 'xml');
  return readdirSync(xmlDir)
    .filter((file) => /^pta_\d+\.xml$/.test(file))
    .map((file) => {
      const xml = readFileSync(join(xmlDir, file), 'utf8');
      return {
        id: /^pta_(\d+)/.exec(file)![1],
        language: tag(xml, 'language'),
        year: Number(tag(xml, 'date_signed').slice(0, 4)),
        region: tag(xml, 'region'),
        name: tag(xml, 'name'),
        wtoRtaId: tag(xml, 'wto_rta_id'),
        articles: (xml.match(/<article /g) ?? []).length,
      };
    });
}

/** Agreements already labelled (our two parts and the shared dev set), and other language versions of them. */
export function eligibleAgreements(
  all: readonly AgreementMeta[],
  labelled: ReadonlySet<string>,
): AgreementMeta[] {
  // The same WTO RTA id, or the same name when ToTA gives none (the import's rule for language versions).
  const key = (a: AgreementMeta) => a.wtoRtaId || `name:${a.name}`;
  const labelledKeys = new Set(all.filter((a) => labelled.has(a.id)).map(key));
  return all.filter((a) => !labelled.has(a.id) && !labelledKeys.has(key(a)));
}

/** The ToTA ids already labelled: both parts of ours and the shared development set. */
export function labelledAgreements(): Set<string> {
  return new Set(
    [
      join(LABELS_DIR, 'dev_agreements.csv'),
      join(LABELS_DIR, 'test_agreements.csv'),
      join(corpusDir(), 'labels', 'dev_agreements.csv'),
    ].flatMap((file) => parseDevAgreements(readFileSync(file, 'utf8')).map((a) => a.treatyIdentifier)),
  );
}

if (require.main === module) {
  const seed = Number(process.argv[2] ?? 20261203);
  const labelled = labelledAgreements();
  const all = readMeta();
  const eligible = eligibleAgreements(all, labelled);
  console.log(`seed ${seed}: ${eligible.length} eligible of ${all.length}`);
  for (const a of pickBatch(eligible, seed))
    console.log(`${a.id}\t${a.language}\t${a.year}\t${a.region}\t${a.articles} articles\t${a.name}`);
}
