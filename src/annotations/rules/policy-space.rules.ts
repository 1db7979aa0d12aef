import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotatorLanguage } from './language';
import { NOT_A_CULTURE_SECTOR } from './vocabulary';
import { anyOf, stem, test, words } from './patterns';
import { findPair, pairRule, Rule, ruleId } from './rule';

const CODE = TaxonomyCodeId.POLICY_SPACE_CULTURE;

// A party's right to adopt or keep measures for culture, short of a full exemption: a right-to-regulate
// clause or recital naming culture, a reservation, a permission to pursue cultural objectives.

const RIGHT_OR_ABILITY: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      '(?:sovereign )?rights? to (?:adopt|maintain|regulate|preserve|develop|implement|take|pursue|establish|determine|design|promote|support)',
      '(?:ability|flexibility|capacity|freedom|policy space|latitude) (?:of [\\w ]{2,30} )?to',
      'reserves? the right',
      '(?:may|are free to|is free to|shall be free to|remain free to) (?:adopt|maintain|establish|take (?:measures|action|into account)|apply measures|determine|introduce|pursue)',
      'may take into account',
      'taking (?:into )?account (?:of )?(?:their|its)',
    ),
  ),
  es: stem(
    anyOf(
      'derecho (?:soberano )?(?:a|de) (?:adoptar|mantener|regular|preservar|desarrollar|aplicar|establecer|promover)',
      '(?:capacidad|flexibilidad|libertad) (?:de|para)',
      'se reserva(?:n)? el derecho',
      'podr(?:á|a)n? (?:adoptar|mantener|establecer|aplicar|tomar|conceder|determinar|tener en cuenta)',
    ),
  ),
  fr: stem(
    anyOf(
      "droit (?:souverain )?(?:de |d['’])(?:adopter|maintenir|r(?:é|e)glementer|pr(?:é|e)server|d(?:é|e)velopper|mettre en (?:œ|oe)uvre|(?:é|e)tablir|promouvoir)",
      "(?:capacit(?:é|e)|flexibilit(?:é|e)|libert(?:é|e)) (?:de |d['’])",
      'se r(?:é|e)serve(?:nt)? le droit',
      'peu(?:ven)?t (?:adopter|maintenir|(?:é|e)tablir|appliquer|prendre|accorder|d(?:é|e)terminer|tenir compte)',
    ),
  ),
};

const CULTURAL_AIM: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'cultur(?:e|al) (?:polic(?:y|ies)|diversity|industr(?:y|ies)|heritage|objectives|promotion objectives|identity|expressions|sector|goods and services|goods|services|values|development)',
      'traditional cultural expressions',
      `${NOT_A_CULTURE_SECTOR}culture(?! of)`,
    ),
  ),
  es: words(
    anyOf(
      'pol(?:í|i)ticas? culturales?',
      'diversidad cultural',
      'industrias? culturales?',
      'patrimonio cultural',
      'expresiones culturales(?: tradicionales)?',
      'identidad cultural',
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
      'culture',
    ),
  ),
};

/** Heritage exceptions (national treasures) are HERITAGE_EXCEPTION, not policy space. */
const HERITAGE_LIMB = stem('national treasures|tesoros nacionales|tr(?:é|e)sors nationaux');

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
    pairRule({
      code: CODE,
      language,
      name: 'right-to-adopt-measures-for-culture',
      confidence: 0.85,
      why: 'affirms or grants a right, permission or flexibility to adopt or keep measures for culture or cultural policy',
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
