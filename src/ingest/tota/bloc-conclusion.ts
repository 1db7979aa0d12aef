import { ConcludedBy } from '../../agreements/agreement.enums';
import { TotaTreaty } from './tota-treaty';

/**
 * Who concluded an agreement of the European Union (or its Communities) on the bloc's side, as its own text says:
 * a mixed agreement names the member states as contracting parties (in the preamble: "THE KINGDOM OF BELGIUM",
 * "HIS MAJESTY THE KING OF THE BELGIANS", "Contracting Parties to the Treaty establishing ..."; in the signature
 * block: "For the Kingdom of Belgium", "Pour le Royaume de Belgique"; in its first article: "an Association is
 * hereby established between the Community and its Member States"; or the party line "the Community and its
 * Member States, of the one part"); an agreement of the bloc alone names the bloc alone as the party ("THE
 * EUROPEAN ECONOMIC COMMUNITY, of the one part") and no member state as one. Belgium, a member since 1958, is
 * named in every mixed agreement's list. A text whose party line ToTA lost but whose signature block it kept is
 * the bloc's alone when the bloc signs and no line of the text could be a member state's signature
 * (`MEMBER_STATE_SIGNATURE`, broad: the OCR of the 1973 EEC-Turkey protocol mangles Belgium's but keeps the United
 * Kingdom's). Where the text says neither (ToTA holds no preamble or party line), or
 * the bloc's party line is only quoted in a recital ("WHEREAS the Euro-Mediterranean Agreement ... between the
 * European Community and its Member States, of the one part"), nothing is recorded.
 *
 * Measured on the 11 ToTA agreements whose conclusion another source confirms (the six mixed fixtures; EEC-
 * Switzerland 1972, EEC-Cyprus 1972, EEC-Egypt 1977, EC-Lebanon interim 2002, EC-Pacific interim 2009: the
 * sources are in test/corpus/bloc-conclusion.corpus-spec.ts): all 11 agree (EC-Lebanon's is then left unrecorded
 * by the import, DESTA disagreeing), none is contradicted. The fixtures, hand-checked, keep their own facts.
 */
const MEMBER_STATE_PARTY =
  /THE\s+KINGDOM\s+OF\s+BELGIUM|KING\s+OF\s+THE\s+BELGIANS|LE\s+ROYAUME\s+DE\s+BELGIQUE|ROI\s+DES\s+BELGES/;
const MEMBER_STATE_PARTY_ANY_CASE =
  /Contracting\s+Parties\s+to\s+the\s+Treat(y|ies)\s+(establishing|on)|For\s+(His\s+Majesty\s+)?the\s+King\s+of\s+the\s+Belgians|For\s+the\s+Kingdom\s+of\s+Belgium|Pour\s+le\s+Royaume\s+de\s+Belgique|Pour\s+Sa\s+Majest[eé]\s+le\s+Roi\s+des\s+Belges|hereby\s+established\s+between\s+the\s+(Community|Communities|Union)\s+and\s+(its|their)\s+Member\s+States/i;
const AND_MEMBER_STATES_PARTY =
  /(Communit(y|ies)|Union)\s*,?\s+and\s+(its|their)\s+Member\s+States\s*,?\s*(of|on)\s+the\s+(one|other)\s+part/gi;
const RECITAL = /WHEREAS|HAVING\s+REGARD|Having\s+regard|CONSIDERING|RECALLING|TAKING\s+INTO\s+ACCOUNT/;
const BLOC_ALONE_PARTY =
  /(THE\s+EUROPEAN\s+(ECONOMIC\s+|COAL\s+AND\s+STEEL\s+|ATOMIC\s+ENERGY\s+)?COMMUNIT(Y|IES)|THE\s+EUROPEAN\s+UNION|THE\s+COUNCIL\s+OF\s+THE\s+EUROPEAN\s+(ECONOMIC\s+)?COMMUNIT(Y|IES))((?!MEMBER\s+STATES|Member\s+States).){0,200}?\b(of|on|OF|ON)\s+(the|THE)\s+(one|other|ONE|OTHER)\s+(part|PART)/;

/** The bloc's own signature ("For the Council of the European Communities", "Pour la Communauté européenne"). */
const BLOC_SIGNATURE =
  /For\s+the\s+(Council\s+of\s+the\s+)?European\s+(Economic\s+)?Communit(y|ies)|For\s+the\s+European\s+Union|Pour\s+(le\s+Conseil\s+des|la)\s+Communaut/i;
/** Names of the member states before 2004 (the old agreements' signature blocks), in English, French, German, Dutch. */
const MEMBER_STATE_NAMES = [
  'Belgi',
  'Belges',
  'Denmark',
  'Danmark',
  'Danemark',
  'German',
  'Allemagne',
  'Deutschland',
  'French',
  'Ital',
  'Luxemb',
  'Netherlands',
  'Nederland',
  'Pays-Bas',
  'United Kingdom',
  'Royaume-Uni',
  'Ireland',
  'Irlande',
  'Hellenic',
  'Greece',
  'Grèce',
  'Spain',
  'Espagne',
  'España',
  'Portug',
];
const nameAlternatives = MEMBER_STATE_NAMES.flatMap((n) => [n, n.toUpperCase()])
  .map((n) => n.replace(/[-]/g, '\\-').replace(/ /g, '\\s+'))
  .join('|');
/**
 * A line that may be a member state's signature: "For"/"Pour"/"Für"/"Voor"/"Per" with a capital (a signature
 * line starts one; "- for Denmark, Ireland and the United Kingdom" in a tariff clause does not), then a member
 * state's name. Broad on purpose (an OCR-broken "Pour Sa Majesté le Roi des Belges" is caught), since it only ever
 * keeps a text from being read as the bloc's alone.
 */
const MEMBER_STATE_SIGNATURE = new RegExp(
  `\\b(?:For|FOR|Pour|POUR|F[uü]r|F[UÜ]R|Voor|VOOR|Per|PER)\\s+[^.;]{0,60}?(?:${nameAlternatives}|fran[cç]aise)`,
);

/** How much of the text's start holds its title, preamble and first article (where the parties are named). */
const OPENING_ARTICLES = 3;
const OPENING_CHARACTERS = 8000;

export interface BlocConclusion {
  concludedBy: ConcludedBy;
  /** Where in the text it says so, in our words (the record's factSources quotes no treaty sentence). */
  evidence: string;
}

const folded = (text: string): string => text.replace(/\s+/g, ' ');

/** What the treaty's text says of who concluded it on the EU's side, or null when it says neither. */
export function blocConclusionFromText(treaty: Pick<TotaTreaty, 'chapters'>): BlocConclusion | null {
  const articles = treaty.chapters.flatMap((c) => c.articles).sort((a, b) => a.order - b.order);
  const whole = folded(articles.map((a) => a.text).join(' '));
  const opening = folded(
    articles
      .slice(0, OPENING_ARTICLES)
      .map((a) => a.text)
      .join(' '),
  ).slice(0, OPENING_CHARACTERS);
  if (MEMBER_STATE_PARTY.test(whole))
    return {
      concludedBy: ConcludedBy.MIXED,
      evidence: 'Belgium (or its King) named among the contracting parties',
    };
  const named = MEMBER_STATE_PARTY_ANY_CASE.exec(whole);
  if (named)
    return {
      concludedBy: ConcludedBy.MIXED,
      evidence: /^(For|Pour)/i.test(named[0])
        ? "a member state's signature block"
        : /^Contracting/i.test(named[0])
          ? 'the member states named as contracting parties to the EU treaties'
          : 'an association established with the bloc and its member states',
    };
  for (const m of opening.matchAll(AND_MEMBER_STATES_PARTY))
    if (!RECITAL.test(opening.slice(Math.max(0, m.index - 400), m.index)))
      return {
        concludedBy: ConcludedBy.MIXED,
        evidence: 'the bloc and its member states named as one party',
      };
  if (BLOC_ALONE_PARTY.test(opening))
    return { concludedBy: ConcludedBy.BLOC_ONLY, evidence: 'the bloc alone named as the party on its side' };
  if (BLOC_SIGNATURE.test(whole) && !MEMBER_STATE_SIGNATURE.test(whole))
    return { concludedBy: ConcludedBy.BLOC_ONLY, evidence: "the bloc's signature, and no member state's" };
  return null;
}
