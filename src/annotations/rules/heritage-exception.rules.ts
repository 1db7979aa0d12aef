import { BindingForce } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotatorLanguage } from './language';
import { anyOf, stem, words } from './patterns';
import { ProvisionContext, Topic } from './provision-context';
import { pairRule, phraseRule, Rule } from './rule';

const CODE = TaxonomyCodeId.HERITAGE_EXCEPTION;

const operative = (context: ProvisionContext) => context.location !== ProvisionLocation.PREAMBLE;
const inExceptions = (context: ProvisionContext) =>
  operative(context) &&
  (context.placeTopics.has(Topic.EXCEPTIONS) || context.titleTopics.has(Topic.EXCEPTIONS));

// Three of artistic / historic / archaeological, in any order, qualifying a value, a heritage or property.
const THREE_VALUES_EN =
  '(?:artistic|historic(?:al)?|arch(?:a)?eological)(?:,? (?:and |or )?(?:artistic|historic(?:al)?|arch(?:a)?eological)){2} (?:values?|heritage|property|interest)';

/** The national-treasures limb of GATT XX(f) written out (incorporation by reference alone does not count). */
const NATIONAL_TREASURES: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'national treasures?',
      THREE_VALUES_EN,
      '(?:national )?(?:works|sites|monuments)(?: or (?:specific )?(?:works|sites|monuments))? of (?:historic(?:al)?|arch(?:a)?eological|artistic)(?:,? (?:and |or )?(?:historic(?:al)?|arch(?:a)?eological|artistic))* value',
    ),
  ),
  es: words(
    anyOf(
      'tesoros nacionales',
      'patrimonio nacional de valor art(?:í|i)stico',
      'valor art(?:í|i)stico, hist(?:ó|o)rico o arqueol(?:ó|o)gico',
    ),
  ),
  fr: words(anyOf('tr(?:é|e)sors nationaux', 'valeur artistique, historique ou arch(?:é|e)ologique')),
};

/** Lead-in of an exception: the measures it lets a party take despite the obligations. */
const EXCEPTION_LEAD_IN: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'nothing in this (?:Agreement|Chapter|Article|Section|Title|Part) shall be construed to (?:prevent|preclude)',
      '(?:shall|does|do) not (?:be construed to )?(?:prevent|preclude)',
      'subject to the requirement that such measures are not applied',
      'justified on (?:the )?grounds of',
      '(?:does|do|shall) not apply to (?:any )?measures?',
      '(?:restrictions|prohibitions) or (?:restrictions|prohibitions)',
    ),
  ),
  es: stem(
    anyOf(
      'ninguna disposici(?:ó|o)n de[^.]{0,60}se interpretar(?:á|a) en el sentido de impedir',
      'no (?:se )?impedir(?:á|a)',
      'sujet[oa]s? a (?:la condici(?:ó|o)n de )?que',
      'justificad[oa]s? por razones de',
      'no (?:se )?aplica(?:r(?:á|a))? a',
      '(?:restricciones|prohibiciones) (?:o|y) (?:restricciones|prohibiciones)',
    ),
  ),
  fr: stem(
    anyOf(
      'aucune disposition d[eu][^.]{0,60}(?:interpr(?:é|e)t(?:é|e)e|emp(?:ê|e)ch)',
      'ne (?:fait|font) pas obstacle',
      'justifi(?:é|e)e?s? par des raisons',
      'sous r(?:é|e)serve que ces mesures ne soient pas appliqu',
      "ne s'applique pas aux mesures",
    ),
  ),
};

const HERITAGE: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      '(?:national|cultural|artistic|historic(?:al)?) heritage(?: values)?',
      '(?:national )?(?:artistic and )?cultural property',
      // "cultural values": the term of the Russian-language treaties (EAEU Art 29) for cultural property.
      'cultural values',
      'cultural (?:and|or) historic(?:al)? (?:sites|monuments|heritage)',
    ),
  ),
  es: words('patrimonio (?:nacional|cultural|art(?:í|i)stico|hist(?:ó|o)rico)'),
  fr: words('patrimoine (?:national|culturel|artistique|historique)|biens culturels'),
};

const PROTECTING: Record<AnnotatorLanguage, RegExp> = {
  en: words('protect(?:ion of|ing|s)?|preserv(?:e|ation of|ing)|safeguard(?:ing)?|conserv(?:e|ation of)'),
  es: stem(
    'protecci(?:ó|o)n de(?:l)?|proteger|preservaci(?:ó|o)n de(?:l)?|preservar|conservaci(?:ó|o)n de(?:l)?',
  ),
  fr: stem('protection d[ue]|prot(?:é|e)ger|pr(?:é|e)servation d[ue]|pr(?:é|e)server|sauvegarde d[ue]'),
};

function rulesFor(language: AnnotatorLanguage): Rule[] {
  return [
    phraseRule({
      code: CODE,
      language,
      name: 'national-treasures',
      confidence: 0.95,
      why: 'an exception for measures protecting national treasures of artistic, historic or archaeological value',
      when: operative,
      pattern: NATIONAL_TREASURES[language],
      bindingForce: BindingForce.BINDING,
    }),
    pairRule({
      code: CODE,
      language,
      name: 'exception-for-cultural-heritage',
      confidence: 0.85,
      why: 'an exception lets a party take measures protecting cultural or national heritage',
      when: operative,
      first: EXCEPTION_LEAD_IN[language],
      second: HERITAGE[language],
      maxGap: 700,
      bindingForce: BindingForce.BINDING,
    }),
    pairRule({
      code: CODE,
      language,
      name: 'heritage-protection-in-exceptions',
      confidence: 0.8,
      why: 'an exceptions article names the protection of cultural or national heritage',
      when: inExceptions,
      first: PROTECTING[language],
      second: HERITAGE[language],
      maxGap: 150,
      bindingForce: BindingForce.BINDING,
    }),
  ];
}

export const heritageExceptionRules: Rule[] = (['en', 'es', 'fr'] as const).flatMap(rulesFor);
