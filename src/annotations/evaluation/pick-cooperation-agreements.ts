// Draws, at random with a recorded seed, development agreements likely to hold cultural cooperation, so that the
// development part can teach what random batches rarely contain (one positive in 16 random agreements), without
// looking at the test part. Eligible: as pick-random-agreements.ts (not in either part, not in the shared dev set,
// not a language version of one), with at most MAX_ARTICLES articles (the cost of labelling every code twice).
// Criterion (the second; see CULTURE_FIELD for the first): an article is a hit when its whitespace-normalised text
// names culture, audiovisual matters or heritage (CULTURE_FIELD; en/es/fr, whole words, so not "agricultural") and
// its text or its chapter, section or article heading names
// cooperation; an agreement qualifies with at least MIN_HITS hits. The qualifying agreements are sorted by
// identifier, shuffled (Fisher-Yates, mulberry32 seeded) and taken in that order, skipping one whose first listed
// region already has MAX_PER_REGION picks, up to `count`. An agreement whose text is a labelled agreement's (half
// or more of its articles' normalised texts found in one; ToTA's 206 "EC - Algeria 1976" carries the 2002 text
// of 16) is not eligible: checked after the first run of this criterion had drawn 206.
// Usage: ts-node src/annotations/evaluation/pick-cooperation-agreements.ts [seed] [count] (reads CORPUS_DIR)

import { corpusDir } from '../../config';
import { readCorpusAgreement } from './corpus-agreements';
import {
  AgreementMeta,
  eligibleAgreements,
  labelledAgreements,
  readMeta,
  seededRandom,
  shuffled,
} from './pick-random-agreements';

// The cultural field words proper. A first run (seed 20261205) also counted arts, broadcasting, media, cinema,
// film, press, sport, youth and museums, at 350 articles and two picks a region at most: it drew agreements whose
// hits were incidental (investment, telecom and services chapters naming media or sport beside cooperation),
// so it was discarded after only its list of titles had been seen, and the criterion narrowed to these words.
export const CULTURE_FIELD =
  /(?<![\p{L}])(?:cultur(?:e|es|al|ally|a|as|ales|el|elle|els|elles)|audio-?visu(?:al|ales|el|els|elle|elles)|heritage|patrimoine|patrimonio)(?![\p{L}])/iu;

export const COOPERATION_WORD =
  /(?<![\p{L}])(?:co-?operat\p{L}*|cooperaci[oó]n|coop[ée]ration|coop[ée]rer|cooperar)/iu;

export const MIN_HITS = 3;
export const MAX_ARTICLES = 500;
export const MAX_PER_REGION = 3;

export const DUPLICATE_SHARE = 0.5;

function articleTexts(treatyIdentifier: string, dir: string): Set<string> {
  return new Set(
    readCorpusAgreement(treatyIdentifier, dir)
      .input.provisions.map((p) => p.text.replace(/\s+/g, ' ').trim().toLowerCase())
      .filter((text) => text.length > 80),
  );
}

/** Whether half or more of the agreement's (non-trivial) article texts occur in one of the labelled agreements. */
export function duplicatesLabelled(
  treatyIdentifier: string,
  labelled: readonly Set<string>[],
  dir: string = corpusDir(),
): boolean {
  const texts = [...articleTexts(treatyIdentifier, dir)];
  return labelled.some(
    (other) => texts.length > 0 && texts.filter((t) => other.has(t)).length / texts.length >= DUPLICATE_SHARE,
  );
}

export interface QualifiedAgreement extends AgreementMeta {
  readonly hits: number;
}

export function cooperationHits(treatyIdentifier: string, dir: string = corpusDir()): number {
  const agreement = readCorpusAgreement(treatyIdentifier, dir);
  return agreement.input.provisions.filter((provision) => {
    const text = provision.text.replace(/\s+/g, ' ');
    const headings = `${provision.chapterTitle ?? ''} ${provision.sectionTitle ?? ''} ${provision.articleTitle ?? ''}`;
    return CULTURE_FIELD.test(text) && (COOPERATION_WORD.test(text) || COOPERATION_WORD.test(headings));
  }).length;
}

export function pickCooperationBatch(
  qualified: readonly QualifiedAgreement[],
  seed: number,
  count: number,
): QualifiedAgreement[] {
  const order = shuffled(
    [...qualified].sort((a, b) => Number(a.id) - Number(b.id)),
    seededRandom(seed),
  );
  const perRegion = new Map<string, number>();
  const picks: QualifiedAgreement[] = [];
  for (const agreement of order) {
    if (picks.length >= count) break;
    const region = agreement.region.split(';')[0].trim();
    if ((perRegion.get(region) ?? 0) >= MAX_PER_REGION) continue;
    perRegion.set(region, (perRegion.get(region) ?? 0) + 1);
    picks.push(agreement);
  }
  return picks;
}

if (require.main === module) {
  const seed = Number(process.argv[2] ?? 20261206);
  const count = Number(process.argv[3] ?? 8);
  const labelled = labelledAgreements();
  const all = readMeta();
  const eligible = eligibleAgreements(all, labelled).filter((a) => a.articles <= MAX_ARTICLES);
  const qualified = eligible
    .map((a) => ({ ...a, hits: cooperationHits(a.id) }))
    .filter((a) => a.hits >= MIN_HITS);
  const labelledTexts = [...labelled].map((id) => articleTexts(id, corpusDir()));
  const distinct = qualified.filter((a) => !duplicatesLabelled(a.id, labelledTexts));
  console.log(
    `seed ${seed}: ${distinct.length} qualify (${qualified.length - distinct.length} duplicating a labelled text left out)`,
  );
  console.log(
    `${qualified.length} qualify (>= ${MIN_HITS} hits) of ${eligible.length} eligible ` +
      `(<= ${MAX_ARTICLES} articles) of ${all.length}`,
  );
  const line = (a: QualifiedAgreement) =>
    `${a.id}\t${a.language}\t${a.year}\t${a.region}\t${a.articles} articles\t${a.hits} hits\t${a.name}`;
  const picks = pickCooperationBatch(distinct, seed, count);
  for (const a of picks) console.log(line(a));
  // The rest of the pool, which the region cap left out: labelled as a second batch (3 December 2026), so that the
  // two batches together are every qualifying agreement.
  console.log('rest of the pool:');
  for (const a of distinct.filter((a) => !picks.includes(a))) console.log(line(a));
}
