// Draws, at random with a recorded seed, a fifth development batch for cultural cooperation aimed at what the
// development side lacks after the cooperation draw (pick-cooperation-agreements.ts, whose 13 agreements were all
// English and mostly European or East Asian): Spanish or French texts, South-South agreements (Latin America,
// Africa, the Caribbean), older (1960s-1990s) agreements and EU association or partnership agreements, each with
// cultural cooperation wording. The criterion was fixed, and committed, before the picker was first run.
// Eligible: as the cooperation draw (not in either part, not in the shared dev set, not a language version of one,
// not an agreement whose text is a labelled one's), with at most MAX_GAP_ARTICLES articles (the cost of labelling
// every code twice). A hit is the cooperation draw's (cooperationHits: an article naming culture, audiovisual
// matters or heritage whose text or heading names cooperation). The agreements of three or more hits that fitted
// the earlier size bound are all labelled already, so the strata ask for fewer. Strata, in this order; an
// agreement counts in the first one it fits:
//   1. language: Spanish or French text, at least one hit; up to 3;
//   2. south-south: every party developing (the party fixtures' flag), at least one hit; up to 3;
//   3. eu: the EU, EC or EEC a party (name starting so), at least two hits; up to 2;
//   4. older: signed 1960-1999, at least two hits; up to 2.
// In each stratum the qualifying agreements are sorted by identifier, shuffled (mulberry32 seeded) and the first
// ones taken. Usage: ts-node src/annotations/evaluation/pick-gap-agreements.ts [seed] (reads CORPUS_DIR)
import { corpusDir } from '../../config';
import { readCorpusAgreement } from './corpus-agreements';
import { cooperationHits, duplicatesLabelled } from './pick-cooperation-agreements';
import {
  AgreementMeta,
  eligibleAgreements,
  labelledAgreements,
  readMeta,
  seededRandom,
  shuffled,
} from './pick-random-agreements';

export const MAX_GAP_ARTICLES = 400;

export interface GapCandidate extends AgreementMeta {
  readonly hits: number;
  /** Every party developing (South-South). */
  readonly southSouth: boolean;
}

export interface Stratum {
  readonly name: string;
  readonly take: number;
  readonly fits: (a: GapCandidate) => boolean;
}

export const STRATA: readonly Stratum[] = [
  { name: 'language', take: 3, fits: (a) => (a.language === 'es' || a.language === 'fr') && a.hits >= 1 },
  { name: 'south-south', take: 3, fits: (a) => a.southSouth && a.hits >= 1 },
  { name: 'eu', take: 2, fits: (a) => /^(?:EU|EC|EEC)\b/.test(a.name) && a.hits >= 2 },
  { name: 'older', take: 2, fits: (a) => a.year >= 1960 && a.year <= 1999 && a.hits >= 2 },
];

export function pickGapBatch(
  candidates: readonly GapCandidate[],
  seed: number,
  strata: readonly Stratum[] = STRATA,
  extra = 0,
): { stratum: string; agreement: GapCandidate }[] {
  const rest = [...candidates].sort((a, b) => Number(a.id) - Number(b.id));
  const picks: { stratum: string; agreement: GapCandidate }[] = [];
  const placed = new Set<string>();
  for (const stratum of strata) {
    // Membership is decided before any draw: an agreement counts in the first stratum it fits.
    const members = rest.filter((a) => !placed.has(a.id) && stratum.fits(a));
    members.forEach((a) => placed.add(a.id));
    for (const agreement of shuffled(members, seededRandom(seed)).slice(0, stratum.take + extra))
      picks.push({ stratum: stratum.name, agreement });
  }
  return picks;
}

if (require.main === module) {
  const seed = Number(process.argv[2] ?? 20261207);
  const labelled = labelledAgreements();
  const all = readMeta();
  const eligible = eligibleAgreements(all, labelled).filter((a) => a.articles <= MAX_GAP_ARTICLES);
  const labelledTexts = [...labelled].map((id) => {
    const texts = readCorpusAgreement(id).input.provisions.map((p) =>
      p.text.replace(/\s+/g, ' ').trim().toLowerCase(),
    );
    return new Set(texts.filter((t) => t.length > 80));
  });
  const candidates: GapCandidate[] = eligible
    .map((a) => {
      const parties = readCorpusAgreement(a.id).input.parties;
      return {
        ...a,
        hits: cooperationHits(a.id),
        southSouth: parties.length > 0 && parties.every((p) => p.developing === true),
      };
    })
    .filter((a) => a.hits >= 1 && !duplicatesLabelled(a.id, labelledTexts, corpusDir()));
  const picks = pickGapBatch(candidates, seed);
  // The four strata gave six agreements (the older stratum's members all fitted the EU one first), short of the
  // eight aimed at: the next agreements of each stratum's drawn order are listed as a reserve, decided after only
  // the six picks' titles had been seen; the batch was filled to eight from it in stratum order (3 December 2026).
  const reserve = pickGapBatch(candidates, seed, STRATA, 2).filter(
    (r) => !picks.some((p) => p.agreement.id === r.agreement.id),
  );
  console.log(`seed ${seed}: ${candidates.length} eligible with a hit (<= ${MAX_GAP_ARTICLES} articles)`);
  for (const stratum of STRATA)
    console.log(
      `${stratum.name}: ${candidates.filter((a) => stratum.fits(a)).length} fit (before earlier strata)`,
    );
  const line = ({ stratum, agreement: a }: { stratum: string; agreement: GapCandidate }) =>
    `${stratum}\t${a.id}\t${a.language}\t${a.year}\t${a.region}\t${a.articles} articles\t${a.hits} hits\t${a.name}`;
  picks.forEach((p) => console.log(line(p)));
  console.log('reserve (in stratum order):');
  reserve.forEach((p) => console.log(line(p)));
}
