import { say, text, Text } from './report-texts';
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

/** "1 accepted + 2 proposed", "2 proposed, awaiting review", "1 accepted", "none". */
export function evidenceText(count: EvidenceCount): string {
  if (count.accepted && count.proposed) return `${count.accepted} accepted + ${count.proposed} proposed`;
  if (count.proposed) return `${count.proposed} proposed, awaiting review`;
  if (count.accepted) return `${count.accepted} accepted`;
  return 'none';
}

/** The note the comparison, trends and flows carry about accepted and proposed evidence. */
export function evidenceNote(includeProposed: boolean): string {
  return say('en', evidenceNoteText(includeProposed));
}

/** The same note, before it is put in a language. */
export const evidenceNoteText = (includeProposed: boolean): Text =>
  text(includeProposed ? 'note.evidence.proposed' : 'note.evidence.accepted');

/** How the parameters of a file say what was counted. */
export const countedParameter = (includeProposed: boolean): string =>
  includeProposed
    ? 'accepted and proposed annotations'
    : 'accepted annotations (proposed ones shown apart, awaiting review)';

export function statusWords(status: AnnotationStatus | null): string | null {
  if (status === null) return null;
  if (status === AnnotationStatus.ACCEPTED) return 'accepted';
  if (status === AnnotationStatus.PROPOSED) return 'proposed, awaiting review';
  return status.toLowerCase();
}

const FORCE_WORDS: Record<BindingForce, string> = {
  [BindingForce.BINDING]: 'binding',
  [BindingForce.BEST_ENDEAVOUR]: 'best endeavour',
  [BindingForce.DECLARATORY]: 'declaratory',
};

export const forceWords = (force: BindingForce | null): string | null => (force ? FORCE_WORDS[force] : null);

let names: Map<string, string> | null = null;

/** The taxonomy's name of a code for a reader ("Cultural carve-out from e-commerce"), from the taxonomy file. */
export function codeName(code: TaxonomyCodeId): string {
  names ??= new Map(readTaxonomyFixtures().map((c) => [c.code, c.name]));
  return names.get(code) ?? code;
}

/** A detail value for a reader: ARTIST_MOBILITY is "artist mobility". */
export const detailWords = (value: string): string =>
  value.toLowerCase().replace(/^co_/, 'co-').replace(/_/g, ' ');
