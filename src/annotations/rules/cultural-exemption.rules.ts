import { BindingForce } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotatorLanguage } from './language';
import { anyOf, stem, words } from './patterns';
import { ProvisionContext } from './provision-context';
import { pairRule, Rule } from './rule';

const CODE = TaxonomyCodeId.CULTURAL_EXEMPTION;

/** Names of the rules whose exemption covers the whole agreement (used for e-commerce carve-outs by reference). */
export const WHOLE_AGREEMENT_EXEMPTION_RULES = new Set<string>();

const operative = (context: ProvisionContext) => context.location !== ProvisionLocation.PREAMBLE;

/** The whole agreement does not apply to / is not to be construed to apply to ... */
const AGREEMENT_NOT_APPLY: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      '(?:this|the) Agreement (?:does not|shall not|will not|is not to be construed to|shall not be construed to) apply',
      'nothing in this Agreement (?:shall (?:be construed to )?apply|applies)',
      '(?:the )?provisions of this Agreement (?:do|shall) not apply',
    ),
  ),
  es: stem(
    anyOf(
      '(?:este|el presente) (?:Tratado|Acuerdo) no (?:se )?aplica',
      'ninguna disposici(?:ó|o)n (?:de|del) (?:este|presente) (?:Tratado|Acuerdo) se (?:interpretar(?:á|a) en el sentido de (?:que )?(?:se )?)?apli',
      'las disposiciones (?:de|del) (?:este|presente) (?:Tratado|Acuerdo) no se aplic',
      'nada (?:de lo dispuesto )?en (?:este|el presente) (?:Tratado|Acuerdo) se aplic',
    ),
  ),
  fr: stem(
    anyOf(
      "(?:le pr(?:é|e)sent|cet) accord ne s'applique pas",
      "aucune disposition du pr(?:é|e)sent accord ne s'appliqu",
      'aucune disposition du pr(?:é|e)sent accord (?:ne )?(?:peut|doit|sera) (?:être )?(?:interpr(?:é|e)t(?:é|e)e )?(?:comme |de mani(?:è|e)re (?:à|a) )?s.appliquer',
      "les dispositions du pr(?:é|e)sent accord ne s'appliquent pas",
    ),
  ),
};

/** A whole chapter (title, part) does not apply to ... */
const CHAPTER_NOT_APPLY: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      '(?:this|the) (?:Chapter|Title|Part) (?:does not|shall not|is not to be construed to|shall not be construed to) apply',
      'nothing in this (?:Chapter|Title|Part) (?:shall (?:be construed to )?apply|applies)',
    ),
  ),
  es: stem(
    anyOf(
      '(?:este|el presente) (?:Cap(?:í|i)tulo|T(?:í|i)tulo) no (?:se )?aplica',
      'nada (?:de lo dispuesto )?en (?:este|el presente) (?:Cap(?:í|i)tulo|T(?:í|i)tulo) se aplic',
    ),
  ),
  fr: stem(
    anyOf(
      "(?:le pr(?:é|e)sent|ce) (?:chapitre|titre) ne s'applique pas",
      "aucune disposition du pr(?:é|e)sent (?:chapitre|titre) ne s'appliqu",
    ),
  ),
};

/** Cultural industries or culture as a whole (not a single audiovisual service: that is an audiovisual exclusion). */
const CULTURAL_SECTOR: Record<AnnotatorLanguage, RegExp> = {
  en: words(
    anyOf(
      'cultural industr(?:y|ies)',
      'culture',
      'cultural (?:goods|sectors?|activities|products|policies|policy|content|affairs)',
    ),
  ),
  es: words(
    anyOf('industrias? cultural(?:es)?', 'cultura', 'bienes (?:y servicios )?culturales', 'sector cultural'),
  ),
  fr: words(
    anyOf('industries? culturelles?', 'culture', 'biens (?:et services )?culturels', 'secteur culturel'),
  ),
};

const EXEMPT_FROM: Record<AnnotatorLanguage, RegExp> = {
  en: words('(?:are|is|shall be|will be) (?:hereby )?exempt(?:ed)? from'),
  es: stem('(?:est(?:á|a)n|estar(?:á|a)n|quedan|quedar(?:á|a)n) exent'),
  fr: stem('(?:sont|seront) exempt(?:é|e)es'),
};

const ANNEX_APPLIES: Record<AnnotatorLanguage, RegExp> = {
  en: words('Annex [\\w.-]+ (?:shall )?appl(?:y|ies)'),
  es: stem('(?:el )?Anexo [\\w.-]+ se aplicar(?:á|a)'),
  fr: stem("l'annexe [\\w.-]+ s'applique"),
};

function rulesFor(language: AnnotatorLanguage): Rule[] {
  const wholeAgreement = [
    pairRule({
      code: CODE,
      language,
      name: 'agreement-does-not-apply-to-cultural-industries',
      confidence: 0.95,
      why: 'the whole agreement does not apply to measures concerning cultural industries or culture',
      when: operative,
      first: AGREEMENT_NOT_APPLY[language],
      second: CULTURAL_SECTOR[language],
      maxGap: 250,
      bindingForce: BindingForce.BINDING,
    }),
    pairRule({
      code: CODE,
      language,
      name: 'cultural-industries-exempt-from-agreement',
      confidence: 0.95,
      why: 'measures affecting cultural industries are exempt from the provisions of the agreement',
      when: operative,
      first: CULTURAL_SECTOR[language],
      second: EXEMPT_FROM[language],
      maxGap: 40,
      bindingForce: BindingForce.BINDING,
    }),
    pairRule({
      code: CODE,
      language,
      name: 'annex-applies-to-cultural-industries',
      confidence: 0.85,
      why: 'an annex with the cultural-industries exemption applies (the exemption acts by reference)',
      when: operative,
      first: ANNEX_APPLIES[language],
      second: CULTURAL_SECTOR[language],
      maxGap: 120,
      bindingForce: BindingForce.BINDING,
    }),
  ];
  wholeAgreement.forEach((rule) => WHOLE_AGREEMENT_EXEMPTION_RULES.add(rule.id));
  return [
    ...wholeAgreement,
    pairRule({
      code: CODE,
      language,
      name: 'chapter-does-not-apply-to-cultural-industries',
      confidence: 0.85,
      why: 'a whole chapter does not apply to measures concerning cultural industries or culture',
      when: operative,
      first: CHAPTER_NOT_APPLY[language],
      second: CULTURAL_SECTOR[language],
      maxGap: 250,
      bindingForce: BindingForce.BINDING,
    }),
  ];
}

export const culturalExemptionRules: Rule[] = (['en', 'es', 'fr'] as const).flatMap(rulesFor);
