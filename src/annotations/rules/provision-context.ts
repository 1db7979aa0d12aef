import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { AnnotatorAgreement, AnnotatorProvision } from './annotator.types';
import { AnnotatorLanguage, ANNOTATOR_LANGUAGES, toAnnotatorLanguage } from './language';
import { ProvisionText, ruleText } from './provision-text';
import { sectionTitles } from './sections';

/** What a heading (chapter, section or article title) says the provisions under it are about. */
export enum Topic {
  ECOMMERCE = 'ECOMMERCE',
  TELECOM = 'TELECOM',
  SERVICES_INVESTMENT = 'SERVICES_INVESTMENT',
  PROCUREMENT = 'PROCUREMENT',
  INTELLECTUAL_PROPERTY = 'INTELLECTUAL_PROPERTY',
  GOODS_CUSTOMS = 'GOODS_CUSTOMS',
  CULTURE = 'CULTURE',
  EXCEPTIONS = 'EXCEPTIONS',
  COOPERATION = 'COOPERATION',
  DISPUTES = 'DISPUTES',
}

const TOPIC_PATTERNS: Record<Topic, RegExp> = {
  [Topic.ECOMMERCE]:
    /electronic commerce|e-commerce|ecommerce|digital (?:trade|economy)|paperless trad|electronic technologies in trade|comercio (?:electr[oó]nico|digital|sin papel)|commerce (?:[ée]lectronique|num[ée]rique)/i,
  [Topic.TELECOM]: /telecom|electronic communications?\b|telecomunicaci|t[ée]l[ée]communication/i,
  [Topic.SERVICES_INVESTMENT]:
    /services|establishment|investment|commercial presence|movement of (?:natural |business )?persons|business persons|temporary (?:entry|presence)|servicios|inversi[oó]n|entrada temporal|[ée]tablissement|investissement/i,
  [Topic.PROCUREMENT]:
    /procurement|contrataci[oó]n p[uú]blica|compras (?:del sector |gubernamentales )?p[uú]blic|march[ée]s publics/i,
  [Topic.INTELLECTUAL_PROPERTY]:
    /intellectual property|propiedad intelectual|propri[ée]t[ée] intellectuelle/i,
  [Topic.GOODS_CUSTOMS]:
    /goods|customs|origin|tariff|mercanc[ií]as|aduan|origen|marchandises|douan|produits/i,
  [Topic.CULTURE]:
    /\bcultur(?:e|al)\b|audio-?visual|\bmedia\b|cinema|\bfilm|^broadcasting$|\bcultura(?:l|les)?\b|culturel|audiovisuel|cin[ée]ma/i,
  [Topic.EXCEPTIONS]: /exception|excepci[oó]n|excepciones/i,
  [Topic.COOPERATION]: /co-?operation|cooperaci[oó]n|coop[ée]ration/i,
  [Topic.DISPUTES]: /dispute|controversias|diff[ée]rends/i,
};

export interface AgreementFacts {
  /** At least one party is a developing country (taxonomy definition). */
  readonly hasDevelopingParty: boolean;
}

export interface ProvisionContext {
  readonly provision: AnnotatorProvision;
  readonly index: number;
  /** Languages whose rules run on this provision (all of them when the language is unknown). */
  readonly languages: readonly AnnotatorLanguage[];
  /** Language for verb analysis. */
  readonly language: AnnotatorLanguage;
  readonly location: ProvisionLocation;
  readonly text: ProvisionText;
  readonly chapterTitle: string;
  readonly sectionTitle: string;
  readonly articleTitle: string;
  readonly agreement: AgreementFacts;
  /** Topics of the chapter and section headings. */
  readonly placeTopics: ReadonlySet<Topic>;
  /** Topics of the article's own title. */
  readonly titleTopics: ReadonlySet<Topic>;
  /** The chapter or section is about e-commerce / digital trade / paperless trading alone. */
  readonly inEcommercePart: boolean;
}

export function topicsOf(heading: string): Set<Topic> {
  const topics = new Set<Topic>();
  if (!heading) return topics;
  for (const [topic, pattern] of Object.entries(TOPIC_PATTERNS) as [Topic, RegExp][]) {
    if (pattern.test(heading)) topics.add(topic);
  }
  return topics;
}

/** A heading about e-commerce alone, not a combined "Services, Establishment and Electronic Commerce". */
export function isEcommerceHeading(heading: string): boolean {
  const topics = topicsOf(heading);
  return topics.has(Topic.ECOMMERCE) && !topics.has(Topic.SERVICES_INVESTMENT) && !topics.has(Topic.TELECOM);
}

/** Subjects of their own: a chapter or section on one of them is not part of a whole agreement's e-commerce. */
const OTHER_SUBJECTS = [
  Topic.TELECOM,
  Topic.SERVICES_INVESTMENT,
  Topic.PROCUREMENT,
  Topic.INTELLECTUAL_PROPERTY,
  Topic.GOODS_CUSTOMS,
];

export function buildContexts(agreement: AnnotatorAgreement): ProvisionContext[] {
  const facts: AgreementFacts = {
    hasDevelopingParty: agreement.parties.some((party) => party.developing === true),
  };
  // A whole text on e-commerce (the WTO's Agreement on Electronic Commerce): its operative articles are in an
  // e-commerce part, its scope and definitions included, unless their own chapter or section has another subject.
  const ecommerceText = isEcommerceHeading(ruleText(agreement.title ?? ''));
  const sections = sectionTitles(agreement.provisions);
  return agreement.provisions.map((provision, index) => {
    const known = toAnnotatorLanguage(provision.language ?? agreement.language);
    const chapterTitle = ruleText(provision.chapterTitle ?? '');
    const sectionTitle = ruleText(sections[index] ?? '');
    const articleTitle = ruleText(provision.articleTitle ?? '');
    const placeTopics = new Set([...topicsOf(chapterTitle), ...topicsOf(sectionTitle)]);
    return {
      provision,
      index,
      languages: known ? [known] : ANNOTATOR_LANGUAGES,
      language: known ?? 'en',
      location: provision.location,
      text: new ProvisionText(provision.text),
      chapterTitle,
      sectionTitle,
      articleTitle,
      agreement: facts,
      placeTopics,
      titleTopics: topicsOf(articleTitle),
      inEcommercePart:
        isEcommerceHeading(chapterTitle) ||
        isEcommerceHeading(sectionTitle) ||
        (ecommerceText &&
          provision.location === ProvisionLocation.OPERATIVE &&
          !OTHER_SUBJECTS.some((topic) => placeTopics.has(topic))),
    };
  });
}
