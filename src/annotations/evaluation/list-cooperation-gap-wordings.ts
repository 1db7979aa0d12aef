// Chooses a seventh development batch for cultural cooperation from an audit of the cooperation rules against the
// taxonomy's definition (cultural exchanges, audiovisual or media cooperation, cultural industries, a protocol on
// cultural cooperation): the article shapes and wordings, in English, Spanish and French, that no rule element
// covered on 3 December 2026 (GAP_WORDINGS). The rules are never run here: an article is listed for its raw text
// and headings only.
// Eligible: as the earlier draws (not in either part, not in the shared dev set, not a language version of one, not
// an agreement whose text is a labelled one's), at most MAX_BATCH_ARTICLES articles (the cost of labelling every
// code twice). The method, fixed before the first run: agreements with at least one gap article, ordered by
// preference (Spanish or French text first; then a party from Africa, the Caribbean or the Gulf, read from the
// corpus's region field; then the rest), within each group by the number of distinct gaps matched, then of gap
// articles, then by identifier; the first BATCH_SIZE taken.
// The first run (350 articles at most, any gap article) was discarded after its windows had been read (no rule
// output was seen): its seven picks were all Spanish agreements whose only gap article was a goods or origin
// definition naming "medios de comunicación" (advertising films, sales costs), and only 16 agreements qualified.
// The method was then amended once: a gap article must name cooperation in its text or headings (the cooperation
// draw's COOPERATION_WORD), as a cooperation article does, and the bound is MAX_BATCH_ARTICLES = 600.
// Usage: ts-node src/annotations/evaluation/list-cooperation-gap-wordings.ts (reads CORPUS_DIR)
import { corpusDir } from '../../config';
import { readCorpusAgreement } from './corpus-agreements';
import { COOPERATION_WORD, duplicatesLabelled } from './pick-cooperation-agreements';
import { AgreementMeta, eligibleAgreements, labelledAgreements, readMeta } from './pick-random-agreements';

export const MAX_BATCH_ARTICLES = 600;
export const BATCH_SIZE = 7;

const W = (body: string) => new RegExp(`(?<![\\p{L}])(?:${body})(?![\\p{L}])`, 'iu');

/** The wordings the audit found no rule element for, by the shape of article that carries them. */
export const GAP_WORDINGS: Record<string, { readonly text?: RegExp; readonly heading?: RegExp }> = {
  // A heading naming culture beside social affairs, education, youth, sport or information.
  'mixed-culture-heading': {
    heading: W(
      '(?:social|education(?:al)?|youth|sports?|information|tourism) and cultural|cultur(?:e|al) and (?:social|education|youth|sports?|information)|sociales? y cultural(?:es)?|cultura y (?:deporte|educaci[oó]n|juventud)|sociales? et culturel(?:le)?s?|culture et (?:sport|(?:é|e)ducation|jeunesse)',
    ),
  },
  // "in the cultural field", "dans le domaine culturel", "en el ámbito cultural", "en materia cultural".
  'cultural-field': {
    text: W(
      'in the cultural (?:field|sphere|domain|area)|in the field of culture|dans le domaine culturel|dans les domaines? [\\p{L} ,]{0,60}culturels?|en (?:el|los) (?:[áa]mbitos?|campos?|terrenos?) [\\p{L} ,]{0,60}cultural(?:es)?|en materia (?:cultural|de cultura)|en mati(?:è|e)re culturelle',
    ),
  },
  // Exchanges of artists, cultural weeks, festivals.
  'artist-exchanges': {
    text: W(
      "exchanges? of (?:artists|cultural (?:troupes|groups)|writers)|cultural (?:weeks|festivals|troupes)|intercambios? de artistas|semanas culturales|festivales? culturales|(?:é|e)changes? d'artistes|semaines culturelles|festivals? culturels?",
    ),
  },
  // Sport and culture, youth and culture as cooperation fields.
  'sport-youth-culture': {
    text: W(
      'sports? and cultur(?:e|al)|cultur(?:e|al) and sports?|youth and cultur(?:e|al)|deportes? y cultura|cultura y deportes?|sport et (?:la )?culture|culture et (?:le )?sport',
    ),
  },
  // Social and cultural affairs as a field of cooperation.
  'social-and-cultural-affairs': {
    text: W(
      'social and cultural (?:affairs|matters|fields?|co-?operation)|asuntos sociales y culturales|affaires sociales et culturelles',
    ),
  },
  // Information and communication, mass media.
  'information-media': {
    text: W(
      'mass media|mass communication|information and communication(?! technolog)|medios (?:masivos )?de comunicaci[oó]n(?: (?:social|masiva))?|moyens de communication de masse|information et (?:de la )?communication',
    ),
  },
  // Heritage conservation cooperation in Spanish or French (English has a phrase).
  'heritage-conservation': {
    text: W(
      '(?:conservaci[oó]n|preservaci[oó]n|protecci[oó]n|restauraci[oó]n) del patrimonio (?:cultural|hist[oó]rico)|(?:pr[ée]servation|sauvegarde|protection|conservation|restauration) du patrimoine (?:culturel|historique)|conservation of (?:the )?(?:cultural|historical) heritage|restoration of (?:monuments|cultural heritage)',
    ),
  },
  // Film and television co-production.
  'co-production': {
    text: W(
      'co-?productions? of (?:films|television)|film and television co-?production|coproducci[oó]n(?:es)? (?:cinematogr[aá]fica|audiovisual|de pel[ií]culas)|coproductions? (?:cin[ée]matographiques?|audiovisuelles?|de films)',
    ),
  },
};

export interface GapArticle {
  readonly ref: string;
  readonly gaps: string[];
  readonly headings: string;
  readonly window: string;
}

export function gapArticles(treatyIdentifier: string, dir: string = corpusDir()): GapArticle[] {
  const out: GapArticle[] = [];
  for (const provision of readCorpusAgreement(treatyIdentifier, dir).input.provisions) {
    const text = provision.text.replace(/\s+/g, ' ');
    const headings = `${provision.chapterTitle ?? ''} | ${provision.sectionTitle ?? ''} | ${provision.articleTitle ?? ''}`;
    const gaps: string[] = [];
    let at = -1;
    for (const [name, { text: inText, heading }] of Object.entries(GAP_WORDINGS)) {
      const hit = inText?.exec(text);
      if (hit) {
        gaps.push(name);
        if (at < 0) at = hit.index;
      } else if (heading?.test(headings)) gaps.push(name);
    }
    if (gaps.length === 0 || !(COOPERATION_WORD.test(text) || COOPERATION_WORD.test(headings))) continue;
    const from = Math.max(0, (at < 0 ? 0 : at) - 200);
    out.push({ ref: provision.ref, gaps, headings, window: text.slice(from, from + 450) });
  }
  return out;
}

const PREFERRED_REGION = /africa|caribbean|middle east|gulf/i;

export function preferenceGroup(meta: AgreementMeta): number {
  if (meta.language === 'es' || meta.language === 'fr') return 0;
  return PREFERRED_REGION.test(meta.region) ? 1 : 2;
}

export interface GapCandidateAgreement extends AgreementMeta {
  readonly gapKinds: number;
  readonly gapArticles: number;
}

export function orderGapCandidates(candidates: readonly GapCandidateAgreement[]): GapCandidateAgreement[] {
  return [...candidates].sort(
    (a, b) =>
      preferenceGroup(a) - preferenceGroup(b) ||
      b.gapKinds - a.gapKinds ||
      b.gapArticles - a.gapArticles ||
      Number(a.id) - Number(b.id),
  );
}

if (require.main === module) {
  const labelled = labelledAgreements();
  const eligible = eligibleAgreements(readMeta(), labelled).filter((a) => a.articles <= MAX_BATCH_ARTICLES);
  const labelledTexts = [...labelled].map((id) => {
    const texts = readCorpusAgreement(id).input.provisions.map((p) =>
      p.text.replace(/\s+/g, ' ').trim().toLowerCase(),
    );
    return new Set(texts.filter((t) => t.length > 80));
  });
  const found = new Map<string, GapArticle[]>();
  const candidates: GapCandidateAgreement[] = [];
  for (const meta of eligible) {
    const articles = gapArticles(meta.id);
    if (articles.length === 0 || duplicatesLabelled(meta.id, labelledTexts, corpusDir())) continue;
    found.set(meta.id, articles);
    candidates.push({
      ...meta,
      gapKinds: new Set(articles.flatMap((a) => a.gaps)).size,
      gapArticles: articles.length,
    });
  }
  const ordered = orderGapCandidates(candidates);
  console.log(
    `${candidates.length} eligible agreements (<= ${MAX_BATCH_ARTICLES} articles) with a gap article`,
  );
  ordered.forEach((a, i) =>
    console.log(
      `${i < BATCH_SIZE ? 'PICK' : '    '}\t${a.id}\t${a.language}\t${a.year}\t${a.region}\t${a.articles} art\t${a.gapKinds} kinds\t${a.gapArticles} gap art\t${a.name}`,
    ),
  );
  if (process.argv.includes('--windows'))
    for (const a of ordered.slice(0, BATCH_SIZE))
      for (const article of found.get(a.id) ?? [])
        console.log(
          `${a.id}\t${article.ref}\t${article.gaps.join(',')}\t${article.headings}\n   ${article.window}`,
        );
}
