import { BindingForce, EcommerceSubtype } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { bindingForceOf } from './binding-force';
import { ecommerceMentions, isEcommerceArticleTitle, isEcommerceContext } from './ecommerce-context';
import { ecommerceSubtypes } from './ecommerce-subtypes';
import { AnnotatorLanguage } from './language';
import { anyOf, stem, words } from './patterns';
import { ProvisionContext, Topic } from './provision-context';
import { contextRule, pairRule, Rule, RuleHit, ruleId } from './rule';
import { AUDIOVISUAL, EXCLUSION, NOMINAL_EXCLUSION } from './vocabulary';

const PROVISION = TaxonomyCodeId.ECOMMERCE_PROVISION;
const CARVE_OUT = TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT;

const operative = (context: ProvisionContext) => context.location !== ProvisionLocation.PREAMBLE;

/** Binding force of a whole e-commerce article: the strongest commitment it makes. */
function articleHit(context: ProvisionContext, extraSubtypes: EcommerceSubtype[] = []): RuleHit {
  const { subtypes, span } = ecommerceSubtypes(context);
  const detail = extraSubtypes.length > 0 ? [...new Set([...extraSubtypes, ...subtypes])] : subtypes;
  return {
    span: span ?? ecommerceMentions(context)[0] ?? null,
    detail: detail.filter((subtype, index) => index === 0 || subtype !== EcommerceSubtype.OTHER),
    bindingForce: bindingForceOf(context.text.text, context.language),
  };
}

const NOT_ECOMMERCE_PLACE = [
  Topic.PROCUREMENT,
  Topic.INTELLECTUAL_PROPERTY,
  Topic.DISPUTES,
  Topic.EXCEPTIONS,
];

function outsideEcommercePlace(context: ProvisionContext): boolean {
  return (
    operative(context) &&
    !isEcommerceContext(context) &&
    !NOT_ECOMMERCE_PLACE.some((topic) => context.placeTopics.has(topic) || context.titleTopics.has(topic))
  );
}

const CUSTOMS_DUTIES_ON_TRANSMISSIONS = stem(
  anyOf(
    'customs dut(?:y|ies) on (?:electronic (?:transmissions|deliveries)|deliveries by electronic means|digital products)',
    '(?:derechos aduaneros|aranceles aduaneros) (?:a|sobre) (?:las )?transmisiones electr(?:ó|o)nicas',
    'droits de douane sur les transmissions (?:é|e)lectroniques',
  ),
);

const INFORMATION_SOCIETY =
  /information society|\bICT\b|information and communications? technolog|sociedad de la informaci|soci[ée]t[ée] de l.information/i;

const ONLINE_BUSINESS = words(
  anyOf(
    'e-business',
    'electronic business',
    'electronic commerce',
    'e-commerce',
    'negocios electr(?:ó|o)nicos',
    'comercio electr(?:ó|o)nico',
    'trade (?:of|in) digital contents?',
    'comercio de contenidos? digitales',
    'commerce de contenus? num(?:é|e)riques',
  ),
);

const ecommerceProvisionRules: Rule[] = [
  contextRule({
    code: PROVISION,
    name: 'article-of-ecommerce-chapter',
    confidence: 0.95,
    why: 'every article of an e-commerce, digital trade or paperless trading chapter or section is an e-commerce provision',
    when: (context) => operative(context) && context.inEcommercePart,
    hit: (context) => articleHit(context),
  }),
  contextRule({
    code: PROVISION,
    name: 'ecommerce-article-title',
    confidence: 0.85,
    why: 'the article is titled after an e-commerce subject (e-commerce, paperless trading, unsolicited messages, ...)',
    when: (context) => operative(context) && isEcommerceArticleTitle(context),
    hit: (context) => articleHit(context),
  }),
  {
    id: ruleId(PROVISION, 'any', 'article-about-ecommerce'),
    code: PROVISION,
    language: 'any',
    confidence: 0.75,
    why: 'the article deals with electronic commerce (named at least twice) outside an e-commerce chapter',
    apply(context) {
      if (!outsideEcommercePlace(context) || ecommerceMentions(context).length < 2) return null;
      return articleHit(context);
    },
  },
  {
    id: ruleId(PROVISION, 'any', 'no-duties-on-electronic-transmissions'),
    code: PROVISION,
    language: 'any',
    confidence: 0.85,
    why: 'the article bars customs duties on electronic transmissions or digital products',
    apply(context) {
      if (!outsideEcommercePlace(context)) return null;
      const span = context.text.findFirst(CUSTOMS_DUTIES_ON_TRANSMISSIONS);
      return span ? { ...articleHit(context, [EcommerceSubtype.CUSTOMS_DUTIES]), span } : null;
    },
  },
  {
    id: ruleId(PROVISION, 'any', 'cooperation-on-online-business'),
    code: PROVISION,
    language: 'any',
    confidence: 0.55,
    why: 'information society (ICT) cooperation that covers e-business, e-commerce or trade in digital content',
    apply(context) {
      if (!outsideEcommercePlace(context)) return null;
      if (
        !INFORMATION_SOCIETY.test(`${context.chapterTitle} ${context.sectionTitle} ${context.articleTitle}`)
      ) {
        return null;
      }
      const span = context.text.findFirst(ONLINE_BUSINESS);
      return span
        ? {
            span,
            detail: [EcommerceSubtype.COOPERATION],
            bindingForce: bindingForceOf(context.text.text, context.language),
          }
        : null;
    },
  },
];

/** Cultural content or sectors named as left out. */
function culturalCarveOutTerms(language: AnnotatorLanguage): RegExp {
  const cultural = {
    // The last: broadcasting described without its name ("the electronic transmission of a series of text,
    // video, images, sound recordings, and other products scheduled by a content provider for aural and/or visual
    // reception"), as Korea - Singapore's e-commerce scope leaves it out.
    en: 'cultural (?:industr(?:y|ies)|content|goods|products|expressions)|scheduled by a content provider',
    es: '(?:industrias|bienes|contenidos?|productos) culturales',
    fr: '(?:industries|biens|contenus?|produits) culturels?',
  }[language];
  return words(anyOf(AUDIOVISUAL[language], cultural));
}

const carveOutRules: Rule[] = (['en', 'es', 'fr'] as const).map((language) =>
  pairRule({
    code: CARVE_OUT,
    language,
    name: 'ecommerce-excludes-broadcasting-or-culture',
    confidence: 0.9,
    why: 'an e-commerce provision leaves broadcasting, audiovisual services or cultural content out of its obligations',
    when: (context) => operative(context) && isEcommerceContext(context),
    first: words(anyOf(EXCLUSION[language], NOMINAL_EXCLUSION[language])),
    second: culturalCarveOutTerms(language),
    maxGap: 250,
    bindingForce: BindingForce.BINDING,
  }),
);

export const ecommerceRules: Rule[] = [...ecommerceProvisionRules, ...carveOutRules];

/** Rule id of the agreement-level carve-out by reference (see annotate-agreement). */
export const CARVE_OUT_BY_EXEMPTION_RULE = ruleId(CARVE_OUT, 'any', 'whole-agreement-cultural-exemption');

/** The same, for an agreement-wide general exception supporting the creative arts (online content included). */
export const CARVE_OUT_BY_CREATIVE_ARTS_EXCEPTION_RULE = ruleId(
  CARVE_OUT,
  'any',
  'whole-agreement-creative-arts-exception',
);
