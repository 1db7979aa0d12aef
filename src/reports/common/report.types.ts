import type { Text } from './report-texts';
import type { CitedChapter } from '../../provisions/cited-chapters';
import { Language, LANGUAGES } from '../../common/i18n';
import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { AgreementStatus, DatePrecision } from '../../agreements/agreement.enums';
import { AnnotationStatus, BindingForce, PreferentialMechanism } from '../../annotations/annotation.enums';
import { LocalDate } from '../../graphql/scalars';
import { ConventionStatusKind } from '../../parties/party.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { SEVERITIES, Severity } from '../render/report-document';
import type { PartyFacts } from './report-facts';

/**
 * The render model's severities (`Severity`, `SEVERITIES` in render/report-document.ts, which knows nothing of
 * GraphQL) as the GraphQL enum `FindingSeverity`: one list of values, two names for one idea no more.
 */
export const FindingSeverity = Object.fromEntries(SEVERITIES.map((s) => [s, s])) as { [S in Severity]: S };
registerEnumType(FindingSeverity, {
  name: 'FindingSeverity',
  description: 'How much a coherence finding matters',
});
/** The languages of the reports' sentences, as GraphQL names them (`common/i18n.ts`: en, fr, es). */
export const ReportLanguage = Object.fromEntries(LANGUAGES.map((l) => [l.toUpperCase(), l])) as {
  [L in Language as Uppercase<L>]: L;
};
registerEnumType(ReportLanguage, {
  name: 'ReportLanguage',
  description:
    "The language of a report's sentences (findings, notes, rules, what the records hold): identifiers, codes, numbers and the keys of the files stay the same in every language",
});

registerEnumType(PreferentialMechanism, {
  name: 'PreferentialMechanism',
  description: 'Mechanism of a PREFERENTIAL_TREATMENT_CULTURE annotation (its detail)',
});

@ObjectType({ description: 'A party as the reports see it' })
export class ReportParty {
  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Developing country per the taxonomy; null when unknown',
  })
  developing!: boolean | null;

  @Field(() => ConventionStatusKind)
  conventionStatus!: ConventionStatusKind;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date the Convention entered into force for the party',
  })
  conventionInForce!: string | null;
}

@ObjectType({ description: 'An agreement as the reports cite it' })
export class ReportAgreement {
  @Field()
  slug!: string;

  @Field()
  title!: string;

  @Field(() => String, { nullable: true })
  shortTitle!: string | null;

  @Field(() => AgreementStatus)
  status!: AgreementStatus;

  @Field(() => LocalDate, { nullable: true })
  dateSigned!: string | null;

  @Field(() => LocalDate, { nullable: true })
  dateProvisionallyApplied!: string | null;

  @Field(() => LocalDate, { nullable: true })
  dateInForce!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date of termination; null with status TERMINATED: it ended on a date no source gives',
  })
  dateTerminated!: string | null;
}

@ObjectType({ description: 'A provision cited as evidence, with the annotation that makes it evidence' })
export class EvidenceProvision {
  @Field({ description: '<agreement slug>/<provision key>' })
  pinpoint!: string;

  /** Relative link to the provision page; `EvidenceProvisionResolver` puts it under PUBLIC_URL's path prefix. */
  @Field({ description: 'Where the service shows the provision: /provisions/<pinpoint>' })
  link!: string;

  @Field({ description: 'Slug of the agreement' })
  agreement!: string;

  @Field(() => String, { nullable: true })
  articleNumber!: string | null;

  @Field(() => String, { nullable: true })
  articleTitle!: string | null;

  @Field(() => TaxonomyCodeId, {
    nullable: true,
    description: 'Null when the provision is cited for its chapter',
  })
  code!: TaxonomyCodeId | null;

  @Field(() => [String])
  detail!: string[];

  @Field(() => BindingForce, { nullable: true })
  bindingForce!: BindingForce | null;

  @Field(() => AnnotationStatus, { nullable: true })
  status!: AnnotationStatus | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why the provision is cited, when the code does not say',
  })
  note!: string | null;

  @Field(() => [String], {
    nullable: true,
    description:
      "The parties the annotation names as those it covers (the USMCA's cultural exemption: Canada's alone); null when it covers every party",
  })
  partyScope?: string[] | null;

  /** The note before it is put in a language (reports/common/report-texts.ts); not in GraphQL. */
  noteText?: Text | null;

  /**
   * The chapter its label names, where its agreement numbers its articles per chapter (`citedChapters`); not in
   * GraphQL, which gives the label (`EvidenceProvisionResolver.label`).
   */
  chapter?: CitedChapter | null;
}

@ObjectType({ description: 'A party an agreement binds, directly or through a bloc' })
export class ReportBoundParty {
  @Field(() => ReportParty)
  party!: PartyFacts;

  /**
   * The bloc that speaks for the party in this agreement: the bloc through which it is bound, or, for a member
   * state listed beside its bloc, that bloc. Null for a partner in its own right.
   */
  @Field(() => String, {
    nullable: true,
    description:
      'The bloc that speaks for the party in this agreement (EUN for a member state of the EU): the bloc through which it is bound, or the bloc it was a member of when listed beside it. Null for a partner in its own right',
  })
  via!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The agreement applies to the party (provisionally or in force) from this date',
  })
  appliedFrom!: string | null;

  /** AT_LATEST: appliedFrom is a bound (`Binding.startAtLatest`: AANZFTA for Cambodia, 2011-02-01), not the day. */
  @Field(() => DatePrecision, {
    description:
      'How precise appliedFrom (and inForceFrom) is: EXACT, or AT_LATEST, a bound (in force for the party on that day at the latest; its own day is not recorded): AANZFTA for Cambodia and Lao PDR, 2011-02-01',
  })
  appliedFromPrecision!: DatePrecision;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'In force for the party from this date; the signature date when inForceInferred (no date of entry into force is recorded)',
  })
  inForceFrom!: string | null;

  @Field({
    description:
      'The agreement is recorded as in force with no date of entry into force: inForceFrom (and appliedFrom) is the signature date, counted as binding since signature',
  })
  inForceInferred!: boolean;

  @Field({
    description:
      "appliedFrom and inForceFrom are the agreement's first dates (its first entry into force or provisional application), not the party's own, which is not recorded: an original party with no date of its own on an agreement of three or more sides. It was not bound before them",
  })
  agreementFirstDates!: boolean;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The party is bound until this date (exclusive): withdrawal, termination, leaving the bloc',
  })
  until!: string | null;
}

@ObjectType({
  description:
    "A party whose rights and obligations under an agreement are suspended on the report's day (Venezuela in MERCOSUR since 2017-08-05): still a party, bound by nothing while it lasts, so counted neither among the parties bound nor as a partner",
})
export class ReportSuspendedParty {
  @Field(() => ReportParty)
  party!: PartyFacts;

  @Field(() => LocalDate, {
    description: 'Suspended since this date (the suspension is not lifted on the report day)',
  })
  since!: string;
}

@ObjectType({ description: 'The same report as a file: GET this address' })
export class ReportFileLink {
  @Field({ description: 'zip (one CSV per table: each section has its own CSV), xlsx, md, json or html' })
  format!: string;

  @Field({
    description:
      "Address on this server, under PUBLIC_URL's path prefix if it has one, e.g. /reports/coherence/CAN.html: resolve it against the address of /graphql",
  })
  url!: string;
}
