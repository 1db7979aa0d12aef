import type { Language } from '../../common/i18n';
import { REPORT_TEXTS, ReportTextKey, say, text, Text } from './report-texts';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { readTaxonomyFixtures } from '../../taxonomy/taxonomy-fixtures';

/**
 * Accepted and proposed evidence, side by side. The comparison, trends and flows never show an empty cell or a
 * zero where proposed evidence (the rules' or an annotator's) awaits review: they count the two apart, and
 * count proposals as evidence only when asked (`includeProposed`).
 */

/** How many pieces of evidence (provisions, agreements) are accepted, and how many only proposed. */
export interface EvidenceCount {
  accepted: number;
  /** Only PROPOSED annotations: awaiting review. */
  proposed: number;
}

/** What a report counts as evidence: accepted always, proposed only with includeProposed. */
export const countedOf = (count: EvidenceCount, includeProposed: boolean): number =>
  count.accepted + (includeProposed ? count.proposed : 0);

/** Nothing counted, but proposals await review: shown in a style of its own, never as an absence. */
export const isPending = (count: EvidenceCount, includeProposed: boolean): boolean =>
  !includeProposed && count.accepted === 0 && count.proposed > 0;

/** "1 accepted + 2 proposed", "2 proposed, awaiting review", "1 accepted", "none", in the report's language. */
export function evidenceText(count: EvidenceCount, lang: Language = 'en'): string {
  const { accepted, proposed } = count;
  if (accepted && proposed) return say(lang, text('evidence.both', { accepted, proposed }));
  if (proposed) return say(lang, text('evidence.proposed', { proposed }));
  if (accepted) return say(lang, text('evidence.accepted', { accepted }));
  return say(lang, text('value.none'));
}

/** The note the comparison, trends and flows carry about accepted and proposed evidence. */
export function evidenceNote(includeProposed: boolean): string {
  return say('en', evidenceNoteText(includeProposed));
}

/** The same note, before it is put in a language. */
export const evidenceNoteText = (includeProposed: boolean): Text =>
  text(includeProposed ? 'note.evidence.proposed' : 'note.evidence.accepted');

/** How the parameters of a file say what was counted. */
export const countedParameter = (includeProposed: boolean, lang: Language = 'en'): string =>
  say(lang, text(includeProposed ? 'trends.counted.proposed' : 'trends.counted.accepted'));

/** A review status in words ("accepted", "proposed, awaiting review"). */
export function statusWords(status: AnnotationStatus | null, lang: Language = 'en'): string | null {
  return status === null ? null : say(lang, text(`status.${status}`));
}

export const forceWords = (force: BindingForce | null, lang: Language = 'en'): string | null =>
  force ? say(lang, text(`force.${force}`)) : null;

/** A binding force's letter in the comparison's heatmap (B, BE, D in English). */
export const forceLetter = (force: BindingForce, lang: Language = 'en'): string =>
  say(lang, text(`forceShort.${force}`));

let names: Map<string, string> | null = null;

/** The taxonomy's name of a code for a reader ("Cultural carve-out from e-commerce"), from the taxonomy file. */
export function codeName(code: TaxonomyCodeId): string {
  names ??= new Map(readTaxonomyFixtures().map((c) => [c.code, c.name]));
  return names.get(code) ?? code;
}

const isKey = (key: string): key is ReportTextKey => key in REPORT_TEXTS.en;

/**
 * A detail value for a reader: ARTIST_MOBILITY is "artist mobility" (a mechanism's name in the report texts, in
 * French and Spanish too); an e-commerce subtype in French or Spanish is the coherence rules' words for it, or its
 * name (`detail.*`: the other subtypes, GUIDELINES); a value outside the vocabulary stays its code there (English:
 * the value in lower case, as the files always had it).
 */
export function detailWords(value: string, lang: Language = 'en'): string {
  const mechanism = `mechanism.${value}`;
  if (isKey(mechanism)) return say(lang, text(mechanism));
  if (lang === 'en') return value.toLowerCase().replace(/^co_/, 'co-').replace(/_/g, ' ');
  const subtype = `coh.ecommerce.${value}`;
  if (isKey(subtype)) return say(lang, text(subtype));
  const named = `detail.${value}`;
  return isKey(named) ? say(lang, text(named)) : value;
}
