import { GUIDELINES_DETAIL } from '../annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { anyOf, Span, stem, test, tolerant, words } from './patterns';
import { ProvisionContext } from './provision-context';
import { phraseRule, Rule, ruleId } from './rule';

const EXPLICIT = TaxonomyCodeId.CONVENTION_REF_EXPLICIT;
const IMPLICIT = TaxonomyCodeId.CONVENTION_REF_IMPLICIT;

/**
 * The Convention's full title, in each language, with every article optional ("of Diversity" for "of the
 * Diversity"), tolerant of OCR confusions and of words hyphenated across lines. "UNESCO" alone is not enough.
 */
const FULL_TITLE = {
  en: words(
    tolerant(
      'Convention on (?:the )?Protection and (?:the )?Promotion of (?:the )?Diversity of (?:the )?Cultural Expressions',
    ),
  ),
  es: words(
    tolerant(
      'Convenci(?:ó|o)n (?:de (?:la )?UNESCO )?(?:sobre|para) (?:la )?Protecci(?:ó|o)n y (?:la )?Promoci(?:ó|o)n de (?:la )?Diversidad de (?:las )?Expresiones Culturales',
    ),
  ),
  fr: words(
    tolerant(
      "Convention (?:de l'UNESCO )?(?:sur|pour) (?:la )?protection et (?:la )?promotion de (?:la )?diversit(?:é|e) des expressions culturelles",
    ),
  ),
};

const SHORT_FORM = {
  en: words(
    tolerant(
      anyOf(
        '(?:the )?2005 UNESCO Convention',
        "UNESCO(?:'s)? (?:2005 )?Convention (?:of|adopted (?:in Paris )?(?:on )?(?:20 October )?) ?2005",
        'UNESCO (?:2005 )?Convention on (?:the )?(?:Diversity of (?:the )?Cultural Expressions|Cultural Diversity)',
        'Convention on (?:the )?Diversity of (?:the )?Cultural Expressions',
        'UNESCO (?:Cultural Diversity|Diversity of Cultural Expressions) Convention',
      ),
    ),
  ),
  es: words(
    tolerant(
      anyOf(
        'Convenci(?:ó|o)n de (?:la )?UNESCO de 2005',
        'Convenci(?:ó|o)n de 2005 de (?:la )?UNESCO',
        'Convenci(?:ó|o)n (?:de (?:la )?UNESCO )?sobre (?:la )?Diversidad (?:de (?:las )?Expresiones Culturales|Cultural)',
      ),
    ),
  ),
  fr: words(
    tolerant(
      anyOf(
        "Convention de l'UNESCO de 2005",
        "Convention de 2005 de l'UNESCO",
        "Convention (?:de l'UNESCO )?sur la diversit(?:é|e) (?:des expressions culturelles|culturelle)",
      ),
    ),
  ),
};

/**
 * "The 2005 Convention" is a reference only when its sentence also speaks of UNESCO or of cultural diversity /
 * cultural expressions (other conventions date from 2005 too).
 */
const YEAR_FORM = {
  en: words(tolerant('(?:the )?2005 Convention|Convention of 2005')),
  es: words(tolerant('(?:la )?Convenci(?:ó|o)n de 2005')),
  fr: words(tolerant('(?:la )?Convention de 2005')),
};
const YEAR_FORM_CONTEXT = {
  en: stem(tolerant('UNESCO|cultural expressions|cultural diversity|diversity of (?:the )?cultural')),
  es: stem(tolerant('UNESCO|expresiones culturales|diversidad cultural')),
  fr: stem(tolerant('UNESCO|expressions culturelles|diversit(?:é|e) culturelle')),
};

/** The Operational Guidelines of the Convention (on the digital environment or others). */
const GUIDELINES = {
  en: words('Operational Guidelines'),
  es: words('Directrices Operativas'),
  fr: words('Directives op(?:é|e)rationnelles'),
};
const CONVENTION_CONTEXT = {
  en: stem('Convention|cultural expressions|digital environment'),
  es: stem('Convenci(?:ó|o)n|expresiones culturales|entorno digital'),
  fr: stem('Convention|expressions culturelles|environnement num(?:é|e)rique'),
};

/** Cultural diversity (or the diversity of cultural expressions) as a value, outside the Convention's title. */
const DIVERSITY = {
  en: words(
    anyOf(
      'cultural(?:,)? (?:and (?:linguistic|biological|religious) |identity and |and social )?diversity',
      '(?:linguistic|biological) and cultural diversity',
      'diversity of (?:cultural expressions|cultures)',
      'cultural diversities',
    ),
  ),
  es: words(
    anyOf(
      'diversidad cultural',
      'diversidad (?:ling(?:ü|u)(?:í|i)stica|biol(?:ó|o)gica) y cultural',
      'diversidad de (?:las )?(?:expresiones culturales|culturas)',
      'identidad cultural y (?:de )?(?:la )?diversidad',
    ),
  ),
  fr: words(
    anyOf(
      'diversit(?:é|e) culturelle',
      'diversit(?:é|e) (?:linguistique|biologique) et culturelle',
      'diversit(?:é|e) des (?:expressions culturelles|cultures)',
      'identit(?:é|e) culturelle et (?:de )?(?:la )?diversit(?:é|e)',
    ),
  ),
};

// Every name of the Convention contains "Conv" (Convention, Convención, Convenio): a cheap screen before the
// tolerant title patterns, which are slow on long texts.
const CONV = new RegExp(tolerant('conv'), 'iu');
const namesAConvention = (context: ProvisionContext) => CONV.test(context.text.text);

function explicitRules(): Rule[] {
  return (['en', 'es', 'fr'] as const).flatMap((language) => [
    phraseRule({
      code: EXPLICIT,
      language,
      name: 'full-title',
      confidence: 0.98,
      why: 'names the 2005 Convention by its full title',
      when: namesAConvention,
      pattern: FULL_TITLE[language],
    }),
    phraseRule({
      code: EXPLICIT,
      language,
      name: 'short-form',
      confidence: 0.9,
      why: 'names the 2005 Convention by an unambiguous short form',
      when: namesAConvention,
      pattern: SHORT_FORM[language],
    }),
    guidelinesRule(language),
    yearFormRule(language),
  ]);
}

function yearFormRule(language: 'en' | 'es' | 'fr'): Rule {
  return {
    id: ruleId(EXPLICIT, language, 'year-form-in-context'),
    code: EXPLICIT,
    language,
    confidence: 0.85,
    why: 'names "the 2005 Convention" in a sentence about UNESCO or cultural diversity',
    apply(context) {
      if (!namesAConvention(context)) return null;
      for (const span of context.text.find(YEAR_FORM[language])) {
        if (test(YEAR_FORM_CONTEXT[language], context.text.sentenceText(span))) return { span };
      }
      return null;
    },
  };
}

function guidelinesRule(language: 'en' | 'es' | 'fr'): Rule {
  return {
    id: ruleId(EXPLICIT, language, 'operational-guidelines'),
    code: EXPLICIT,
    language,
    confidence: 0.9,
    why: "cites the Convention's Operational Guidelines (detail GUIDELINES)",
    apply(context) {
      for (const span of context.text.find(GUIDELINES[language])) {
        if (test(CONVENTION_CONTEXT[language], context.text.sentenceText(span))) {
          return { span, detail: [GUIDELINES_DETAIL] };
        }
      }
      return null;
    },
  };
}

function implicitRules(): Rule[] {
  return (['en', 'es', 'fr'] as const).map((language): Rule => ({
    id: ruleId(IMPLICIT, language, 'cultural-diversity-as-value'),
    code: IMPLICIT,
    language,
    confidence: 0.85,
    why: "invokes cultural diversity / the diversity of cultural expressions, outside the Convention's title",
    apply(context) {
      const titles = [...context.text.find(FULL_TITLE[language]), ...context.text.find(SHORT_FORM[language])];
      const span = context.text.find(DIVERSITY[language]).find((match) => !inside(match, titles));
      return span ? { span } : null;
    },
  }));
}

function inside(span: Span, containers: Span[]): boolean {
  return containers.some((container) => span.start >= container.start && span.end <= container.end);
}

export const conventionRefRules: Rule[] = [...explicitRules(), ...implicitRules()];
