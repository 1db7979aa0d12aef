import type { Language } from '../../common/i18n';
import { headingIn } from '../../provisions/preamble';
import { keyPartIn } from './report-texts';
import {
  articleCellLabel,
  isInternalKeyPart,
  keyInWords,
  KeyWords,
  keyOfPinpoint,
  keyParts,
  unnamedTextLabel,
} from '../../provisions/article-number';
import type { CitedChapter } from '../../provisions/cited-chapters';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { ConventionStatusKind, PartyKind } from '../../parties/party.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { provisionPath } from './report-links';
import type { EvidenceProvision, ReportAgreement, ReportBoundParty, ReportParty } from './report.types';

/*
 * The shapes the reports compute are declared once, as the GraphQL object types of `report.types.ts` and
 * `<kind>/<kind>.types.ts`. The facts below are those shapes plus what only the computation uses (internal ids,
 * kinds, regions); GraphQL never exposes the extra fields, since its field types (`ReportParty`,
 * `ReportAgreement`) do not declare them: that is the one boundary between internal and public.
 */

/** What the reports know of a party: loaded once per report, never per agreement. */
export interface PartyFacts extends ReportParty {
  kind: PartyKind;
  /** As a party of one agreement (a report's row of its parties): the side of it the party is of, where recorded. */
  side?: string | null;
  region: string | null;
  /** For NOT_PARTY: the date the sources last found the party not a Party (YYYY-MM-DD, YYYY-MM or YYYY). */
  conventionAsOf: string | null;
  /** The year of deposit where no day is known: the Convention in force by a date (conventionInForceBy). */
  conventionDepositYear: number | null;
}

/**
 * Whether the sources say the party was not a Party to the Convention on `date`: NOT_PARTY as of that date or
 * later ('as of' dates only as precise as the source: YYYY-MM, YYYY), or a Party only from a later date.
 */
export const notPartyOn = (p: PartyFacts, date: string): boolean =>
  (p.conventionStatus === ConventionStatusKind.NOT_PARTY &&
    (p.conventionAsOf === null || p.conventionAsOf >= date.slice(0, p.conventionAsOf.length))) ||
  (p.conventionStatus === ConventionStatusKind.PARTY &&
    p.conventionInForce !== null &&
    p.conventionInForce > date);

/** NOT_PARTY as of a date before `date`: what the sources say stops there; a report says so. */
export const notPartyUntil = (p: PartyFacts, date: string): string | null =>
  p.conventionStatus === ConventionStatusKind.NOT_PARTY && !notPartyOn(p, date) ? p.conventionAsOf : null;

/**
 * An agreement as the reports read it. `status` (public) is its status today (`statusOn`: TERMINATED once its
 * termination has passed, whatever the record says), what a page or file shows; `recordedStatus` is the status the
 * record carries, what the binding rule reads (`RecordedAgreement`): an agreement recorded in force with no date
 * bound its parties on days nobody recorded, before its termination as much as after it is shown terminated.
 */
export interface AgreementFacts extends ReportAgreement {
  id: number;
  recordedStatus: string;
  dateTerminated: string | null;
}

/** One annotation with the provision it sits on. */
export interface AnnotationFact {
  agreementId: number;
  agreementSlug: string;
  key: string;
  position: number;
  articleNumber: string | null;
  articleTitle: string | null;
  /** The chapter its label names, where its agreement numbers its articles per chapter (`citedChapters`); else null. */
  chapter: CitedChapter | null;
  code: TaxonomyCodeId;
  detail: string[];
  bindingForce: BindingForce | null;
  status: AnnotationStatus;
  /** The parties the provision covers when it names some only; null: all. */
  partyScope: string[] | null;
}

/** Which parties an annotation counts for: one rule, shared with the draft checker. */
export { coversParty } from '../../annotations/party-scope';

/** A provision cited as evidence: an annotated one, or the first article of a chapter. */
export type EvidenceRef = EvidenceProvision;

export const pinpointOf = (a: Pick<AnnotationFact, 'agreementSlug' | 'key'>): string =>
  `${a.agreementSlug}/${a.key}`;

export function evidenceOf(annotation: AnnotationFact, note: string | null = null): EvidenceRef {
  const pinpoint = pinpointOf(annotation);
  return {
    pinpoint,
    link: provisionPath(pinpoint),
    agreement: annotation.agreementSlug,
    articleNumber: annotation.articleNumber,
    articleTitle: annotation.articleTitle,
    chapter: annotation.chapter,
    code: annotation.code,
    detail: annotation.detail,
    bindingForce: annotation.bindingForce,
    status: annotation.status,
    note,
    partyScope: annotation.partyScope,
  };
}

/** "Ch." in the reports' short labels, in their language ("Art." is the three languages' abbreviation). */
const CHAPTER_WORD: Record<Language, string> = { en: 'Ch.', fr: 'Chap.', es: 'Cap.' };

/**
 * "Art. 22.6"; "Ch. 11, Art. 1" where its agreement numbers its articles per chapter (`chapter`); "Protocol III
 * cultural cooperation, Art. 3" for an article held under a protocol's key: `articleCellLabel`, the one rule of
 * every article's label; with no number, the key's containers and its last part in words ("…, audiovisual
 * co-productions"). The short label of the evidence in the flows, the comparison and the report files (GraphQL
 * `EvidenceProvision.label`): words a reader takes in, never a raw key.
 */
export function shortProvisionLabel(
  p: Pick<EvidenceRef, 'articleNumber' | 'pinpoint' | 'chapter'>,
  lang: Language = 'en',
): string {
  const key = keyOfPinpoint(p.pinpoint);
  const words = keyWordsIn(lang);
  if (p.articleNumber)
    return articleCellLabel(p.articleNumber, p.chapter ?? null, CHAPTER_WORD[lang], key, words);
  const { containers, own } = keyParts(key, words);
  // ToTA's own id ("tota-12877") is no word a reader takes in: such a text is named by its chapter ("Conclusion"),
  // else as a text without a number.
  const named = isInternalKeyPart(own)
    ? unnamedTextLabel(p.chapter, lang)
    : keyInWords(own, !containers.length, words);
  return [...containers, headingIn(lang, named)].join(', ');
}

/** A provision key's words in the report's language (`keyPartIn`). */
const keyWordsIn =
  (lang: Language): KeyWords =>
  (part) =>
    keyPartIn(lang, part);

/**
 * "Art. 22.6 Cultural Industries" (shortProvisionLabel and the title), or the key in words when it has neither; a
 * preamble named in the report's language ("Préambule", `headingIn`), whichever of the two names it.
 */
export function provisionLabel(
  p: Pick<EvidenceRef, 'articleNumber' | 'articleTitle' | 'pinpoint' | 'chapter'>,
  lang: Language = 'en',
): string {
  const title = p.articleTitle ? headingIn(lang, p.articleTitle) : null;
  if (p.articleNumber) return [shortProvisionLabel(p, lang), title].filter(Boolean).join(' ');
  // A protocol's preamble is not the agreement's: its title keeps the protocol's name before it.
  return title
    ? [...keyParts(keyOfPinpoint(p.pinpoint), keyWordsIn(lang)).containers, title].join(', ')
    : shortProvisionLabel(p, lang);
}

export const agreementName = (a: Pick<AgreementFacts, 'shortTitle' | 'title'>): string =>
  a.shortTitle ?? a.title;

/** A party bound by an agreement (from `agreement_binding`), as the comparison, trends and flows see it. */
export type BoundPartyFacts = ReportBoundParty;

/**
 * A party of an agreement whose rights and obligations under it are suspended on the report's day (`suspendedOn`):
 * still a party, bound by nothing while it lasts, so no partner, grantor or beneficiary of the reports that ask no
 * date; they name it apart, with the day the suspension began.
 */
export interface SuspendedPartyFacts {
  party: PartyFacts;
  since: string;
}

/** The partners in their own right (a bloc as itself): never a bloc's member states, never a territory. */
export const partnersOf = (bound: BoundPartyFacts[]): PartyFacts[] =>
  bound.filter((b) => b.via === null).map((b) => b.party);

/** The statuses a report counts: accepted, and proposed ones too when asked. */
export function countedStatuses(includeProposed: boolean): AnnotationStatus[] {
  return includeProposed
    ? [AnnotationStatus.ACCEPTED, AnnotationStatus.PROPOSED]
    : [AnnotationStatus.ACCEPTED];
}

const FORCE_RANK: Record<string, number> = {
  [BindingForce.BINDING]: 3,
  [BindingForce.BEST_ENDEAVOUR]: 2,
  [BindingForce.DECLARATORY]: 1,
};

export const forceRank = (force: BindingForce | null): number => (force ? FORCE_RANK[force] : 0);

/** ACCEPTED beats PROPOSED, then the stronger binding force. */
function betterAnnotation(a: AnnotationFact, b: AnnotationFact): boolean {
  if (a.status !== b.status) return a.status === AnnotationStatus.ACCEPTED;
  return forceRank(a.bindingForce) > forceRank(b.bindingForce);
}

/**
 * One annotation per provision and code, the best (betterAnnotation), in the order given. A provision may carry
 * two annotations of one code that cover different parties: what is said of a party keeps those that cover it
 * (`covers`) before choosing, so that the choice never falls on an annotation that does not cover it.
 */
export function onePerProvision<T extends AnnotationFact>(
  annotations: T[],
  covers: (annotation: T) => boolean = () => true,
): T[] {
  const best = new Map<string, T>();
  for (const annotation of annotations) {
    if (!covers(annotation)) continue;
    const id = `${annotation.agreementId}\u0000${annotation.key}\u0000${annotation.code}`;
    const seen = best.get(id);
    if (!seen || betterAnnotation(annotation, seen)) best.set(id, annotation);
  }
  return [...best.values()];
}

export function groupByAgreement<T extends { agreementId: number }>(items: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.agreementId) ?? [];
    list.push(item);
    map.set(item.agreementId, list);
  }
  return map;
}

/** A party of an agreement as `sameSide` reads it: its kind, and the side of the agreement it is of where recorded. */
export interface SidedParty {
  code: string;
  kind: PartyKind;
  /** `agreement_party.side`: where the text applies the agreement only between sides. Absent: not recorded. */
  side?: string | null;
}

/**
 * Whether two parties of an agreement are of the same side (part) of it, so that it binds neither to the other. The
 * sides recorded on the agreement's parties (`agreement_party.side`, set by the ToTA import where the text applies
 * the agreement only between sides) answer when both have one: EFTA - Colombia Art. 1.5 applies it between each EFTA
 * State and Colombia, not among the EFTA States, so Iceland is no partner of Switzerland's under it; EFTA - Central
 * America Art. 1.4 excludes Costa Rica - Panama too. Otherwise, in an agreement of a bloc (the Union and its member
 * states of the one part), every party that is not the bloc is of the other part, with the others (Colombia, Peru
 * and Ecuador of the EU's agreement with them, which applies between the Union and each of them, not among them).
 * The sides are read from `parties` by code: `a` and `b` may be the party as known outside the agreement.
 */
export function sameSide(
  parties: readonly SidedParty[],
  a: { code: string; side?: string | null },
  b: { code: string; side?: string | null },
): boolean {
  const sideOf = (x: { code: string; side?: string | null }) =>
    x.side ?? parties.find((p) => p.code === x.code && p.side != null)?.side ?? null;
  const [sideA, sideB] = [sideOf(a), sideOf(b)];
  if (sideA !== null && sideB !== null) return sideA === sideB;
  const bloc = parties.find((p) => p.kind === PartyKind.BLOC);
  return bloc !== undefined && a.code !== bloc.code && b.code !== bloc.code;
}

/**
 * The parties of an agreement that grant `beneficiary` what the agreement gives culture from developing countries
 * (paragraph 18): its developed parties (`developing` false, a bloc as itself), save those on its side (`sameSide`:
 * Iceland grants Switzerland nothing under EFTA - Colombia, which does not apply among the EFTA States). In an
 * agreement of a bloc (the Union and its member states of the one part), two parties that are not the bloc are on the
 * same side: neither grants the other anything under it (the EU - Central America agreement's help goes to the
 * Republics of the Central American side, Panama, classed high income, among them, not from Panama to Costa Rica).
 * With no developed party, `mutual`: the developing parties grant each other. A party bound through a bloc (`via`, a
 * member state) is on the bloc's side, the bloc developed as itself: nobody grants it anything under the bloc's
 * agreement (Bulgaria, upper middle income, was said to be granted the EU - Central America help by Panama). The flows
 * report and the coherence report's 18.2 check both ask this.
 */
export function grantorsTo<P extends SidedParty & { developing: boolean | null }>(
  parties: readonly P[],
  beneficiary: P,
  mutual = parties.every((p) => p.developing !== false),
  via: string | null = null,
): P[] {
  if (via !== null) return [];
  return parties.filter(
    (p) =>
      p.code !== beneficiary.code &&
      !sameSide(parties, p, beneficiary) &&
      (mutual ? p.developing === true : p.developing === false),
  );
}

/**
 * The developing parties of an agreement that a developed `grantor` grants what the agreement gives culture from
 * developing countries (paragraph 18), as `grantorsTo` reads it: none on its own side of a bloc's agreement (Panama,
 * high income, grants its Central American neighbours nothing under EU - Central America; the EU does). What 18.2
 * asks of a developed party, and the draft checker's count of its practice.
 */
export function beneficiariesOf<P extends SidedParty & { developing: boolean | null }>(
  parties: readonly P[],
  grantor: P,
): P[] {
  return parties.filter(
    (p) => p.developing === true && grantorsTo(parties, p, false).some((g) => g.code === grantor.code),
  );
}
