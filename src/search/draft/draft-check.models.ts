import { Field, Float, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { LocalDate } from '../../graphql/scalars';
import { Provision } from '../../provisions/provision.entity';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';

export const DRAFT_MAX_CHARACTERS = 200_000;

@InputType({
  description: 'A draft chapter or agreement to check against the catalogue (never stored or logged)',
})
export class CheckDraftInput {
  @Field({
    description: `The draft as plain text or Markdown, at most ${DRAFT_MAX_CHARACTERS.toLocaleString('en')} characters, with Article / Artículo / Chapter / Section headings`,
  })
  text!: string;

  @Field(() => [String], {
    description:
      'The negotiating parties, as the explorer\'s forms take them: ISO 3166-1 alpha-3 codes (EUN for the EU) or names ("Canada", "Republic of Korea", "Korea, Republic of"; a name must name one party); an entry may hold several, separated by commas or semicolons (codes also by spaces)',
  })
  parties!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'Language of the draft: en, es or fr. Left out, the language its words show (English when they do not tell); a language its words contradict is refused, since the rules would find nothing in it',
  })
  language?: string | null;
}

@ObjectType({ description: 'What the annotation rules find in a draft article' })
export class DraftAnnotation {
  @Field(() => TaxonomyCodeId)
  code!: TaxonomyCodeId;

  @Field(() => [String])
  detail!: string[];

  @Field({ description: 'The rule that fired (CODE/language/name)' })
  ruleId!: string;

  @Field(() => String, { nullable: true, description: 'The words of the draft the rule matched' })
  evidence!: string | null;
}

@ObjectType({
  description:
    "The family a precedent belongs to, in brief: the precedent's clauseFamily (default measure and threshold)",
})
export class DraftPrecedentFamily {
  @Field(() => Provision, {
    description: "The family's template, its earliest member (clauseFamily's template)",
  })
  template!: Provision;

  @Field(() => Int, { description: "Members of the family (clauseFamily's size)" })
  size!: number;

  @Field(() => LocalDate, { nullable: true, description: "The template's signature date" })
  since!: string | null;

  @Field({
    description:
      'The family is whole; false: it was cut at its size bound (clauseFamily.truncated), goes on beyond `size` and may start before `since`',
  })
  complete!: boolean;
}

@ObjectType({ description: 'A clause of the catalogue close to a draft article' })
export class DraftPrecedent {
  @Field(() => Provision)
  provision!: Provision;

  @Field(() => Float, { description: 'WORDING similarity to the draft article' })
  score!: number;

  @Field(() => LocalDate, { nullable: true, description: "The agreement's signature date" })
  dateSigned!: string | null;

  @Field(() => [String], { description: "The agreement's parties" })
  parties!: string[];

  @Field({ description: "The agreement has one of the draft's parties" })
  sameParties!: boolean;

  @Field(() => [String], {
    description:
      "Parties that signed the agreement and are bound by it on no date (signed only: the TPP, never in force, binds none of its twelve), not among `parties`: a precedent's wording they agreed to, never in effect for them",
  })
  signatoriesOnly!: string[];

  @Field(() => DraftPrecedentFamily, {
    nullable: true,
    description: 'For the closest precedent of each article',
  })
  family!: DraftPrecedentFamily | null;

  /** For the diff field. */
  precedentText!: string;
  draftText!: string;
}

@ObjectType({ description: 'One article of the draft, as the text importer splits it' })
export class DraftArticle {
  @Field(() => Int, { description: '0-based position in the draft' })
  position!: number;

  @Field({ description: 'PREAMBLE, OPERATIVE, ANNEX, ...' })
  location!: string;

  @Field(() => String, { nullable: true })
  chapterTitle!: string | null;

  @Field(() => String, { nullable: true })
  articleNumber!: string | null;

  @Field(() => String, { nullable: true })
  articleTitle!: string | null;

  @Field(() => Int)
  words!: number;

  @Field(() => [DraftAnnotation])
  annotations!: DraftAnnotation[];

  @Field(() => [DraftPrecedent], {
    description:
      'The closest clauses of the catalogue (WORDING similarity 0.2 or more), at most 3, best first',
  })
  precedents!: DraftPrecedent[];
}

export enum DraftGapKind {
  ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT = 'ECOMMERCE_WITHOUT_CULTURAL_CARVE_OUT',
  SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION = 'SERVICES_WITHOUT_AUDIOVISUAL_EXCLUSION',
  NO_CONVENTION_REFERENCE = 'NO_CONVENTION_REFERENCE',
  /** Between developed and developing parties, nothing for the developing parties' culture (paragraph 18). */
  NO_PREFERENTIAL_TREATMENT = 'NO_PREFERENTIAL_TREATMENT',
}
registerEnumType(DraftGapKind, { name: 'DraftGapKind' });

export enum DraftGapBasis {
  PARTY_PRACTICE = 'PARTY_PRACTICE',
  CONVENTION = 'CONVENTION',
}
registerEnumType(DraftGapBasis, {
  name: 'DraftGapBasis',
  description:
    "PARTY_PRACTICE: some of the parties' own agreements carry what the draft lacks; CONVENTION: none does, the expectation comes from the Convention's Operational Guidelines alone",
});

export enum DraftPracticeSince {
  IN_FORCE = 'IN_FORCE',
  IN_FORCE_BY = 'IN_FORCE_BY',
  CONVENTION_IN_FORCE = 'CONVENTION_IN_FORCE',
  RECENT_YEARS = 'RECENT_YEARS',
}
registerEnumType(DraftPracticeSince, {
  name: 'DraftPracticeSince',
  description:
    "What a party's `since` is: IN_FORCE, the date the Convention entered into force for it; IN_FORCE_BY, the latest date it can have given the year of its deposit (no day recorded); CONVENTION_IN_FORCE, the Convention's own entry into force (2007-03-18), neither being recorded, so that agreements signed before the party joined may be counted; RECENT_YEARS, the start of the last 10 years of its record",
});

export enum DraftLeftOutReason {
  NOT_A_CONVENTION_PARTY = 'NOT_A_CONVENTION_PARTY',
  CONVENTION_STATUS_UNKNOWN = 'CONVENTION_STATUS_UNKNOWN',
  DEVELOPING = 'DEVELOPING',
  DEVELOPMENT_STATUS_UNKNOWN = 'DEVELOPMENT_STATUS_UNKNOWN',
}
registerEnumType(DraftLeftOutReason, {
  name: 'DraftLeftOutReason',
  description:
    "Why a party is not counted in a gap: NOT_A_CONVENTION_PARTY (the United States, Japan: nothing of the Convention is expected of them); CONVENTION_STATUS_UNKNOWN (the catalogue records no status under the Convention, Singapore); DEVELOPING (preferential treatment is for a developing party's culture: it benefits, it does not grant); DEVELOPMENT_STATUS_UNKNOWN (whether the party is developing is not recorded)",
});

@ObjectType({ description: 'A negotiating party a gap does not count, and why' })
export class DraftGapLeftOut {
  @Field()
  party!: string;

  @Field({ description: "The party's name in the catalogue (English), as `DraftPartyPractice.partyName`" })
  partyName!: string;

  @Field(() => DraftLeftOutReason)
  reason!: DraftLeftOutReason;
}

@ObjectType({ description: "One party's record on what the draft lacks" })
export class DraftPartyPractice {
  @Field()
  party!: string;

  @Field({
    description:
      "The party's name in the catalogue (English): the messages name each party by it and its code, as 'Canada (CAN) 7 of 8'",
  })
  partyName!: string;

  @Field(() => Int, { description: 'Agreements of the party the comparison covers (see `DraftGap.scope`)' })
  agreements!: number;

  @Field(() => Int, {
    description: 'Of those, the agreements that carry what the draft lacks (annotations not rejected)',
  })
  carrying!: number;

  @Field(() => Int, {
    description:
      'Of the carrying ones, those whose annotation a reviewer has accepted (the others rest on proposals of the rules)',
  })
  reviewed!: number;

  @Field(() => Int, {
    description:
      'Of the agreements that do not carry it, those the catalogue holds only in part (excerpts or facts alone): whether they carry it is not known',
  })
  partial!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'NO_CONVENTION_REFERENCE only: of the carrying ones, those that name the Convention (CONVENTION_REF_EXPLICIT); the others refer to the diversity of cultural expressions without naming it (what the coherence report\'s "refer explicitly" score, 19.5, does not count as met). Null for the other gaps',
  })
  naming!: number | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The earliest signature date counted (see `sinceBasis`); null when the party has no dated agreement',
  })
  since!: string | null;

  @Field(() => DraftPracticeSince)
  sinceBasis!: DraftPracticeSince;

  @Field(() => [String], {
    description:
      "The blocs through which the party is bound by agreements not counted as its own (France through the EU): with none of its own in scope, its practice is the bloc's; name the bloc to compare with it",
  })
  through!: string[];

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the party is a Party to the Convention: true, false (the United States, Japan), null where the catalogue records no status. The Convention's Operational Guidelines speak to its Parties: a gap resting on them (basis CONVENTION) says so when none of the parties counted is known to be one",
  })
  conventionParty!: boolean | null;
}

@ObjectType({
  description:
    'A clause to borrow for what the draft lacks, with whether a reviewer has accepted the annotation it is offered for',
})
export class DraftGapPrecedent {
  @Field(() => Provision)
  provision!: Provision;

  @Field(() => AnnotationStatus, {
    description:
      "ACCEPTED: a reviewer has accepted its annotation with one of the gap's codes; PROPOSED: the rules or an annotator propose it and no reviewer has accepted it yet (it may not carry what the draft lacks)",
  })
  annotationStatus!: AnnotationStatus;
}

@ObjectType({
  description: "Something the draft lacks, compared with the parties' practice and the Convention",
})
export class DraftGap {
  @Field(() => DraftGapKind)
  kind!: DraftGapKind;

  @Field(() => DraftGapBasis)
  basis!: DraftGapBasis;

  @Field({ description: 'The coherence rule this corresponds to (docs/coherence-rules.md)' })
  rule!: string;

  @Field({ description: 'What is missing and why it matters, in a sentence' })
  message!: string;

  @Field({ description: "Which of the parties' agreements the practice counts" })
  scope!: string;

  @Field(() => [DraftPartyPractice])
  practice!: DraftPartyPractice[];

  @Field(() => [DraftGapLeftOut], {
    description:
      'The negotiating parties this gap does not count, each with why (the message says so of each): for a missing reference to the Convention those not known to be Parties to it, for preferential treatment the developing parties and those whose development status is not recorded; empty for the other gaps',
  })
  leftOut!: DraftGapLeftOut[];

  @Field(() => [DraftGapPrecedent], {
    description:
      "Clauses to borrow, at most 5, one per agreement: the parties' own where they have some, else the catalogue's; " +
      'for a missing reference to the Convention explicit references before implicit ones; within each, those a reviewer has accepted (annotationStatus ACCEPTED) before proposals, then the most recent first',
  })
  precedents!: DraftGapPrecedent[];
}

@ObjectType({ description: 'A draft checked against the catalogue: nothing of it is stored' })
export class DraftCheck {
  @Field({ description: 'The language the draft was checked in (en, es or fr)' })
  language!: string;

  @Field(() => [DraftArticle])
  articles!: DraftArticle[];

  @Field(() => [DraftGap])
  gaps!: DraftGap[];

  @Field(() => [TaxonomyCodeId], { description: 'Codes the rules found anywhere in the draft' })
  codes!: TaxonomyCodeId[];

  @Field(() => [String], {
    description:
      'The parties whose status under the Convention the catalogue does not record (neither Party nor not): no reference to the Convention is expected of them, nor their agreements counted, and whether it should be is not known',
  })
  conventionStatusUnknown!: string[];
}
