import { RATE_COSTS, RateCost } from '../auth/rate-limit/rate-cost.decorator';
import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { listCost, LIST_BOUNDS } from '../common/list-cost';
import { servedPath } from '../config';
import { ReadAccess } from '../auth/access.decorators';
import { LocalDate } from '../graphql/scalars';
import { TaxonomyCodeId } from '../taxonomy/taxonomy-code.enum';
import { CoherenceOutcomeCount, CoherenceReport, CoherenceResult } from './coherence/coherence.types';
import { CoherenceReportService } from './coherence/coherence.service';
import { checksByOutcome } from './coherence/coherence-compute';
import { reportFileLinks } from './common/report-request';
import { EvidenceProvision, ReportLanguage } from './common/report.types';
import { shortProvisionLabel } from './common/report-facts';
import { Language } from '../common/i18n';
import { inLanguage } from '../common/refusal-texts';
import { coherenceIn } from './coherence/coherence-language';
import { trendsIn } from './trends/trends-language';
import { notesIn } from './common/report-texts';
import { AgreementComparison } from './comparison/comparison.types';
import { ComparisonReportService } from './comparison/comparison.service';
import { FlowFilter, PreferentialFlowsReport } from './flows/flows.types';
import { FlowsReportService } from './flows/flows.service';
import { TrendGroupBy, TrendsReport } from './trends/trends.types';
import { TrendsReportService } from './trends/trends.service';

const includeProposedArg = {
  type: () => Boolean,
  defaultValue: false,
  description: 'Count PROPOSED annotations too (the report says so in its notes)',
};

const languageArg = {
  type: () => ReportLanguage,
  defaultValue: 'en' as Language,
  description:
    "The language of the report's sentences and of its files' addresses (EN, FR, ES); the sentences in English are the stable ones",
};

/** The four reports; each is also a file at the addresses its `files` field gives. */
@Resolver()
@ReadAccess()
@RateCost(RATE_COSTS.report)
export class ReportsResolver {
  constructor(
    private readonly coherence: CoherenceReportService,
    private readonly comparison: ComparisonReportService,
    private readonly trends: TrendsReportService,
    private readonly flows: FlowsReportService,
  ) {}

  @Query(() => CoherenceReport, {
    description:
      "Coherence of a party's agreements (applied on asOf) with the 2005 Convention, by documented rules tied to the Operational Guidelines (docs/coherence-rules.md)",
  })
  async coherenceReport(
    @Args('party', { description: 'Party code: CAN, FRA, EUN...' }) party: string,
    @Args('asOf', { type: () => LocalDate, nullable: true, description: 'Default: today' })
    asOf: string | null,
    @Args('includeProposed', includeProposedArg) includeProposed: boolean,
    @Args('language', languageArg) language: Language,
  ) {
    // A refusal (an unknown party, a day to come) in the report's language, as its sentences are.
    const result = await inLanguage(language, () => this.coherence.compute({ party, asOf, includeProposed }));
    return {
      ...coherenceIn(language, result),
      files: reportFileLinks(
        { kind: 'coherence', args: { party: result.party.code, asOf, includeProposed } },
        language,
      ),
    };
  }

  @Query(() => AgreementComparison, { description: 'A matrix of agreements by taxonomy code, with metadata' })
  async compareAgreements(
    @Args('agreements', { type: () => [String], description: 'Agreement slugs (1 to 50), in column order' })
    agreements: string[],
    @Args('codes', { type: () => [TaxonomyCodeId], nullable: true, description: 'Default: every code' })
    codes: TaxonomyCodeId[] | null,
    @Args('includeProposed', includeProposedArg) includeProposed: boolean,
    @Args('language', languageArg) language: Language,
  ) {
    const result = await inLanguage(language, () =>
      this.comparison.compute({ agreements, codes, includeProposed }),
    );
    return {
      // The notes in the language; agreements' titles, party names and codes are the catalogue's.
      ...notesIn(language, result),
      files: reportFileLinks({ kind: 'compare', args: { agreements, codes, includeProposed } }, language),
    };
  }

  @Query(() => TrendsReport, {
    name: 'trends',
    description: 'Count and share of agreements with each code, per group',
  })
  async trendsReport(
    @Args('groupBy', { type: () => TrendGroupBy, defaultValue: TrendGroupBy.YEAR }) groupBy: TrendGroupBy,
    @Args('codes', { type: () => [TaxonomyCodeId], nullable: true, description: 'Default: every code' })
    codes: TaxonomyCodeId[] | null,
    @Args('from', { type: () => Int, nullable: true, description: 'First year of signature' })
    from: number | null,
    @Args('to', { type: () => Int, nullable: true, description: 'Last year of signature' }) to: number | null,
    @Args('includeProposed', includeProposedArg) includeProposed: boolean,
    @Args('language', languageArg) language: Language,
  ) {
    const args = { groupBy, codes, from, to, includeProposed };
    return {
      ...trendsIn(language, await inLanguage(language, () => this.trends.compute(args))),
      files: reportFileLinks({ kind: 'trends', args }, language),
    };
  }

  @Query(() => PreferentialFlowsReport, {
    description:
      'Preferential treatment for culture: edges from granting parties to developing-country beneficiaries',
  })
  async preferentialTreatmentFlows(
    @Args('filter', { type: () => FlowFilter, nullable: true }) filter: FlowFilter | null,
    @Args('includeProposed', includeProposedArg) includeProposed: boolean,
    @Args('language', languageArg) language: Language,
  ) {
    const args = { filter, includeProposed };
    return {
      ...notesIn(language, await inLanguage(language, () => this.flows.compute(args))),
      files: reportFileLinks({ kind: 'flows', args }, language),
    };
  }
}

/** Evidence links as clients reach them: under PUBLIC_URL's path prefix, as the report `files` are. */
@Resolver(() => EvidenceProvision)
@ReadAccess()
export class EvidenceProvisionResolver {
  @ResolveField(() => String, {
    description: 'Where the service shows the provision: /provisions/<pinpoint>',
  })
  link(@Parent() provision: EvidenceProvision): string {
    return servedPath(provision.link);
  }

  @ResolveField(() => String, {
    description:
      'The short label a report cites the provision by: "Art. 22.6"; "Ch. 11, Art. 1" where its agreement numbers its articles per chapter (the number alone names no article); an article of a protocol or annex with its name ("Protocol III cultural cooperation, Art. 3"); a provision without a number by its key in words',
  })
  label(
    @Parent() provision: EvidenceProvision,
    @Args('language', {
      ...languageArg,
      description:
        "The language of the label's own words (EN, FR, ES): the chapter's abbreviation (Chap., Cap.), the words of a protocol's or annex's key (\"Protocole III coopération culturelle\"), a preamble's name; the agreement's numbers stay as written",
    })
    language: Language,
  ): string {
    return shortProvisionLabel(provision, language);
  }
}

/** What a dashboard shows of the checks without asking each one (the EU's report has about 300). */
@Resolver(() => CoherenceReport)
@ReadAccess()
export class CoherenceReportResolver {
  @ResolveField(() => [CoherenceOutcomeCount], {
    complexity: listCost(LIST_BOUNDS.coherenceOutcomes),
    description:
      'The checks of the scored rules (those the paragraph scores count, `rules { scored }`) of every agreement by outcome (MET, PENDING_REVIEW, NOT_MET, UNKNOWN, NOT_APPLICABLE; an outcome no check has is left out). Until 7 December 2026 the checks of the information rules were counted here too; they are `informationOutcomes`',
  })
  outcomes(@Parent() report: CoherenceResult): CoherenceOutcomeCount[] {
    return checksByOutcome(report, true);
  }

  @ResolveField(() => [CoherenceOutcomeCount], {
    complexity: listCost(LIST_BOUNDS.coherenceOutcomes),
    description:
      'The checks of the information rules, which score nothing (`rules { scored: false }`: INFO/partners-not-convention-parties, whether the partners are Parties to the Convention), of every agreement by outcome, as `outcomes`',
  })
  informationOutcomes(@Parent() report: CoherenceResult): CoherenceOutcomeCount[] {
    return checksByOutcome(report, false);
  }
}
