import { AnnotatorLanguage } from './language';
import { anyOf, Span, words } from './patterns';
import { isEcommerceHeading, ProvisionContext, Topic } from './provision-context';

/** "Electronic commerce" and its synonyms. */
export const ECOMMERCE_TERM: Record<AnnotatorLanguage, RegExp> = {
  en: words(anyOf('electronic commerce', 'e-commerce', 'ecommerce', 'digital trade', 'e-business')),
  es: words(anyOf('comercio electr(?:ó|o)nico', 'comercio digital')),
  fr: words(anyOf('commerce (?:é|e)lectronique', 'commerce num(?:é|e)rique')),
};

/** Article titles that are about an e-commerce subject even outside an e-commerce chapter. */
const ECOMMERCE_ARTICLE_TITLE =
  /paperless|sin papel|unsolicited (?:commercial )?electronic|electronic (?:authentication|signatures?|transmissions?)|digital products|productos digitales|cross-border (?:transfer|flow)s? of information|computing facilities|online consumer|comercio electr[oó]nico|commerce [ée]lectronique|electronic commerce|e-commerce|digital trade/i;

/** Committee or chapter names that merely list e-commerce with services and establishment. */
const COMBINED_NAME =
  /(?:services|establishment|investment)[\w ,-]{0,40}?,? and (?:electronic commerce|e-commerce)|(?:servicios|inversi[oó]n)[\p{L} ,-]{0,40}? y comercio electr[oó]nico/giu;

/** A parenthesis, such as '(hereinafter referred to as "e-commerce")'. */
const PARENTHESIS = /\([^()]{1,120}\)/g;

/** A title that only sets its subject in a paperless setting ("automated systems in the paperless environment"). */
const PAPERLESS_SETTING = /\b(?:in|within) (?:a |the )?paperless/i;

export function isEcommerceArticleTitle(context: ProvisionContext): boolean {
  const title = context.articleTitle;
  if (!title || !ECOMMERCE_ARTICLE_TITLE.test(title)) return false;
  if (PAPERLESS_SETTING.test(title) && !/e-?commerce|electr[oó]nico|[ée]lectronique/i.test(title))
    return false;
  if (context.titleTopics.has(Topic.SERVICES_INVESTMENT) && !isEcommerceHeading(title)) return false;
  return !context.placeTopics.has(Topic.PROCUREMENT) && !context.placeTopics.has(Topic.INTELLECTUAL_PROPERTY);
}

/** The provision sits in an e-commerce chapter or section, or its own title is an e-commerce subject. */
export function isEcommerceContext(context: ProvisionContext): boolean {
  return context.inEcommercePart || isEcommerceArticleTitle(context);
}

/** Mentions of e-commerce, not counting combined chapter or committee names. */
export function ecommerceMentions(context: ProvisionContext): Span[] {
  const excluded = [...context.text.find(COMBINED_NAME), ...context.text.find(PARENTHESIS)];
  return context.languages
    .flatMap((language) => context.text.find(ECOMMERCE_TERM[language]))
    .filter((span) => !excluded.some((part) => span.start >= part.start && span.end <= part.end))
    .sort((a, b) => a.start - b.start);
}
