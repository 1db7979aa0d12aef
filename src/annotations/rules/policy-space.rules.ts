import { BindingForce } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotatorLanguage } from './language';
import { NOT_A_CULTURE_SECTOR } from './vocabulary';
import { anyOf, stem, test, words } from './patterns';
import { ProvisionContext, Topic } from './provision-context';
import { findPair, pairRule, phraseRule, Rule, ruleId } from './rule';

const CODE = TaxonomyCodeId.POLICY_SPACE_CULTURE;

// A party's right to adopt or keep measures for culture, short of a full exemption: a right-to-regulate
// clause or recital naming culture, a reservation, a permission to pursue cultural objectives.

const RIGHT_OR_ABILITY: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      '(?:sovereign )?rights? (?:of (?:each|every|a|the) (?:State|Party|Member State)s? )?to (?:adopt|maintain|regulate|preserve|develop|implement|take|pursue|establish|determine|design|promote|support|choose|prohibit|restrict)',
      '(?:ability|flexibility|capacity|freedom|policy space|latitude) (?:of [\\w ]{2,30} )?to',
      'reserves? the right',
      '(?:may|are free to|is free to|shall be free to|remain free to) (?:adopt|maintain|establish|take (?:measures|action|into account)|apply measures|determine|introduce|pursue)',
      'may take into account',
      'taking (?:into )?account (?:of )?(?:their|its)',
    ),
  ),
  es: stem(
    anyOf(
      'derecho (?:soberano )?(?:de (?:cada|un|una|el|la) (?:Estado Miembro|Estado|Parte|Miembro) )?(?:a|de) (?:adoptar|mantener|regular|preservar|desarrollar|aplicar|establecer|promover|prohibir|restringir)',
      '(?:capacidad|flexibilidad|libertad) (?:de|para)',
      'se reserva(?:n)? el derecho',
      'podr(?:á|a)n? (?:adoptar|mantener|establecer|aplicar|tomar|conceder|determinar|tener en cuenta)',
    ),
  ),
  fr: stem(
    anyOf(
      "droit (?:souverain )?(?:de (?:chaque|tout) (?:(?:É|E)tat membre|(?:É|E)tat|Partie|Membre) )?(?:de |d['’])(?:adopter|maintenir|r(?:é|e)glementer|pr(?:é|e)server|d(?:é|e)velopper|mettre en (?:œ|oe)uvre|(?:é|e)tablir|promouvoir|interdire|restreindre)",
      "(?:capacit(?:é|e)|flexibilit(?:é|e)|libert(?:é|e)) (?:de |d['’])",
      'se r(?:é|e)serve(?:nt)? le droit',
      'peu(?:ven)?t (?:adopter|maintenir|(?:é|e)tablir|appliquer|prendre|accorder|d(?:é|e)terminer|tenir compte)',
    ),
  ),
};

const CULTURAL_AIM: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'cultural(?: and [a-z]+)? polic(?:y|ies)(?: options)?',
      'cultur(?:e|al) (?:polic(?:y|ies)|diversity|industr(?:y|ies)|heritage|objectives|promotion objectives|identity|expressions|sector|goods and services|goods|services|values|development)',
      'traditional cultural expressions',
      // Culture among the reasons a party may restrict trade for ("for economic, social, cultural or other reasons").
      'cultural(?: or other)? (?:reasons|grounds)',
      `${NOT_A_CULTURE_SECTOR}culture(?! of)`,
    ),
  ),
  es: words(
    anyOf(
      'pol(?:í|i)ticas? cultural(?:es)?',
      'diversidad cultural',
      'industrias? cultural(?:es)?',
      'patrimonio cultural',
      'expresiones culturales(?: tradicionales)?',
      'identidad cultural',
      '(?:razones|motivos) (?:[\\p{L}]+,? ){0,4}culturales',
      'cultura',
    ),
  ),
  fr: words(
    anyOf(
      'politiques? culturelles?',
      'diversit(?:é|e) culturelle',
      'industries? culturelles?',
      'patrimoine culturel',
      'expressions culturelles(?: traditionnelles)?',
      'identit(?:é|e) culturelle',
      '(?:raisons|motifs) (?:[\\p{L}]+,? ){0,4}culturel(?:le)?s',
      'culture',
    ),
  ),
};

/** Heritage exceptions (national treasures) are HERITAGE_EXCEPTION, not policy space. */
const HERITAGE_LIMB = stem('national treasures|tesoros nacionales|tr(?:é|e)sors nationaux');

/** Intellectual property provisions on folklore and traditional knowledge carry no code (labels README). */
const FOLKLORE = stem(
  'genetic resources|traditional knowledge|folklore|recursos gen(?:é|e)ticos|conocimientos tradicionales|folclore|ressources g(?:é|e)n(?:é|e)tiques|savoirs traditionnels',
);
const notIntellectualPropertyFolklore = (context: ProvisionContext) =>
  !(
    (context.placeTopics.has(Topic.INTELLECTUAL_PROPERTY) ||
      context.titleTopics.has(Topic.INTELLECTUAL_PROPERTY)) &&
    test(FOLKLORE, context.text.text)
  );

/** An exception for measures that support the creative arts (the arts, film, creative online content). */
const CREATIVE_ARTS: Record<AnnotatorLanguage, RegExp> = {
  en: words('support (?:the )?creative arts'),
  es: words('apoyar (?:las )?artes creativas'),
  fr: words('soutenir (?:les )?arts cr(?:é|e)atifs'),
};

/** Rule ids of agreement-wide exceptions for culture that also reach e-commerce (see annotate-agreement). */
export const CREATIVE_ARTS_EXCEPTION_RULES = new Set(
  (['en', 'es', 'fr'] as const).map((language) => ruleId(CODE, language, 'creative-arts-exception')),
);

const AID: Record<AnnotatorLanguage, RegExp> = {
  en: words('(?:state |public )?aids?'),
  es: words('ayudas?(?: (?:de Estado|estatales|p(?:ú|u)blicas))?'),
  fr: words("aides?(?: d['’](?:É|E)tat| publiques)?"),
};
const AID_OBJECT: Record<AnnotatorLanguage, RegExp> = {
  en: words('culture|cultural (?:services|activities|sector|heritage)'),
  es: words('cultura|(?:servicios|actividades) culturales|sector cultural'),
  fr: words('culture|(?:services|activit(?:é|e)s) culturel(?:le)?s|secteur culturel'),
};
/** State aid is tolerated ("compatible", "deemed compatible", "may be considered compatible"). */
const COMPATIBLE = stem('compatib');

function rulesFor(language: AnnotatorLanguage): Rule[] {
  return [
    phraseRule({
      code: CODE,
      language,
      name: 'creative-arts-exception',
      confidence: 0.85,
      why: 'a general exception lets a party adopt measures to support the creative arts',
      when: (context) =>
        context.location !== ProvisionLocation.PREAMBLE &&
        (context.placeTopics.has(Topic.EXCEPTIONS) || context.titleTopics.has(Topic.EXCEPTIONS)),
      pattern: CREATIVE_ARTS[language],
      bindingForce: BindingForce.BINDING,
    }),
    pairRule({
      code: CODE,
      language,
      name: 'right-to-adopt-measures-for-culture',
      confidence: 0.85,
      why: 'affirms or grants a right, permission or flexibility to adopt or keep measures for culture or cultural policy',
      when: notIntellectualPropertyFolklore,
      first: RIGHT_OR_ABILITY[language],
      second: CULTURAL_AIM[language],
      maxGap: 200,
      unlessSentence: HERITAGE_LIMB,
    }),
    {
      id: ruleId(CODE, language, 'state-aid-for-culture'),
      code: CODE,
      language,
      confidence: 0.7,
      why: 'state aid for culture (or public aid in cultural services) is accepted as compatible with the agreement',
      apply(context) {
        const span = findPair(context, AID[language], AID_OBJECT[language], 250, false);
        return span && test(COMPATIBLE, context.text.sentenceText(span)) ? { span } : null;
      },
    },
  ];
}

export const policySpaceRules: Rule[] = (['en', 'es', 'fr'] as const).flatMap(rulesFor);
