import { BindingForce } from '../annotation.enums';
import { AnnotatorLanguage } from './language';
import { stem, test, words } from './patterns';

// Binding force from the operative verbs (taxonomy v1): obligations, and scope clauses, definitions,
// exemptions and permissions with legal effect ("a Party may adopt") are BINDING; "shall endeavour",
// "should", "may cooperate" are BEST_ENDEAVOUR; recitals, "recognise", "affirm" and bare objectives are
// DECLARATORY. Best-endeavour phrasings are blanked out first, so that "shall endeavour" is not read as "shall".

interface VerbPatterns {
  /** A sentence whose main verb is a recognition ("The Parties recognise that ...") binds no one. */
  readonly recognition: RegExp;
  readonly softened: RegExp;
  readonly permission: RegExp;
  readonly binding: RegExp;
  readonly bestEndeavour: RegExp;
}

const PARTY_EN = '(?:a|each|either|any|the|that|no|neither) (?:Contracting )?Part(?:y|ies)(?: concerned)?';

const EN: VerbPatterns = {
  recognition: new RegExp(
    '^(?:\\(?\\w{1,4}[.)] )?(?:[^,;]{0,120}, )?(?:the|both|all) (?:Contracting )?Parties,? (?:[^,;]{0,80}, )?(?:further |also )?(?:recogni[sz]e|affirm|reaffirm|acknowledge|note|share the (?:view|understanding)|understand|are of the view|consider|confirm|declare)' +
      '|^(?:\\(?\\w{1,4}[.)] )?(?:the )?(?:main |general |specific )?(?:objectives?|aims?|purposes?) of this',
    'iu',
  ),
  softened: words(
    [
      'shall (?:make (?:every|all|reasonable|best) (?:possible )?(?:efforts?|endeavou?rs?)|use (?:its|their) best (?:efforts|endeavou?rs)|endeavou?r|seek|strive|try|aim|consider|explore)',
      '(?:will|agree to|undertake to) (?:endeavou?r|seek|strive|try|make (?:every|best) efforts?)',
      'shall,? (?:where|as far as|to the extent) (?:possible|practicable|appropriate)',
    ].join('|'),
  ),
  permission: words(
    `${PARTY_EN} may (?:adopt|maintain|establish|apply|take|impose|require|provide|derogate|exempt|limit|deny|introduce|determine|regulate|restrict|exclude|grant|accord|refuse)` +
      '|reserves? the right|(?:shall not|does not|do not|is not to) (?:be construed to )?(?:prevent|preclude)|nothing in this [\\w -]{2,40} shall (?:be construed to )?(?:prevent|preclude|apply)',
  ),
  binding: words(
    [
      'shall',
      'must',
      'may not',
      'agree(?:s|d)? (?:not )?to',
      'undertake(?:s)? (?:not )?to',
      'commit(?:s)? (?:themselves |itself )?to',
      '(?:does|do|shall|will) not apply',
      '(?:applies|apply) (?:only )?to',
      'not (?:be|to be) construed',
      '(?:is|are) (?:hereby )?(?:exempt|excluded)',
      'exempt from',
      '(?<!(?:electronic|by|any|other|the|appropriate|all|these|such|technical|effective|alternative|legal|reasonable) )means(?! (?:of|for|by|to|that)(?![\\p{L}]))',
      'prevails?',
      'will',
      'hereby',
      'are free to',
      'do not include',
    ].join('|'),
  ),
  bestEndeavour: words(
    [
      'endeavou?r(?:s|ing)?',
      'seek(?:s|ing)? to',
      'striv(?:e|es|ing)',
      'should',
      'best (?:efforts|endeavou?rs)',
      'make (?:every )?efforts?',
      'may (?:cooperate|co-operate|include|undertake|consider|agree|develop|promote|exchange|encourage|be considered|establish|take into account|also)',
      'encourage(?:s|d)?',
      'as (?:far as )?(?:appropriate|possible|practicable)',
      'where appropriate',
      'could',
      'would',
    ].join('|'),
  ),
};

const ES: VerbPatterns = {
  recognition: new RegExp(
    '^(?:\\(?\\w{1,4}[.)] )?(?:[^,;]{0,120}, )?las Partes,? (?:[^,;]{0,80}, )?(?:reconocen|afirman|reafirman|confirman|consideran|comparten)' +
      '|^(?:\\(?\\w{1,4}[.)] )?(?:el|los) (?:objetivos?|prop(?:ó|o)sitos?) de (?:este|el presente)',
    'iu',
  ),
  softened: stem(
    [
      'procurar(?:á|a)n?',
      'se esforzar(?:á|a)n?',
      'har(?:á|a)n? (?:todo )?lo posible',
      'deber(?:í|i)an?',
      'podr(?:á|a)n? (?:cooperar|incluir|considerar|promover|intercambiar|alentar)',
      'buscar(?:á|a)n?',
      'tratar(?:á|a)n? de',
    ].join('|'),
  ),
  permission: stem(
    '(?:cada|una|la|ninguna) Parte podr(?:á|a) (?:adoptar|mantener|establecer|aplicar|tomar|imponer|exigir|limitar|denegar|excluir|otorgar|conceder|regular)' +
      '|ninguna disposici(?:ó|o)n de (?:este|el presente) [\\p{L} ]{2,30} se interpretar(?:á|a) en el sentido de (?:impedir|aplicar)',
  ),
  binding: stem(
    [
      'deber(?:á|a)n?',
      'no (?:se )?aplica(?:r(?:á|a)n?|n)?',
      'no podr(?:á|a)n?',
      'se comprometen',
      'acuerdan',
      'significa',
      'estar(?:á|a)n? exent',
      // Treaty Spanish states obligations in the future tense: "cada Parte mantendrá", "se aplicará".
      '\\p{L}{2,}(?:ar|er|ir)(?:á|án)(?![\\p{L}])',
      'mantendr(?:á|a)n?|otorgar(?:á|a)n?|impondr(?:á|a)n?|tendr(?:á|a)n?|establecer(?:á|a)n?',
    ].join('|'),
  ),
  bestEndeavour: stem(
    [
      'procurar',
      'esforzar',
      'deber(?:í|i)an?',
      'alentar(?:á|a)n?',
      'podr(?:á|a)n?',
      'fomentar(?:á|a)n?',
      'en la medida de lo posible',
      'cuando (?:sea|resulte) (?:apropiado|posible)',
    ].join('|'),
  ),
};

const FR: VerbPatterns = {
  recognition: new RegExp(
    '^(?:\\(?\\w{1,4}[.)] )?(?:[^,;]{0,120}, )?les Parties,? (?:[^,;]{0,80}, )?(?:reconnaissent|affirment|réaffirment|confirment|considèrent|partagent)' +
      '|^(?:\\(?\\w{1,4}[.)] )?(?:les? )?objectifs? du présent',
    'iu',
  ),
  softened: stem(
    [
      "s'efforce(?:nt)?",
      "s'attache(?:nt)? à",
      'devrai(?:en)?t',
      'peu(?:ven)?t (?:coopérer|inclure|envisager|promouvoir|échanger|encourager)',
      'cherche(?:nt)? à',
    ].join('|'),
  ),
  permission: stem(
    '(?:chaque|une|la) Partie peut (?:adopter|maintenir|établir|appliquer|prendre|imposer|exiger|limiter|refuser|exclure|accorder)|(?:aucune disposition|rien) d[eu] (?:présent|cet) [\\p{L} ]{2,30} (?:ne )?(?:peut|sera|doit) (?:être )?(?:interprété|empêch)',
  ),
  binding: stem(
    [
      'doi(?:t|vent)',
      "ne s'appliqu",
      "s'appliqu",
      "s'engagent",
      'sont exclu',
      'est exclu',
      'ne (?:peu(?:ven)?t|sauraient?)',
      'désigne',
      'convienn?ent',
      'accord(?:e|ent|eront|era)',
      'coopèrent|coopéreront',
      'veille(?:nt|ront|ra)?',
      'garanti(?:t|ssent|ra|ront)',
      'assure(?:nt|ra|ront)?',
      '\\p{L}{2,}(?:era|eront|ira|iront)(?![\\p{L}])',
    ].join('|'),
  ),
  bestEndeavour: stem(
    [
      "s'efforce",
      'devrai',
      'peu(?:ven)?t',
      'encourage',
      'favorise',
      'dans la mesure du possible',
      'le cas échéant',
    ].join('|'),
  ),
};

const BY_LANGUAGE: Record<AnnotatorLanguage, VerbPatterns> = { en: EN, es: ES, fr: FR };

const RANK: Record<BindingForce, number> = {
  [BindingForce.DECLARATORY]: 0,
  [BindingForce.BEST_ENDEAVOUR]: 1,
  [BindingForce.BINDING]: 2,
};

// Sentence ends split an article into the units read one by one; a list stays with its lead-in.
const SENTENCES = /(?<=[.!?])\s+(?=(?:\d{1,2}\.\s)?[\p{Lu}(])/u;

/** The strongest binding force expressed by the verbs of `text` (a sentence, a paragraph or a whole article). */
export function bindingForceOf(text: string, language: AnnotatorLanguage): BindingForce {
  let strongest = BindingForce.DECLARATORY;
  for (const sentence of text.split(SENTENCES)) {
    const force = sentenceBindingForce(sentence.replace(/^\d{1,2}\.\s/, ''), BY_LANGUAGE[language]);
    if (RANK[force] > RANK[strongest]) strongest = force;
    if (strongest === BindingForce.BINDING) break;
  }
  return strongest;
}

function sentenceBindingForce(sentence: string, patterns: VerbPatterns): BindingForce {
  if (patterns.recognition.test(sentence)) return BindingForce.DECLARATORY;
  if (test(patterns.permission, sentence)) return BindingForce.BINDING;
  patterns.softened.lastIndex = 0;
  const hardened = sentence.replace(patterns.softened, (match) => ' '.repeat(match.length));
  if (test(patterns.binding, hardened)) return BindingForce.BINDING;
  if (hardened !== sentence || test(patterns.bestEndeavour, sentence)) return BindingForce.BEST_ENDEAVOUR;
  return BindingForce.DECLARATORY;
}
