import { BindingForce } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotatorLanguage } from './language';
import { stem, test, words } from './patterns';
import { ProvisionContext, Topic } from './provision-context';
import { ruleText } from './provision-text';
import { isEcommerceContext } from './ecommerce-context';
import { findPair, Rule, ruleId } from './rule';
import { AUDIOVISUAL, DEFINITION, EXCLUSION, NOMINAL_EXCLUSION, SCOPE_CUE } from './vocabulary';

const CODE = TaxonomyCodeId.AUDIOVISUAL_EXCLUSION;

const EXCLUDED_AFTER: Record<AnnotatorLanguage, RegExp> = {
  en: words('(?:is|are|shall be|remain|remains) (?:hereby )?excluded'),
  es: stem('(?:est(?:á|a)n?|quedan?|quedar(?:á|a)n?) excluid'),
  fr: stem('(?:est|sont|restent) exclu'),
};

/**
 * Services, establishment, investment and telecom commitments. Not procurement (not a services commitment, per the taxonomy), not intellectual property
 * (rights of broadcasting organisations), not goods, not e-commerce (there it is a carve-out).
 */
export function inServicesCommitments(context: ProvisionContext): boolean {
  if (context.location === ProvisionLocation.PREAMBLE || isEcommerceContext(context)) return false;
  const topics = new Set([...context.placeTopics, ...context.titleTopics]);
  if (
    topics.has(Topic.PROCUREMENT) ||
    topics.has(Topic.INTELLECTUAL_PROPERTY) ||
    topics.has(Topic.DISPUTES)
  ) {
    return false;
  }
  return topics.has(Topic.SERVICES_INVESTMENT) || topics.has(Topic.TELECOM);
}

const SCOPE_TITLE = /scope|coverage|application|definition|[áa]mbito|alcance|cobertura|champ|d[ée]finition/i;
const THIS_PART = {
  en: words('this (?:Chapter|Section|Sub-section|Article|Annex|Title)'),
  es: stem('(?:este|el presente) (?:Cap(?:í|i)tulo|Art(?:í|i)culo|Anexo)|esta Secci(?:ó|o)n'),
  fr: stem('(?:le pr(?:é|e)sent|ce) (?:chapitre|article)|la pr(?:é|e)sente section'),
};

function telecomOnly(context: ProvisionContext): boolean {
  const topics = new Set([...context.placeTopics, ...context.titleTopics]);
  return topics.has(Topic.TELECOM) && !topics.has(Topic.SERVICES_INVESTMENT);
}

/** In a telecom chapter, only its scope provisions take broadcasting out (not, say, a spectrum footnote). */
function telecomScope(context: ProvisionContext, span: { start: number; end: number }): boolean {
  if (SCOPE_TITLE.test(context.articleTitle)) return true;
  const sentence = context.text.sentenceText(span);
  return context.languages.some((language) => test(THIS_PART[language], sentence));
}

/** Elsewhere (a footnote blob, general provisions) the sentence itself must speak of scope or commitments. */
function scopeElsewhere(language: AnnotatorLanguage) {
  const cue = words(SCOPE_CUE[language]);
  return (context: ProvisionContext, span: { start: number; end: number }): boolean => {
    if (context.location === ProvisionLocation.PREAMBLE || isEcommerceContext(context)) return false;
    const topics = new Set([...context.placeTopics, ...context.titleTopics]);
    const excluded = [Topic.PROCUREMENT, Topic.INTELLECTUAL_PROPERTY, Topic.DISPUTES, Topic.GOODS_CUSTOMS];
    if (excluded.some((topic) => topics.has(topic))) return false;
    return test(cue, context.text.sentenceText(span));
  };
}

function rulesFor(language: AnnotatorLanguage): Rule[] {
  const audiovisual = words(AUDIOVISUAL[language]);
  const definition = words(DEFINITION[language]);
  const elsewhere = scopeElsewhere(language);
  const pairs: { name: string; why: string; first: RegExp; second: RegExp; maxGap: number }[] = [
    {
      name: 'scope-excludes-audiovisual',
      why: 'a services, establishment, investment or telecom scope or commitment leaves out audiovisual services or broadcasting',
      first: words(EXCLUSION[language]),
      second: audiovisual,
      maxGap: 250,
    },
    {
      name: 'exclusion-of-audiovisual',
      why: 'audiovisual services or broadcasting are named as excluded from services or investment commitments',
      first: words(NOMINAL_EXCLUSION[language]),
      second: audiovisual,
      maxGap: 30,
    },
    {
      name: 'audiovisual-is-excluded',
      why: 'audiovisual services or broadcasting are declared excluded from a services or investment commitment',
      first: audiovisual,
      second: EXCLUDED_AFTER[language],
      maxGap: 60,
    },
  ];
  return pairs.map((pair) => ({
    id: ruleId(CODE, language, pair.name),
    code: CODE,
    language,
    confidence: 0.9,
    why: pair.why,
    apply(context: ProvisionContext) {
      const span = findPair(context, pair.first, pair.second, pair.maxGap, false, definition);
      if (!span) return null;
      const inServices =
        inServicesCommitments(context) && (!telecomOnly(context) || telecomScope(context, span));
      if (!inServices && !elsewhere(context, span)) return null;
      return { span, bindingForce: BindingForce.BINDING };
    },
  }));
}

/** A cell of a schedule naming audiovisual or broadcasting services ("Audiovisual", "2.D. Audiovisual services"). */
const AUDIOVISUAL_CELL =
  '[^|]{0,40}(?<![\\p{L}])(?:audio-? ?visu(?:al|ales|els?)|broadcasting|radiodiffusion|radiodifusi(?:ó|o)n)(?![\\p{L}])[^|]{0,60}?';
/** No commitment in a cell of a schedule: "Unbound", "Sin consolidar", "Non consolidé" (a footnote mark after it). */
const UNBOUND_CELL = '(?:unbound|sin consolidar|no consolidad[oa]s?|non consolid(?:é|e)e?s?)[*\\d]{0,3}';
/**
 * A row of a schedule of commitments (a Markdown or pipe table, one line) whose sector is audiovisual services and
 * whose every commitment is "Unbound": the sector left out of the commitments, as a negotiator writes it in an annex.
 */
const UNBOUND_ROW = new RegExp(
  `^\\|? ?${AUDIOVISUAL_CELL} ?\\| ?${UNBOUND_CELL}(?: ?\\| ?${UNBOUND_CELL})* ?\\|?$`,
  'iu',
);

const unboundScheduleRow: Rule = {
  id: ruleId(CODE, 'any', 'schedule-row-unbound'),
  code: CODE,
  language: 'any',
  confidence: 0.9,
  why: 'a schedule of commitments lists audiovisual services (or broadcasting) as "Unbound" in every column: no commitment',
  apply(context: ProvisionContext) {
    if (context.location === ProvisionLocation.PREAMBLE || isEcommerceContext(context)) return null;
    const original = context.provision.text;
    if (!original.includes('|')) return null;
    // Rows are lines: the normalised text has none, so the row is found in the original and located again.
    for (const line of original.split(/\r\n|\r|\n/)) {
      const row = ruleText(line);
      if (row.length > 400 || !UNBOUND_ROW.test(row)) continue;
      const start = context.text.text.indexOf(row);
      if (start >= 0) return { span: { start, end: start + row.length }, bindingForce: BindingForce.BINDING };
    }
    return null;
  },
};

export const audiovisualExclusionRules: Rule[] = [
  ...(['en', 'es', 'fr'] as const).flatMap(rulesFor),
  unboundScheduleRow,
];
