import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotatorLanguage } from './language';
import { anyOf, Span, stem, test, words } from './patterns';
import { ProvisionContext, Topic, topicsOf } from './provision-context';
import { contextRule, findPair, pairRule, phraseRule, Rule, ruleId } from './rule';
import { COOPERATION, CULTURE_AS_COOPERATION_OBJECT, NOT_A_CULTURE_SECTOR } from './vocabulary';

const CODE = TaxonomyCodeId.CULTURAL_COOPERATION;

// Words a culture chapter title may contain besides its cultural subject ("Cooperation on Culture,
// Audio-Visual Policy and Media", "Cooperation in the Cultural Field").
const CULTURE_TITLE_WORDS =
  /\b(?:cultur(?:e|al)|audio-?visual|media|cinema(?:tography)?|films?|television|co-?productions?|coproducci[oó]n|arts?|cultura(?:l|les)?|audiovisual(?:es)?|cine|medios|culturel(?:le)?s?|audiovisuels?|m[ée]dias|cin[ée]ma|co-?operation|cooperaci[oó]n|coop[ée]ration|policy|pol[ií]tica|politique|matters|affairs|fields?|broadcasting|radiodifusi[oó]n|radiodiffusion|sector|exchanges?|promotion|identit(?:y|ies)|in|on|of|the|and|de|del|la|las|los|en|y|et|le|les|des|du|dans|sur|domaine|[áa]mbito|asuntos|questions)\b/gi;

// Subjects that, next to culture in a chapter title, make it a mixed chapter ("Audio-Visual and Cultural
// Matters, Information and Communication"): its articles on the other subjects are not cultural cooperation.
const MIXED_TITLE_WORDS = /\b(?:information|communication|informaci[oó]n|comunicaci[oó]n)\b/gi;

/** A chapter or section whose title is about culture, audiovisual policy or media only. */
export function isCultureHeading(heading: string): boolean {
  const topics = topicsOf(heading);
  if (!topics.has(Topic.CULTURE)) return false;
  return heading.replace(CULTURE_TITLE_WORDS, ' ').replace(/[\s,;:&–-]+/g, '') === '';
}

/** Articles of a culture chapter that organise it rather than commit to cooperate (definitions, amendment, ...). */
const PROCEDURAL_TITLE =
  /definition|definici|d[ée]finition|amendment|enmienda|modification|dispute|controversias|diff[ée]rends|committee|commission|comit[ée]|implementing arrangement|contact points?|review|entry into force/i;

const NOT_COOPERATION_PLACES = [
  Topic.INTELLECTUAL_PROPERTY,
  Topic.PROCUREMENT,
  Topic.GOODS_CUSTOMS,
  Topic.DISPUTES,
  Topic.EXCEPTIONS,
];

const DEFINITIONS_TITLE = /definition|definici|d[ée]finition/i;

function cooperationPlace(context: ProvisionContext): boolean {
  return (
    !DEFINITIONS_TITLE.test(context.articleTitle) &&
    !NOT_COOPERATION_PLACES.some((topic) => context.placeTopics.has(topic) || context.titleTopics.has(topic))
  );
}

// "audiovisual or media cooperation" (taxonomy): an article of a cooperation part titled after the press or the
// media alone is media cooperation.
const CULTURE_ARTICLE_TITLE =
  /\bcultur(?:e|al) (?:co-?operation|exchanges?|affairs|matters|relations|dialogue)|^cultur(?:e|al)$|\bculture\b|audio-?visual|cinema|media co-?operation|co-?production|co-?operation (?:in|on) (?:the )?(?:culture|media)|cooperaci[oó]n cultural|^cultura$|coop[ée]ration culturelle|^culture$|^(?:the )?(?:press|(?:mass )?media)(?: and (?:the )?(?:press|media))?$|^(?:la )?prensa$|^(?:medios de comunicaci[oó]n|la presse|les m[ée]dias)$/i;

// The other fields a series of adjectives may name beside culture ("economic, social, cultural and financial
// cooperation"; "cooperación económica, social y cultural"; "coopération économique, sociale et culturelle").
const FIELD_ADJECTIVE = {
  en: '(?:economic|social|political|financial|scientific|technical|technological|educational|commercial|trade|humanitarian|environmental|academic|industrial|sporting|sports)',
  es: '(?:econ(?:ó|o)mica|social|pol(?:í|i)tica|financiera|cient(?:í|i)fica|t(?:é|e)cnica|tecnol(?:ó|o)gica|educativa|comercial|deportiva)',
  fr: '(?:(?:é|e)conomique|sociale|politique|financi(?:è|e)re|scientifique|technique|technologique|(?:é|e)ducative|commerciale|sportive)',
};

const COOPERATION_WORD: Record<AnnotatorLanguage, string> = {
  en: 'co-?operat(?:e|es|ion|ing|ive)|collaborat(?:e|es|ion)',
  es: 'cooperar(?:á|a)?n?|cooperaci(?:ó|o)n|colaborar(?:á|a)?n?|colaboraci(?:ó|o)n',
  fr: 'coop(?:é|è|e)r(?:er|eront|era|ent)|coop(?:é|e)ration|collaboration|collaborer(?:ont)?',
};

// The same fields in the masculine, for a series after a masculine noun ("ámbitos económico y social";
// "domaines économique et social").
const FIELD_ADJECTIVE_MASCULINE = {
  es: '(?:econ(?:ó|o)mic[oa]s?|social(?:es)?|pol(?:í|i)tic[oa]s?|financier[oa]s?|cient(?:í|i)fic[oa]s?|t(?:é|e)cnic[oa]s?|tecnol(?:ó|o)gic[oa]s?|educativ[oa]s?|comercial(?:es)?|deportiv[oa]s?)',
  fr: '(?:(?:é|e)conomiques?|sociaux|social|politiques?|financiers?|scientifiques?|techniques?|technologiques?|(?:é|e)ducatifs?|commerciaux|commercial|sportifs?)',
};

const CULTURAL_COOPERATION_PHRASE: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      // The series may end with a field of two words ("educational, cultural and primary industry cooperation"), and
      // cooperation may be called collaboration ("human capital development and cultural collaboration").
      `(?:${FIELD_ADJECTIVE.en},? (?:and |or )?)*cultural(?:,? (?:and |or )?${FIELD_ADJECTIVE.en})*(?:,? (?:and|or) [a-z]+(?: [a-z]+)?)? (?:co-?operation|collaboration)`,
      "(?:promot(?:e|ing|ion of)|strengthen(?:ing)?) (?:their |the )?(?:[a-z]+(?:s'|'s) )?cultural identit(?:y|ies)",
      'co-?operation (?:in|on) (?:the (?:fields?|areas?) of )?(?:culture|cultural (?:matters|affairs)|audio-? ?visual|broadcasting)',
      'cultural exchanges?',
      'audio-? ?visual co-?operation',
      'exchanges? of (?:radio|television|tv|audio-? ?visual)(?: (?:and|or) (?:radio|television|tv))? programm(?:e|es|ing)',
      'programme exchanges?',
      'co-?operat(?:e|ion) (?:in|on) (?:the )?(?:preservation|protection) of (?:the )?cultural heritage',
      // Media cooperation in the information articles of the Europe Agreements: coordinating the regulation of
      // cross-border broadcasting, training journalists and media professionals.
      '(?:co-?ordinate|harmoni[sz]e)(?:,? and,? where appropriate,? (?:co-?ordinate|harmoni[sz]e))? (?:their )?polic(?:y|ies) (?:regarding|on|concerning|for) the regulation of cross-border broadcast(?:s|ing)',
      'training (?:facilities )?(?:for|of) journalists',
      // Information and communication technology put to cultural use, in a list of ICT cooperation subjects.
      '(?:digiti[sz]ation of|digiti[sz]ing|multimedia access to) (?:the )?cultural (?:heritage|resources|content|and [a-z]+ resources)',
    ),
  ),
  es: words(
    anyOf(
      `(?:cooperaci(?:ó|o)n|colaboraci(?:ó|o)n) (?:${FIELD_ADJECTIVE.es},? (?:y |e )?)*cultural`,
      'cooperaci(?:ó|o)n en (?:el (?:á|a)mbito de )?la cultura',
      // The field named by its noun, the series of adjectives after it ("en los ámbitos económico, social y
      // cultural"; "in the economic, social and cultural fields" in English word order).
      `(?:${COOPERATION_WORD.es}) en (?:el|los) (?:(?:á|a)mbitos?|campos?|terrenos?|sectores?) (?:${FIELD_ADJECTIVE_MASCULINE.es},? (?:y |e )?)*cultural(?:es)?`,
      'intercambios? cultural(?:es)?',
      'intercambio de programas (?:de radio|de televisi(?:ó|o)n|audiovisuales)',
      'formaci(?:ó|o)n de periodistas',
      'digitalizaci(?:ó|o)n del patrimonio cultural',
    ),
  ),
  fr: words(
    anyOf(
      `(?:coop(?:é|e)ration|collaboration) (?:${FIELD_ADJECTIVE.fr},? (?:et )?)*culturelle`,
      'coop(?:é|e)ration dans le domaine de la culture',
      `(?:${COOPERATION_WORD.fr}) dans les? (?:domaines?|secteurs?) (?:${FIELD_ADJECTIVE_MASCULINE.fr},? (?:et )?)*culturels?`,
      '(?:é|e)changes culturels',
      '(?:é|e)changes? de programmes (?:de radio|de t(?:é|e)l(?:é|e)vision|audiovisuels)',
      'formation (?:des|de) journalistes',
      'num(?:é|e)risation du patrimoine culturel',
    ),
  ),
};

/**
 * Cooperation on conserving or restoring cultural heritage, monuments or historic sites (the heritage limb of
 * Convention Art. 12's cultural cooperation). Not in tourism articles, which name heritage as an attraction.
 */
const HERITAGE_CONSERVATION_COOPERATION: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    `(?:${COOPERATION_WORD.en})(?: [\\p{L}-]+){0,3} (?:in|on|for) (?:the )?(?:conservation|restoration|preservation|protection|safeguarding)(?:,? (?:and |or )?(?:conservation|restoration|preservation|protection|safeguarding))* of (?:the )?(?:(?:architectural|cultural|historical|historic)(?: and (?:architectural|cultural|historical|historic))? heritage|monuments|historic sites)`,
  ),
  es: words(
    `(?:${COOPERATION_WORD.es})(?: [\\p{L}-]+){0,3} (?:en|para) (?:la )?(?:conservaci(?:ó|o)n|restauraci(?:ó|o)n|preservaci(?:ó|o)n|protecci(?:ó|o)n|salvaguardia)(?:,? (?:y |o )?(?:conservaci(?:ó|o)n|restauraci(?:ó|o)n|preservaci(?:ó|o)n|protecci(?:ó|o)n|salvaguardia))* (?:del patrimonio (?:cultural|hist(?:ó|o)rico|arquitect(?:ó|o)nico)|de (?:los )?monumentos)`,
  ),
  fr: words(
    `(?:${COOPERATION_WORD.fr})(?: [\\p{L}'-]+){0,3} (?:(?:à|a) la|pour la|dans la|en mati(?:è|e)re de) (?:conservation|restauration|pr(?:é|e)servation|protection|sauvegarde)(?:,? (?:et |ou )?(?:conservation|restauration|pr(?:é|e)servation|protection|sauvegarde))* (?:du patrimoine (?:culturel|historique|architectural)|des monuments)`,
  ),
};

/**
 * A commitment to promote or facilitate film, television or audiovisual co-production: audiovisual cooperation
 * (taxonomy), whether or not the word cooperation is written.
 */
const CO_PRODUCTION_PROMOTION: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    '(?:encourag|promot|facilitat|support|foster|develop)(?:e|es|ed|ing|ion of) (?:the )?(?:joint )?(?:(?:film|cinematographic|audio-? ?visual|television) )?co-?productions?(?: (?:of|between|in) (?:[\\p{L}-]+ ){0,3}(?:films?|cinema|television|audio-? ?visual(?: works)?|programmes))?',
  ),
  es: words(
    '(?:fomentar|promover|facilitar|apoyar|alentar|impulsar)(?:(?:á|a)n?)? (?:la |las )?coproducci(?:ó|o)n(?:es)?',
  ),
  fr: words(
    '(?:encourag|promouv|favoris|facilit|soutien|d(?:é|e)velopp)(?:e|ent|er|eront|era|oir|nent)? (?:la |les )?coproductions?',
  ),
};

/**
 * The mass media named as a field of cooperation or of the policies a cooperation chapter commits to ("policies in
 * the area of social communication"; "cooperation in the field of mass media"): media cooperation (taxonomy).
 */
const MASS_MEDIA_FIELD: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    '(?:in|on) the (?:areas?|fields?|sphere|sectors?) of (?:the )?(?:social communication|mass (?:media|communications?))',
  ),
  es: words(
    'en (?:(?:el|los|la|las) )?(?:(?:á|a)reas?|(?:á|a)mbitos?|campos?|sectores?|esferas?|materias?) de (?:la |los )?(?:comunicaci(?:ó|o)n social|medios (?:masivos )?de comunicaci(?:ó|o)n(?: social| masiva)?)',
  ),
  fr: words(
    'dans (?:le|les) (?:domaines?|secteurs?) (?:de la communication sociale|des (?:moyens de communication de masse|m(?:é|e)dias))',
  ),
};

/** A list of cooperation areas or fields ("cooperation shall cover the following areas: ... culture"). */
const AREA_LIST: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      '(?:following|these|other|specific|priority) (?:areas|fields|sectors|subjects|activities)',
      '(?:areas|fields) of co-?operation',
      '(?:may|shall|will|could) (?:also )?(?:include|cover|comprise|encompass)',
      'inter alia',
      'such as',
      '(?:in particular|particularly|especially) (?:in|on)',
      '(?:shall|will|should) (?:focus|concentrate) on',
      'priorities (?:for co-?operation )?(?:shall|will) be',
      'notably',
      'in the (?:areas|fields|sectors|domains) of',
      '(?:areas|fields) (?:that|which) (?:will|shall) be (?:addressed|covered)',
    ),
  ),
  es: stem(
    anyOf(
      '(?:siguientes|estas) (?:(?:á|a)reas|materias|sectores|actividades)',
      '(?:á|a)reas de cooperaci(?:ó|o)n',
      'podr(?:á|a)n? incluir',
      'incluir(?:á|a)n?',
      'entre otr[oa]s',
      '(?:en particular|particularmente|especialmente) en',
      'se centrar(?:á|a)n? en',
      'en (?:las|los) (?:(?:á|a)reas|(?:á|a)mbitos|campos|sectores) de',
      'tales como',
    ),
  ),
  fr: stem(
    anyOf(
      '(?:domaines|secteurs) suivants',
      'domaines de coop(?:é|e)ration',
      'peu(?:ven)?t (?:inclure|porter)',
      'notamment',
      'en particulier (?:dans|en|sur)',
      'porter(?:a|ont) sur',
      'dans les domaines (?:de|du|des)',
      'tels? que',
    ),
  ),
};

const LISTED_CULTURE_EN = anyOf(
  `${NOT_A_CULTURE_SECTOR}culture(?! of)`,
  'cultural (?:affairs|matters|activities|industr(?:y|ies)|exchanges?|services|sector|field|co-?operation|collaboration|events)',
  'audio-? ?visual(?: sector| industry| policy| media| services)?',
  'cinema',
  'creative industries',
);

/** Culture named as a field, per language; cultural heritage apart (see LISTED_CULTURE_IN_COOPERATION_PLACE). */
const LISTED_CULTURE_TERMS: Record<'es' | 'fr', { fields: string[]; heritage: string }> = {
  es: {
    fields: [
      'cultura',
      '(?:asuntos|actividades|industrias|servicios|bienes) culturales',
      'audiovisual(?:es)?',
      'cine',
    ],
    heritage: 'patrimonio cultural',
  },
  fr: {
    fields: [
      'culture',
      '(?:affaires|activit(?:é|e)s|industries|services|biens) culturel(?:le)?s',
      'audiovisuel',
      'cin(?:é|e)ma',
    ],
    heritage: 'patrimoine culturel',
  },
};

const LISTED_CULTURE: Record<AnnotatorLanguage, RegExp> = {
  en: words(LISTED_CULTURE_EN),
  es: words(anyOf(...LISTED_CULTURE_TERMS.es.fields, LISTED_CULTURE_TERMS.es.heritage)),
  fr: words(anyOf(...LISTED_CULTURE_TERMS.fr.fields, LISTED_CULTURE_TERMS.fr.heritage)),
};

/**
 * Culture as an item of a list in an article of a cooperation chapter or section (the heading makes the list one
 * of cooperation fields): LISTED_CULTURE without cultural heritage, which such lists name for tourism, and without
 * "social and cultural activities", culture as a dimension of (rural, social) development rather than a field.
 */
const LISTED_CULTURE_IN_COOPERATION_PLACE: Record<AnnotatorLanguage, RegExp> = {
  en: words(`(?<!social and )(?:${LISTED_CULTURE_EN})`),
  es: words(anyOf(...LISTED_CULTURE_TERMS.es.fields)),
  fr: words(anyOf(...LISTED_CULTURE_TERMS.fr.fields)),
};

const TOURISM_TITLE = /touris|turismo/i;

// "social and cultural activities (such as health, education and culture)": an example in brackets illustrates the
// item before it, which is what the list names.
const BRACKETED_EXAMPLE =
  /\((?:such as|e\.g\.|for example|i\.e\.|tales como|por ejemplo|tels? que|par exemple)[^()]*$/i;

function inBracketedExample(text: string, start: number): boolean {
  return BRACKETED_EXAMPLE.test(text.slice(Math.max(0, start - 120), start));
}

/**
 * What an area list may be a list of: cooperation, or the integration and policy coordination of regional
 * communities ("the harmonisation and coordination of national policies ... in ... culture").
 */
const LIST_COMMITMENT: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      COOPERATION.en,
      'integration (?:programmes|projects|activities)',
      'harmoni[sz]ation and co-?ordination of (?:their |national )?policies',
    ),
  ),
  es: words(
    anyOf(COOPERATION.es, 'armonizaci(?:ó|o)n y coordinaci(?:ó|o)n de (?:sus |las )?pol(?:í|i)ticas'),
  ),
  fr: words(anyOf(COOPERATION.fr, 'harmonisation et (?:la )?coordination des politiques')),
};

const CREATIVE_INDUSTRIES: Record<AnnotatorLanguage, RegExp> = {
  en: words('creative (?:industries|communities|sectors?)|cultural industries'),
  es: words('industrias (?:creativas|culturales)'),
  fr: words('industries (?:cr(?:é|e)atives|culturelles)'),
};

/**
 * A commitment to cooperate, in the sentence that names the fields: a cooperation word with an operative verb
 * ("the Parties shall cooperate in", "will strengthen mutual cooperation", "agree to promote cooperation";
 * "las Partes fomentarán la cooperación"; "les Parties s'engagent à coopérer"). The verb may precede or follow.
 */
const COMMITMENT_VERB: Record<AnnotatorLanguage, string> = {
  en: 'shall|will|agree[sd]?|undertake|(?:to |shall |will )?(?:promote|strengthen|develop|encourage|foster|enhance|expand|broaden|intensify|support|seek)|may',
  es: 'acuerdan|convienen|se comprometen|(?:promover|fomentar|fortalecer|desarrollar|impulsar|ampliar|intensificar|apoyar|establecer|incluir|abarcar|comprender|cooperar|colaborar)(?:á|a)n?|podr(?:á|a)n?|deber(?:á|a)n?',
  fr: "conviennent|s'engagent|(?:promouv|encourag|renforc|d(?:é|e)velopp|intensifi|soutien|inclu|couvr|coop(?:é|è|e)r|collabor)(?:ent|eront|era|ont|ra)|peu(?:ven)?t|doi(?:ven)?t|porte(?:ra|ront|nt)?",
};
const COOPERATION_COMMITMENT: Record<AnnotatorLanguage, RegExp> = Object.fromEntries(
  (['en', 'es', 'fr'] as const).map((language) => [
    language,
    words(
      anyOf(
        `(?:${COMMITMENT_VERB[language]})(?: [\\p{L}'-]+){0,6} (?:${COOPERATION_WORD[language]})`,
        `(?:${COOPERATION_WORD[language]})(?: [\\p{L}'-]+){0,6} (?:${COMMITMENT_VERB[language]})`,
      ),
    ),
  ]),
) as Record<AnnotatorLanguage, RegExp>;

/** A field named as an item of a list: "culture" or a cultural sector, and the media named as a bare item. */
const FIELD_ITEM: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    `(?<!social and )(?:${LISTED_CULTURE_EN}|cultural aspects|(?<!(?:communications?|information|electronic|digital|news|storage|other) )(?:the )?(?:mass )?media(?! reports?))`,
  ),
  es: words(anyOf(...LISTED_CULTURE_TERMS.es.fields, 'medios de comunicaci(?:ó|o)n')),
  fr: words(anyOf(...LISTED_CULTURE_TERMS.fr.fields, 'm(?:é|e)dias')),
};

// What separates the items of a list: punctuation, bullets, enumerators ("(a)", "ii)", "3."), conjunctions.
const ITEM_BEFORE =
  /(?:[,;:•·▪\u2022]|\(\w{1,4}\)|(?:^|\s)\w{1,4}\)|(?:^|\s)\d{1,2}\.|(?:^|\s)[-–]|\b(?:and|or|y|e|o|et|ou)\b)\s*(?:(?:the|la|el|le|les|los|las|l'|de|del|des|du|in|on|of|en|dans|sur)\s+){0,2}(?:[\p{L}-]+\s+){0,3}$/iu;
const ITEM_AFTER = /^\s*(?:[,;.•·▪\u2022]|\(\w{1,4}\)|\b(?:and|or|y|e|o|et|ou)\b|$)/iu;
const LIST_SEPARATOR = /[,;•·▪\u2022]|\(\w{1,4}\)/gu;

/** Culture as something to respect or take into account, or as a party's own attribute, rather than a field. */
const CULTURE_AS_CONTEXT: Record<AnnotatorLanguage, RegExp> = {
  en: /\b(?:tak(?:e|es|ing) (?:in)?to (?:account|consideration)|account (?:being )?taken of|regard(?:ing)? (?:to|for)|respect(?:ing)? (?:for )?|bearing in mind|consistent with|their|its|his|her|respective|each other[’']s|one another[’']s|other[’']s|party[’']s|parties[’']|peoples?[’']s?|knowledge of|understanding of|through|by means of|via)\b[^;:]{0,80}$/iu,
  es: /(?<![\p{L}])(?:teniendo en cuenta|tomando en cuenta|(?:tomar|tener|tendr)(?:á|a)?n? en cuenta|respeto (?:a|de)|su|sus|conocimiento de|comprensi(?:ó|o)n de|a trav(?:é|e)s de|mediante)(?![\p{L}])[^;:]{0,80}$/iu,
  fr: /(?<![\p{L}])(?:compte tenu|tenant compte|tenir compte|respect (?:de|des)|leur|leurs|sa|son|ses|connaissance d|compr(?:é|e)hension d|par le biais d|au moyen d|(?:à|a) travers)(?![\p{L}])[^;:]{0,80}$/iu,
};

/**
 * The list names what a cooperation is expected to bring about, not its fields ("cooperation aiming at restoring
 * the navigation ... which will lead to flood prevention, ..., promoting tourism and cultural activities").
 */
const OUTCOME_LEAD: Record<AnnotatorLanguage, RegExp> = {
  en: /\b(?:which|that) (?:will|would|should|shall) (?:lead|contribute) to\b/i,
  es: /(?<![\p{L}])(?:que|lo cual) (?:conducir|contribuir|llevar)(?:á|a)(?![\p{L}])/iu,
  fr: /(?<![\p{L}])(?:qui|ce qui) (?:conduira|contribuera|m(?:è|e)nera)(?![\p{L}])/iu,
};

/**
 * Culture (or a cultural sector, or the media) named as one item of a list of fields in a sentence that commits the
 * parties to cooperate, or in an article of a cooperation chapter, section or title, with no list cue needed.
 * Not in a tourism article, not as a bracketed example, not culture as a dimension of development ("social and
 * cultural development" names no listed field), nor as something to respect or take into account.
 */
function cultureItemOfCooperationFields(context: ProvisionContext, language: AnnotatorLanguage): Span | null {
  if (!cooperationPlace(context) || context.location !== ProvisionLocation.OPERATIVE) return null;
  if (TOURISM_TITLE.test(context.articleTitle)) return null;
  const cooperationHeading =
    context.placeTopics.has(Topic.COOPERATION) || context.titleTopics.has(Topic.COOPERATION);
  const text = context.text.text;
  // What a sentence holds is read once per sentence, not once per item in it: a sentence of thousands of items (a
  // pasted draft of one word repeated) would otherwise be read thousands of times (minutes of the event loop).
  const sentences = new Map<number, SentenceFacts>();
  for (const span of context.text.find(FIELD_ITEM[language])) {
    const sentence = context.text.sentenceAround(span);
    let facts = sentences.get(sentence.start);
    if (!facts) {
      facts = sentenceFacts(text.slice(sentence.start, sentence.end), language);
      sentences.set(sentence.start, facts);
    }
    if (facts.institutional) continue;
    if (inBracketedExample(text, span.start)) continue;
    const before = text.slice(Math.max(sentence.start, span.start - 80), span.start);
    if (!ITEM_BEFORE.test(before) || !ITEM_AFTER.test(text.slice(span.end, span.end + 20))) continue;
    if (CULTURE_AS_CONTEXT[language].test(before)) continue;
    if (facts.outcomeLeadEnd <= span.start - sentence.start) continue;
    if (cooperationHeading) {
      if (facts.listSeparators >= 2) return span;
      continue;
    }
    if (facts.listSeparators >= 2 && facts.commitment()) return span;
    if (ledInByCommitment(text, span, language)) return span;
  }
  return null;
}

interface SentenceFacts {
  /** A committee or a saving clause (not an open-ended scope). */
  institutional: boolean;
  /** Where the first lead-in to outcomes ("which will lead to") ends, in the sentence (Infinity: none). */
  outcomeLeadEnd: number;
  listSeparators: number;
  /** The sentence commits the parties to cooperate (read when asked). */
  commitment(): boolean;
}

function sentenceFacts(sentence: string, language: AnnotatorLanguage): SentenceFacts {
  let commitment: boolean | undefined;
  const lead = new RegExp(OUTCOME_LEAD[language].source, `${OUTCOME_LEAD[language].flags}g`);
  let outcomeLeadEnd = Infinity;
  for (const match of sentence.matchAll(lead))
    outcomeLeadEnd = Math.min(outcomeLeadEnd, match.index + match[0].length);
  return {
    institutional: test(INSTITUTIONAL, sentence.replace(OPEN_ENDED_SCOPE, ' ')),
    outcomeLeadEnd,
    listSeparators: (sentence.match(LIST_SEPARATOR) ?? []).length,
    commitment: () => (commitment ??= test(COOPERATION_COMMITMENT[language], sentence)),
  };
}

// A sentence break inside an enumerated list ("(a) roads. (b) culture") continues the list; any other ends it.
const NOT_AN_ITEM_START = /[.!?] (?!\(?\w{1,4}\)|\d{1,2}\.|[•·▪\u2022-])/u;

/**
 * An enumerated list whose lead-in commits the parties to cooperate ("The Parties shall cooperate in the following
 * fields: (a) ...; (b) ..."), when the list's items are cut into sentences of their own.
 */
function ledInByCommitment(text: string, span: Span, language: AnnotatorLanguage): boolean {
  const window = text.slice(Math.max(0, span.start - 1500), span.start);
  const colon = window.lastIndexOf(':');
  if (colon < 0) return false;
  const list = window.slice(colon);
  if (NOT_AN_ITEM_START.test(list) || (list.match(LIST_SEPARATOR) ?? []).length < 2) return false;
  const leadStart = Math.max(window.lastIndexOf('. ', colon), 0);
  return test(COOPERATION_COMMITMENT[language], window.slice(leadStart, colon));
}

/** Institutional mentions (a committee on cultural cooperation, a saving clause) are not a commitment to cooperate. */
// ... but a list that opens by keeping other areas possible ("Without prejudice to the possibility of extending the
// cooperation efforts to other areas, the Parties shall closely cooperate in areas aimed at: ...") is no saving clause.
const OPEN_ENDED_SCOPE =
  /\b(?:without prejudice to the possibility of (?:extending|expanding)|sin perjuicio de la posibilidad de (?:extender|ampliar)|sans pr(?:é|e)judice de la possibilit(?:é|e) d'(?:(?:é|e)tendre|(?:é|e)largir))\b/giu;
const INSTITUTIONAL = stem('Committee|without prejudice|Comit(?:é|e)|sin perjuicio|sans pr(?:é|e)judice');

function rulesFor(language: AnnotatorLanguage): Rule[] {
  return [
    phraseRule({
      code: CODE,
      language,
      name: 'cultural-cooperation-phrase',
      confidence: 0.85,
      why: 'commits to (or promotes) cultural cooperation or cultural exchanges',
      when: cooperationPlace,
      pattern: CULTURAL_COOPERATION_PHRASE[language],
      unlessSentence: INSTITUTIONAL,
    }),
    pairRule({
      code: CODE,
      language,
      name: 'cooperate-on-culture',
      confidence: 0.75,
      why: 'a cooperation commitment whose object is culture, the arts, audiovisual, cinema, media or creative industries',
      when: (context) => context.location === ProvisionLocation.OPERATIVE && cooperationPlace(context),
      first: words(COOPERATION[language]),
      second: words(CULTURE_AS_COOPERATION_OBJECT[language]),
      maxGap: 100,
      anyOrder: true,
      unlessSentence: INSTITUTIONAL,
    }),
    {
      id: ruleId(CODE, language, 'culture-in-list-of-cooperation-areas'),
      code: CODE,
      language,
      confidence: 0.6,
      why: 'culture (or a cultural sector) is one of the listed areas of a cooperation (or integration) commitment',
      apply(context) {
        if (!cooperationPlace(context) || context.location !== ProvisionLocation.OPERATIVE) return null;
        const span = findPair(context, LIST_COMMITMENT[language], LISTED_CULTURE[language], 600, true);
        return span && test(AREA_LIST[language], context.text.sentenceText(span)) ? { span } : null;
      },
    },
    {
      id: ruleId(CODE, language, 'culture-in-list-of-cooperation-chapter'),
      code: CODE,
      language,
      confidence: 0.6,
      why: 'culture (or a cultural sector) is an item of a list of fields in an article of a cooperation chapter or section',
      apply(context) {
        if (!cooperationPlace(context) || context.location !== ProvisionLocation.OPERATIVE) return null;
        if (!context.placeTopics.has(Topic.COOPERATION) && !context.titleTopics.has(Topic.COOPERATION))
          return null;
        if (TOURISM_TITLE.test(context.articleTitle)) return null;
        for (const span of context.text.find(LISTED_CULTURE_IN_COOPERATION_PLACE[language])) {
          const sentence = context.text.sentenceText(span);
          if (inBracketedExample(context.text.text, span.start)) continue;
          if (test(AREA_LIST[language], sentence) && !test(INSTITUTIONAL, sentence)) return { span };
        }
        return null;
      },
    },
    {
      id: ruleId(CODE, language, 'culture-item-of-cooperation-fields'),
      code: CODE,
      language,
      confidence: 0.6,
      why: 'culture (or a cultural sector, or the media) is one item of the list of fields of a cooperation commitment or of an article under a cooperation heading',
      apply(context) {
        const span = cultureItemOfCooperationFields(context, language);
        return span ? { span } : null;
      },
    },
    phraseRule({
      code: CODE,
      language,
      name: 'cooperation-on-heritage-conservation',
      confidence: 0.75,
      why: 'cooperation on conserving, restoring or protecting cultural heritage or monuments',
      when: (context) => cooperationPlace(context) && !TOURISM_TITLE.test(context.articleTitle),
      pattern: HERITAGE_CONSERVATION_COOPERATION[language],
      unlessSentence: INSTITUTIONAL,
    }),
    phraseRule({
      code: CODE,
      language,
      name: 'promote-co-production',
      confidence: 0.75,
      why: 'commits to encourage or facilitate film, television or audiovisual co-production',
      when: cooperationPlace,
      pattern: CO_PRODUCTION_PROMOTION[language],
      unlessSentence: INSTITUTIONAL,
    }),
    {
      id: ruleId(CODE, language, 'mass-media-field-of-cooperation'),
      code: CODE,
      language,
      confidence: 0.6,
      why: 'the mass media (social communication) named as a field of cooperation, or of the policies of an article under a cooperation heading',
      apply(context) {
        if (!cooperationPlace(context) || context.location !== ProvisionLocation.OPERATIVE) return null;
        const cooperationHeading =
          context.placeTopics.has(Topic.COOPERATION) || context.titleTopics.has(Topic.COOPERATION);
        for (const span of context.text.find(MASS_MEDIA_FIELD[language])) {
          const sentence = context.text.sentenceText(span);
          if (test(INSTITUTIONAL, sentence)) continue;
          if (cooperationHeading || test(words(COOPERATION_WORD[language]), sentence)) return { span };
        }
        return null;
      },
    },
    pairRule({
      code: CODE,
      language,
      name: 'cooperation-in-creative-industries',
      confidence: 0.75,
      why: 'cooperation in the creative or cultural industries (also inside intellectual property or innovation chapters)',
      when: (context) =>
        !context.placeTopics.has(Topic.EXCEPTIONS) &&
        !context.placeTopics.has(Topic.DISPUTES) &&
        !context.titleTopics.has(Topic.EXCEPTIONS),
      first: words(COOPERATION[language]),
      second: CREATIVE_INDUSTRIES[language],
      maxGap: 80,
      anyOrder: true,
      unlessSentence: INSTITUTIONAL,
    }),
  ];
}

const FIRST_CULTURE_WORD = stem('cultur|audio-?visual|media|cinema|film|artist|cine|m(?:é|e)dia');

/** A recital's wish to cooperate, hold a dialogue, build contacts or integrate (a deeper form of cooperation). */
const RECITAL_COOPERATION: Record<AnnotatorLanguage, RegExp> = {
  en: words('co-?operat(?:ion|ive)|dialogue|contacts|integration'),
  es: words('cooperaci(?:ó|o)n|di(?:á|a)logo|contactos|integraci(?:ó|o)n'),
  fr: words('coop(?:é|e)ration|dialogue|contacts|int(?:é|e)gration'),
};
const RECITAL_CULTURE: Record<AnnotatorLanguage, RegExp> = {
  en: words('cultural|audio-? ?visual'),
  es: words('cultural(?:es)?|audiovisual(?:es)?'),
  fr: words('culturel(?:le)?s?|audiovisuel(?:le)?s?'),
};

/**
 * A recital that seeks to strengthen relations (or ties, or cooperation) in a series of fields naming the cultural one
 * ("to strengthen relations between the Parties in the economic, scientific, social and cultural fields"). Ties
 * the parties already have ("bearing in mind the friendly ties ... in the political, economic, cultural and social
 * spheres") are context: the sentence must seek them.
 */
const RECITAL_RELATIONS_IN_CULTURAL_FIELD: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    '(?:strengthen|develop|deepen|expand|promote|enhance|intensify|foster|broaden|reinforce)(?:s|ing)?[^.;]{0,80}(?:relations|ties|links|co-?operation)[^.;]{0,60}in the (?:[a-z]+,? (?:and |or )?){0,6}cultural(?:,? (?:and |or )?[a-z]+){0,4} (?:fields?|spheres?|areas?|domains?)',
  ),
  es: words(
    '(?:fortalec|desarroll|profundiz|ampli|promov|estrech|intensific|fomentar)[\\p{L}]*[^.;]{0,80}(?:relaciones|lazos|v(?:í|i)nculos|cooperaci(?:ó|o)n)[^.;]{0,60}en (?:los|las) (?:campos|(?:á|a)mbitos|esferas|(?:á|a)reas) (?:[\\p{L}]+,? (?:y |e )?){0,6}cultural(?:es)?',
  ),
  fr: words(
    '(?:renforc|d(?:é|e)velopp|approfond|(?:é|e)larg|promouv|intensifi|resserr)[\\p{L}]*[^.;]{0,80}(?:relations|liens|coop(?:é|e)ration)[^.;]{0,60}dans les domaines (?:[\\p{L}]+,? (?:et )?){0,6}culturels?',
  ),
};

function relationsRecitalRule(language: AnnotatorLanguage): Rule {
  return phraseRule({
    code: CODE,
    language,
    name: 'recital-on-relations-in-cultural-field',
    confidence: 0.6,
    why: 'a recital seeks stronger relations or cooperation between the parties in fields that include the cultural one',
    when: (context) => context.location === ProvisionLocation.PREAMBLE,
    pattern: RECITAL_RELATIONS_IN_CULTURAL_FIELD[language],
    unlessSentence: INSTITUTIONAL,
  });
}

function preambleRule(language: AnnotatorLanguage): Rule {
  return pairRule({
    code: CODE,
    language,
    name: 'recital-on-cultural-cooperation',
    confidence: 0.6,
    why: 'a recital of the preamble seeks cooperation, dialogue, contacts or integration on cultural or audiovisual matters',
    when: (context) => context.location === ProvisionLocation.PREAMBLE,
    first: RECITAL_COOPERATION[language],
    second: RECITAL_CULTURE[language],
    maxGap: 60,
    unlessSentence: INSTITUTIONAL,
  });
}

export const culturalCooperationRules: Rule[] = [
  contextRule({
    code: CODE,
    name: 'article-of-culture-chapter',
    confidence: 0.9,
    why: 'every article of a chapter or section on culture, audiovisual policy or media cooperation',
    when: (context) =>
      context.location === ProvisionLocation.OPERATIVE &&
      !PROCEDURAL_TITLE.test(context.articleTitle) &&
      [context.chapterTitle, context.sectionTitle].some(
        (heading) => isCultureHeading(heading) && !test(MIXED_TITLE_WORDS, heading),
      ),
    hit: (context) => ({ span: context.text.findFirst(FIRST_CULTURE_WORD) }),
  }),
  contextRule({
    code: CODE,
    name: 'culture-article-title',
    confidence: 0.8,
    why: 'the article is titled after cultural or audiovisual cooperation',
    when: (context) =>
      context.location === ProvisionLocation.OPERATIVE &&
      cooperationPlace(context) &&
      CULTURE_ARTICLE_TITLE.test(context.articleTitle),
    hit: (context) => ({ span: context.text.findFirst(FIRST_CULTURE_WORD) }),
  }),
  ...(['en', 'es', 'fr'] as const).flatMap(rulesFor),
  ...(['en', 'es', 'fr'] as const).map(preambleRule),
  ...(['en', 'es', 'fr'] as const).map(relationsRecitalRule),
];
