/**
 * Chapters that carry services, investment or establishment commitments, told by the words of their titles
 * (English, Spanish, French).
 */
const COMMITMENT_WORDS = [
  'service',
  'services',
  'servicio',
  'servicios',
  'investment',
  'investments',
  'inversión',
  'inversion',
  'inversiones',
  'investissement',
  'investissements',
  'establishment',
  'establecimiento',
  'établissement',
  'etablissement',
];

/** Titles about cooperation or promotion, or about setting up the free trade area, commit to no access. */
const NOT_COMMITMENTS = [
  'promotion',
  'facilitation',
  'cooperation',
  'co-operation',
  'cooperación',
  'coopération',
  'free trade area',
  'zona de libre comercio',
  'zone de libre-échange',
];

const words = (title: string): string[] => title.toLowerCase().split(/[^\p{L}-]+/u);

export function isServicesOrInvestmentChapter(title: string | null): boolean {
  if (!title) return false;
  const lower = title.toLowerCase();
  if (NOT_COMMITMENTS.some((phrase) => lower.includes(phrase))) return false;
  return words(title).some((w) => COMMITMENT_WORDS.includes(w));
}

const SERVICES_OBLIGATION_TITLE =
  /national treatment|market access|trato nacional|acceso a(l)? (los )?mercados?|traitement national|acc[eè]s aux march[eé]s/i;

/** An article that commits the parties (national treatment, market access) inside a services or investment chapter. */
export function isServicesObligation(chapterTitle: string | null, articleTitle: string | null): boolean {
  return (
    isServicesOrInvestmentChapter(chapterTitle) &&
    articleTitle !== null &&
    SERVICES_OBLIGATION_TITLE.test(articleTitle)
  );
}
