import { Field, Float, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { LocalDate } from '../../graphql/scalars';
import {
  EvidenceProvision,
  FindingSeverity,
  ReportAgreement,
  ReportFileLink,
  ReportParty,
} from '../common/report.types';
import { DatePrecision, PartyRole } from '../../agreements/agreement.enums';
import { AgreementRecordCompleteness } from '../../agreements/agreement-record-completeness.model';
import type { AgreementFacts, PartyFacts } from '../common/report-facts';
import type { Severity } from '../render/report-document';
import type { Text } from '../common/report-texts';

/** The sentences of a check or finding before they are put in a language (not in GraphQL: `coherence-language.ts`). */
export interface CoherenceTexts {
  message: Text;
  absence: Text | null;
  record?: Text | null;
}

// The one declaration of the coherence report's shapes: what `coherence-compute.ts` returns and what GraphQL
// serves (the TypeScript types carry the computation's facts; the @Field types say what GraphQL exposes of them).

export enum CoherenceOutcome {
  MET = 'MET',
  PENDING_REVIEW = 'PENDING_REVIEW',
  NOT_MET = 'NOT_MET',
  UNKNOWN = 'UNKNOWN',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}
registerEnumType(CoherenceOutcome, {
  name: 'CoherenceOutcome',
  description: 'What a coherence rule concluded for one agreement',
  valuesMap: {
    MET: { description: 'Met, on evidence a reviewer accepted' },
    PENDING_REVIEW: {
      description:
        'The outcome depends on proposed evidence (by the annotation rules or an annotator) that no reviewer has confirmed yet',
    },
    NOT_MET: { description: 'No evidence at all, in a record complete enough to judge' },
    UNKNOWN: { description: 'The record is too incomplete to judge, or a fact the rule needs is missing' },
    NOT_APPLICABLE: {
      description:
        'The rule does not apply (e.g. an agreement signed before the Convention: context, not a failure)',
    },
  },
});

@ObjectType({ description: 'A coherence rule (docs/coherence-rules.md)' })
export class CoherenceRuleInfo {
  @Field({ description: 'Stable id, e.g. G19.5/no-convention-reference' })
  id!: string;

  @Field({ description: 'Paragraph of the Operational Guidelines on the digital environment' })
  paragraph!: string;

  @Field(() => FindingSeverity, { description: 'Severity of its findings' })
  severity!: Severity;

  @Field()
  title!: string;

  @Field({ description: 'The data the rule looks at' })
  checks!: string;

  @Field({ description: 'Counted in the paragraph scores' })
  scored!: boolean;

  @Field({ description: 'Why it matters under the Guidelines, in plain words' })
  why!: string;

  @Field({ description: 'What a ministry could check when the rule is not met' })
  whatToCheck!: string;
}

@ObjectType({ description: 'One rule applied to one agreement' })
export class CoherenceCheck {
  @Field()
  ruleId!: string;

  @Field()
  paragraph!: string;

  @Field(() => CoherenceOutcome)
  outcome!: `${CoherenceOutcome}`;

  /** For PENDING_REVIEW: the outcome once the proposals are accepted. */
  @Field(() => CoherenceOutcome, {
    nullable: true,
    description: 'For PENDING_REVIEW: the outcome once the proposed evidence is accepted',
  })
  pendingOutcome!: `${CoherenceOutcome}` | null;

  @Field(() => FindingSeverity)
  severity!: Severity;

  @Field()
  message!: string;

  @Field(() => [EvidenceProvision], {
    description: 'The provisions that meet the rule, or that raise the finding',
  })
  evidence!: EvidenceProvision[];

  /** When the evidence is an absence: what is missing (the files show it; GraphQL has it on the findings). */
  absence!: string | null;

  texts!: CoherenceTexts;
}

@ObjectType({ description: 'An agreement of the party with the outcome of every rule' })
export class CoherenceAgreement {
  @Field(() => ReportAgreement)
  agreement!: AgreementFacts;

  @Field(() => String, {
    nullable: true,
    description: 'The bloc through which the party is bound (e.g. EUN)',
  })
  via!: string | null;

  @Field(() => [ReportParty], { description: 'The other parties' })
  partners!: PartyFacts[];

  @Field(() => AgreementRecordCompleteness, { description: 'What the catalogue holds of the agreement' })
  record!: AgreementRecordCompleteness;

  /** Signed before the Convention was adopted: shown as context, never as failures. */
  @Field({ description: 'Signed before the Convention was adopted (2005-10-20): context, not failures' })
  legacy!: boolean;

  @Field({
    description: 'Recorded as in force with no date of entry into force (counted as binding since signature)',
  })
  inForceInferred!: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "The date the agreement applies to the party from: its own ratification or accession, or its accession to the bloc it is bound through (`via`); the agreement's first date when agreementFirstDates",
  })
  appliedFrom!: string | null;

  @Field({
    description:
      "appliedFrom is the agreement's first date (its first entry into force or provisional application), not the party's own, which is not recorded: an original party with no date of its own on an agreement of three or more sides",
  })
  agreementFirstDates!: boolean;

  @Field(() => DatePrecision, {
    description:
      'How precise appliedFrom is: EXACT, or AT_LATEST, a bound (in force for the party on that day at the latest; its own day is not recorded, and before it whether the agreement bound the party is not known): AANZFTA for Cambodia and Lao PDR, 2011-02-01',
  })
  appliedFromPrecision!: DatePrecision;

  @Field(() => PartyRole, {
    nullable: true,
    description:
      'How the party came to the agreement: ORIGINAL, or ACCEDED after the signature (bound from appliedFrom, its accession, never from the signature: Korea, DEPA, 2024); null when it is bound through a bloc (`via`) and not listed itself',
  })
  role!: `${PartyRole}` | null;

  @Field(() => Int, { description: 'Annotations a reviewer accepted' })
  acceptedAnnotations!: number;

  @Field(() => Int, {
    description: 'Proposed annotations (by the annotation rules or an annotator) that await review',
  })
  proposedAnnotations!: number;

  @Field(() => [CoherenceCheck])
  checks!: CoherenceCheck[];
}

@ObjectType({ description: 'A rule an agreement does not meet, with its evidence or the absence that is' })
export class CoherenceFinding {
  @Field(() => Int, { description: '1-based position in the report' })
  number!: number;

  @Field()
  ruleId!: string;

  /** NOT_MET, PENDING_REVIEW or UNKNOWN: a finding never reports MET or NOT_APPLICABLE. */
  @Field(() => CoherenceOutcome, { description: 'NOT_MET, PENDING_REVIEW or UNKNOWN' })
  outcome!: `${CoherenceOutcome}`;

  @Field(() => FindingSeverity)
  severity!: Severity;

  @Field()
  paragraph!: string;

  @Field(() => ReportAgreement, {
    nullable: true,
    description: 'Null when about the party or several agreements',
  })
  agreement!: AgreementFacts | null;

  @Field({ description: 'What was found' })
  message!: string;

  @Field({ description: 'Why it matters under the Guidelines' })
  why!: string;

  @Field({ description: 'What the ministry could check' })
  whatToCheck!: string;

  @Field(() => String, { nullable: true, description: 'What the catalogue holds of the agreement' })
  record!: string | null;

  @Field(() => [EvidenceProvision])
  evidence!: EvidenceProvision[];

  @Field(() => String, { nullable: true, description: 'What is missing, when the evidence is an absence' })
  absence!: string | null;

  texts!: CoherenceTexts;
}

@ObjectType({ description: 'Share of the assessed agreements that meet a paragraph' })
export class ParagraphScore {
  @Field()
  paragraph!: string;

  @Field()
  title!: string;

  @Field(() => [String])
  ruleIds!: string[];

  @Field(() => Int, {
    description: 'Agreements whose outcome awaits review of proposed evidence (not in the share)',
  })
  pending!: number;

  @Field(() => Int, { description: 'Agreements the rules of the paragraph could decide on' })
  assessed!: number;

  @Field(() => Int, {
    description:
      'Agreements the paragraph applies to that could not be judged (UNKNOWN: a record too incomplete, a fact missing): neither in `assessed` nor in the share, so a share drawn from few of the agreements says so',
  })
  notAssessed!: number;

  @Field(() => Int)
  met!: number;

  @Field(() => Float, { nullable: true, description: 'met / assessed; null when nothing was assessed' })
  share!: number | null;
}

@ObjectType({ description: 'A paragraph score for the agreements signed in one year' })
export class ParagraphYearScore {
  @Field()
  paragraph!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int)
  assessed!: number;

  @Field(() => Int)
  met!: number;

  @Field(() => Float)
  share!: number;
}

@ObjectType({ description: 'How many checks (one rule applied to one agreement) ended in one outcome' })
export class CoherenceOutcomeCount {
  @Field(() => CoherenceOutcome)
  outcome!: `${CoherenceOutcome}`;

  @Field(() => Int)
  checks!: number;
}

@ObjectType({
  description:
    'An agreement that bound the party through a bloc before asOf and no longer does (the United Kingdom through the EU, until the end of its transition)',
})
export class LeftOutBoundThrough {
  @Field()
  slug!: string;

  @Field({ description: 'The bloc it bound the party through' })
  via!: string;

  @Field(() => LocalDate, {
    description: 'The day it ceased to bind the party (exclusive: bound the day before)',
  })
  until!: string;
}

@ObjectType({ description: "An agreement under which the party's rights and obligations are suspended" })
export class LeftOutSuspension {
  @Field()
  slug!: string;

  @Field(() => LocalDate, { description: 'The day the suspension began' })
  since!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "Where the suspension is recorded (the agreement's parties' suspensionSource, the party's own row or its bloc's)",
  })
  source!: string | null;
}

@ObjectType({
  description:
    'An agreement in force for the party by a day the sources give (a bound), its own day not recorded, asked of an earlier day',
})
export class LeftOutInForceBy {
  @Field()
  slug!: string;

  @Field(() => LocalDate, { description: 'In force for the party on this day at the latest' })
  date!: string;
}

@ObjectType({ description: "Coherence of a party's agreements with the 2005 Convention" })
export class CoherenceReport {
  @Field(() => ReportParty)
  party!: PartyFacts;

  @Field(() => LocalDate)
  asOf!: string;

  @Field()
  includeProposed!: boolean;

  @Field(() => [String], { description: 'Caveats: what is counted, what is left out' })
  notes!: string[];

  /** The notes before they are put in a language. */
  noteTexts!: Text[];

  @Field(() => [CoherenceAgreement], { description: 'Agreements applied on asOf, by signature date' })
  agreements!: CoherenceAgreement[];

  @Field(() => [CoherenceFinding], { description: 'By severity, rule and signature date' })
  findings!: CoherenceFinding[];

  @Field(() => [ParagraphScore])
  scores!: ParagraphScore[];

  @Field(() => [ParagraphYearScore], { description: 'Scores by year of signature' })
  trend!: ParagraphYearScore[];

  @Field(() => [CoherenceRuleInfo])
  rules!: CoherenceRuleInfo[];

  @Field(() => [ReportAgreement], { description: "The party's agreements not applied on asOf" })
  leftOut!: AgreementFacts[];

  @Field(() => [String], {
    description:
      'Of leftOut, the slugs of the agreements the party joined or left on a date not recorded (the sources may give none, or a day the catalogue does not count by): whether they bind it on asOf is not known (not that they do not)',
  })
  leftOutDatesUnknown!: string[];

  @Field(() => [String], {
    description:
      'Of leftOutDatesUnknown, the agreements the party left (withdrew from) on a date not recorded; it joined the others on such a date, or they ended (leftOutEndedUndated) or began to apply (leftOutStartedUndated) on one. The three lists share no agreement',
  })
  leftOutLeftUndated!: string[];

  @Field(() => [String], {
    description:
      'Of leftOutDatesUnknown, the agreements the party is an original party of that began to apply on a date not recorded (no date of entry into force or provisional application), and neither ended nor were left on one: it did not join them late',
  })
  leftOutStartedUndated!: string[];

  @Field(() => [String], {
    description:
      'Of leftOutDatesUnknown, the agreements that ended on a date not recorded (recorded as terminated, with no date of termination): that, not when the party joined or left, is why whether they bound it on asOf is not known',
  })
  leftOutEndedUndated!: string[];

  @Field(() => [LeftOutInForceBy], {
    description:
      'Of leftOutDatesUnknown, the agreements in force for the party by a day the sources give (a bound: AANZFTA for Cambodia, 2011-02-01), its own day not recorded, asOf being before that day and on or after the agreement first applied: whether they bound it on asOf is not known',
  })
  leftOutInForceBy!: { slug: string; date: string }[];

  @Field(() => [LeftOutSuspension], {
    description:
      "Of leftOut, the agreements under which the party's rights and obligations are suspended on asOf: still a party, known not bound",
  })
  leftOutSuspended!: LeftOutSuspension[];

  @Field(() => [LeftOutBoundThrough], {
    description:
      'Of leftOut, the agreements that bound the party through a bloc until a day on or before asOf: the bloc and that day (the United Kingdom, bound through the EU until 2020-12-31)',
  })
  leftOutBoundThrough!: LeftOutBoundThrough[];

  @Field(() => [ReportFileLink])
  files!: ReportFileLink[];
}

/** What the computation returns: the report without its file links (the resolver adds them). */
export type CoherenceResult = Omit<CoherenceReport, 'files'>;
