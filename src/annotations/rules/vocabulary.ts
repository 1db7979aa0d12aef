import { anyOf } from './patterns';
import { AnnotatorLanguage } from './language';

// Shared word lists (regex sources) for the rules, by language. Whole-word anchoring is added by the rules.

type ByLanguage = Record<AnnotatorLanguage, string>;

/** Audiovisual and broadcasting services, and other named cultural services. */
export const AUDIOVISUAL: ByLanguage = {
  en: anyOf(
    'audio-? ?visual (?:services?|sectors?|works?|industr(?:y|ies)|media|products|content|and broadcasting sectors?)',
    'broadcasting(?: services?| sectors?)?',
    'broadcast (?:services|(?:or|and) cable distribution|distribution)',
    'cable distribution of (?:radio|television)',
    'radio (?:and|or) television (?:programm(?:e|es|ing)|broadcast(?:ing)?|services)',
    'cultural services',
    'motion pictures?',
  ),
  es: anyOf(
    'servicios audiovisuales',
    'sector audiovisual',
    'obras audiovisuales',
    'radiodifusi(?:ó|o)n',
    'programaci(?:ó|o)n de radio (?:o|y) (?:de )?televisi(?:ó|o)n',
    'servicios culturales',
  ),
  fr: anyOf(
    'services audiovisuels',
    'secteur audiovisuel',
    '(?:œ|oe)uvres audiovisuelles',
    'radiodiffusion',
    'programmes de radio (?:ou|et) de t(?:é|e)l(?:é|e)vision',
    'services culturels',
  ),
};

/** Words that take something out of a scope or a commitment. */
export const EXCLUSION: ByLanguage = {
  en: anyOf(
    'with the exception of',
    'except(?:ing)?(?: for)?',
    'excluding',
    'other than',
    '(?:does|do|shall|will) not apply',
    'nothing in (?:this|the) (?:Agreement|Chapter|Section|Title|Part) (?:shall (?:be construed to )?apply|applies)',
    'not (?:be )?applicable',
    '(?:shall|does|do) not (?:cover|include)',
    'not covered',
    'no commitments?',
    '(?:does|do|shall) not (?:be construed to )?(?:prevent|preclude)',
    // A cultural exception worded as a rule of construction: "Nothing in this Chapter shall be construed to
    // prevent a Party from adopting ... measures relating to cultural industries" (a draft's carve-out was missed).
    'nothing in (?:this|the) (?:Agreement|Chapter|Section|Title|Part) shall be construed (?:so as )?to (?:prevent|preclude)',
  ),
  es: anyOf(
    'con (?:la )?excepci(?:ó|o)n de',
    'excepto',
    'salvo',
    'excluye(?:n|ndo)?',
    'distint[oa]s? de',
    'no (?:se )?aplica(?:r(?:á|a)n?|n)?',
    'nada (?:de lo dispuesto )?en (?:este|el presente) (?:Tratado|Acuerdo|Cap(?:í|i)tulo|T(?:í|i)tulo) se aplica(?:r(?:á|a))?',
    'no (?:incluye|abarca|cubre|comprende)n?',
    'no impide(?:n)?',
    'no (?:se )?impedir(?:á|a)n?',
    '(?:nada|ninguna disposici(?:ó|o)n) (?:de lo dispuesto )?(?:en|de|del) (?:este|el presente|presente) (?:Tratado|Acuerdo|Cap(?:í|i)tulo|T(?:í|i)tulo|Secci(?:ó|o)n) se interpretar(?:á|a) en el sentido de impedir',
  ),
  fr: anyOf(
    "(?:à|a) l'exception d(?:e|es|u)",
    'sauf',
    'except(?:é|e)',
    "ne s'appliqu(?:e|ent) pas",
    "aucune disposition du pr(?:é|e)sent (?:accord|chapitre|titre) ne s[’']applique",
    'excluant',
    'autres? que',
    "n'(?:inclu|englob|couvr)(?:ent|e)? pas",
    'ne (?:couvre|comprend|vise)(?:nt)? pas',
    "n[’']emp(?:ê|e)che(?:nt)? pas",
    'aucune disposition du pr(?:é|e)sent (?:accord|chapitre|titre) ne (?:peut|doit) (?:être|etre) interpr(?:é|e)t(?:é|e)e (?:comme emp(?:ê|e)chant|de mani(?:è|e)re (?:à|a) emp(?:ê|e)cher)',
  ),
};

/** A noun or participle of exclusion, which must sit right next to what it excludes ("exclusion of X"). */
export const NOMINAL_EXCLUSION: ByLanguage = {
  en: anyOf('exclusion of(?: the)?', 'exclud(?:e|es|ed)(?: from)?'),
  es: anyOf('exclusi(?:ó|o)n de(?: los| las| la| el)?', 'excluid[oa]s?'),
  fr: anyOf('exclusion d(?:es|u|e la|e)', 'exclu(?:e|s|es)?'),
};

/** Words that put a sentence in scope territory (for provisions whose chapter names no services subject). */
export const SCOPE_CUE: ByLanguage = {
  en: anyOf(
    'scope of (?:this|the)',
    'this (?:Chapter|Section|Sub-section|Title|Part|Agreement) (?:shall )?(?:appl(?:y|ies)|does not apply|covers?)',
    'commitments?',
  ),
  es: anyOf(
    '(?:á|a)mbito de aplicaci(?:ó|o)n',
    '(?:este|el presente) Cap(?:í|i)tulo (?:se aplica|no se aplica)',
    'compromisos?',
  ),
  fr: anyOf(
    "champ d'application",
    '(?:le pr(?:é|e)sent|ce) chapitre (?:s.applique|ne s.applique pas)',
    'engagements?',
  ),
};

/** Cultural industries, culture, cultural goods/services/sector as the object of a measure. */
export const CULTURE_AS_SECTOR: ByLanguage = {
  en: anyOf(
    'cultural industr(?:y|ies)',
    'persons? engaged in (?:a |any )?cultural industr(?:y|ies)',
    'cultur(?:e|al) (?:goods|services|sectors?|activities|products|policies|content)',
    'culture',
  ),
  es: anyOf(
    'industrias? cultural(?:es)?',
    'bienes (?:y servicios )?culturales',
    'servicios culturales',
    'sector cultural',
    'cultura',
  ),
  fr: anyOf(
    'industries? culturelles?',
    'biens (?:et services )?culturels',
    'services culturels',
    'secteur culturel',
    'culture',
  ),
};

/** Cooperation verbs and nouns. */
export const COOPERATION: ByLanguage = {
  en: anyOf(
    'co-?operat(?:e|es|ion|ive|ing)',
    'collaborat(?:e|es|ion|ive)',
    'exchanges?',
    'dialogue',
    'work together',
    'joint (?:activities|projects|programmes)',
  ),
  es: anyOf(
    'cooperar(?:á|a)n?',
    'cooperaci(?:ó|o)n',
    'colaboraci(?:ó|o)n',
    'intercambios?',
    'di(?:á|a)logo',
    'proyectos conjuntos',
  ),
  fr: anyOf(
    // "coopèrent" (present) takes a grave accent, "coopérer" and "coopération" an acute one.
    'coop(?:é|è|e)r(?:er|ent|eront|ation)',
    'collaboration',
    '(?:é|e)changes?',
    'dialogue',
    'projets communs',
  ),
};

/** "Ministry of Culture", "competition culture", "business culture" are not culture as a sector. */
export const NOT_A_CULTURE_SECTOR =
  '(?<!(?:Ministry|Minister|Department|Secretary|Secretariat|Council) (?:of|for) (?:\\p{L}+ )?)(?<!(?:competition|business|corporate|safety|consumer|compliance|enterprise|management|entrepreneurial|investment|export|quality|innovation|legal|regulatory|political) )';

/** Culture as an object of cooperation (not "culture of competition", not "cultural differences"). */
export const CULTURE_AS_COOPERATION_OBJECT: ByLanguage = {
  en: anyOf(
    `${NOT_A_CULTURE_SECTOR}culture(?! of)`,
    'cultural (?:co-?operation|exchanges?|activities|industr(?:y|ies)|events|institutions|field|matters|affairs|sectors?|policy|policies|dialogue|relations|goods|services|products|programmes|projects|life|professionals|organisations|organizations|operators)',
    'cultural and (?:educational|artistic|scientific|creative)',
    'the arts',
    'artists?',
    'audio-? ?visual(?: sector| industry| policy| media| services| works| co-?productions?)?',
    'cinema(?:tograph(?:y|ic))?',
    'film (?:industry|production|festivals?|co-?productions?)',
    'co-?productions?',
    'creative (?:industries|communities|sector)',
    'media (?:sector|industry|industries|services|co-?operation|policy|professionals)',
    'museums?',
  ),
  es: anyOf(
    'cultura(?! de)',
    // "the cultural field", "cultural matters" in English: the adjective after its noun.
    '(?:(?:á|a)mbito|campo|sector|terreno|materia) cultural',
    'asuntos (?:sociales y )?culturales',
    'cooperaci(?:ó|o)n cultural',
    'intercambios? cultural(?:es)?',
    'industrias? cultural(?:es)?',
    'actividades culturales',
    'audiovisual(?:es)?',
    'cinematogr(?:á|a)fic[oa]s?',
    'cine',
    'coproducci(?:ó|o)n(?:es)?',
    'artistas',
    'industrias creativas',
  ),
  fr: anyOf(
    'culture(?! de)',
    '(?:domaine|secteur) culturel',
    '(?:affaires|questions) (?:sociales et )?culturelles',
    'coop(?:é|e)ration culturelle',
    '(?:é|e)changes culturels',
    'industries culturelles',
    'activit(?:é|e)s culturelles',
    'audiovisuel(?:le)?s?',
    'cin(?:é|e)ma(?:tographiques?)?',
    'coproductions?',
    'artistes',
    'industries cr(?:é|e)atives',
  ),
};

/** "X means ..." in a definition (not "by any means", "electronic means", "means of"). */
export const DEFINITION: ByLanguage = {
  en: '(?:shall )?(?<!(?:electronic|by|any|other|the|appropriate|all|these|such|technical|effective|alternative|legal|reasonable) )means(?! (?:of|for|by|to|that)(?![\\p{L}]))',
  es: 'significa|se entiende por|se entender(?:á|a) por',
  fr: 'd(?:é|e)signe|on entend par|s.entend',
};
