import { isLanguage, Language, LANGUAGES } from '../../common/i18n';
import { reportTranslator } from './report-texts';
import { PreferentialMechanism } from '../../annotations/annotation.enums';
import { inputRefusal } from '../../common/refusal-texts';
import { servedPath } from '../../config';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { CoherenceArgs } from '../coherence/coherence.service';
import { ComparisonArgs } from '../comparison/comparison.service';
import { FlowsArgs } from '../flows/flows.service';
import { REPORT_FORMATS, ReportFormat, WHOLE_REPORT_FORMATS } from '../render/report-document';
import { TrendGroupBy } from '../trends/trends.types';
import { TrendsArgs } from '../trends/trends.service';
import { queryString } from './report-links';
import {
  bool,
  checkKnownParameters,
  enumList,
  list,
  one,
  RawParameters,
} from '../../common/query-parameters';

export type { RawParameters };

/** One report with its arguments, whichever front end asked: GraphQL, HTTP or the command line. */
export type ReportRequest =
  | { kind: 'coherence'; args: CoherenceArgs }
  | { kind: 'compare'; args: ComparisonArgs }
  | { kind: 'trends'; args: TrendsArgs }
  | { kind: 'flows'; args: FlowsArgs };

export type ReportKind = ReportRequest['kind'];

/**
 * Every report kind, once, with the names its front ends give it: the GraphQL query field, and whether its HTTP
 * file is one per party (`/reports/coherence/<party>.<format>`) or one per kind (`/reports/<kind>.<format>`).
 * The command line's sub-command is the kind. A test checks that each has its field, route and command.
 */
export const REPORTS: Readonly<Record<ReportKind, { graphqlField: string; file: 'per-party' | 'one' }>> = {
  coherence: { graphqlField: 'coherenceReport', file: 'per-party' },
  compare: { graphqlField: 'compareAgreements', file: 'one' },
  trends: { graphqlField: 'trends', file: 'one' },
  flows: { graphqlField: 'preferentialTreatmentFlows', file: 'one' },
};
export const REPORT_KINDS = Object.keys(REPORTS) as readonly ReportKind[];

const join = (values: readonly string[] | null | undefined) =>
  values?.length ? values.join(',') : undefined;

/**
 * The HTTP address of a report file: `/reports/coherence/CAN.html?asOf=...`, `/reports/trends.zip?groupBy=YEAR`;
 * `section` picks one table of a CSV.
 */
export function reportPath(
  request: ReportRequest,
  format: ReportFormat,
  section?: string,
  language: Language = 'en',
): string {
  const proposed = request.args.includeProposed ? true : undefined;
  // The language last, and only when it is not English: the address a person shares says it.
  const lang = language !== 'en' ? language : undefined;
  switch (request.kind) {
    case 'coherence':
      return `/reports/coherence/${encodeURIComponent(request.args.party.toUpperCase())}.${format}${queryString(
        {
          asOf: request.args.asOf,
          includeProposed: proposed,
          section,
          lang,
        },
      )}`;
    case 'compare':
      return `/reports/compare.${format}${queryString({
        agreements: join(request.args.agreements),
        codes: join(request.args.codes),
        includeProposed: proposed,
        section,
        lang,
      })}`;
    case 'trends':
      return `/reports/trends.${format}${queryString({
        groupBy: request.args.groupBy,
        codes: join(request.args.codes),
        from: request.args.from,
        to: request.args.to,
        includeProposed: proposed,
        section,
        lang,
      })}`;
    case 'flows': {
      const f = request.args.filter ?? {};
      return `/reports/flows.${format}${queryString({
        grantors: join(f.grantors),
        beneficiaries: join(f.beneficiaries),
        mechanisms: join(f.mechanisms),
        agreements: join(f.agreements),
        signedFrom: f.signedFrom,
        signedTo: f.signedTo,
        includeProposed: proposed,
        section,
        lang,
      })}`;
    }
  }
}

/**
 * What tells a report's file from the same report asked otherwise, for its file name: the date asked, the years,
 * the agreements, codes and filters, and whether proposals count (`coherence-can-as-of-2015-01-01-<day>.xlsx`,
 * `flows-eun-to-jam-<day>.csv`). What was not asked (a default) adds nothing.
 */
export function reportFileTerms(request: ReportRequest, language: Language = 'en'): string[] {
  const t = reportTranslator(language);
  const list = (values: readonly string[] | null | undefined) => (values?.length ? [values.join('-')] : []);
  const proposed = request.args.includeProposed ? [t('filename.withProposals')] : [];
  switch (request.kind) {
    case 'coherence':
      return [
        ...(request.args.asOf == null ? [] : [t('filename.asOf', { date: request.args.asOf })]),
        ...proposed,
      ];
    case 'compare':
      return [...list(request.args.agreements), ...list(request.args.codes), ...proposed];
    case 'trends':
      return [
        ...(request.args.from == null ? [] : [t('filename.from', { year: String(request.args.from) })]),
        ...(request.args.to == null ? [] : [t('filename.to', { year: String(request.args.to) })]),
        ...list(request.args.codes),
        ...proposed,
      ];
    case 'flows': {
      const f = request.args.filter ?? {};
      return [
        ...list(f.grantors),
        ...(f.beneficiaries?.length
          ? [t('filename.toBeneficiaries', { codes: f.beneficiaries.join('-') })]
          : []),
        ...list(f.mechanisms),
        ...list(f.agreements),
        ...(f.signedFrom ? [t('filename.signedFrom', { date: f.signedFrom })] : []),
        ...(f.signedTo ? [t('filename.signedTo', { date: f.signedTo })] : []),
        ...proposed,
      ];
    }
  }
}

/**
 * The report's files as the API gives them, each holding the whole report (a CSV holds one table: each section
 * gives its own): under PUBLIC_URL's path prefix, as the pages link them.
 */
export const reportFileLinks = (request: ReportRequest, language: Language = 'en') =>
  WHOLE_REPORT_FORMATS.map((format) => ({
    format,
    url: servedPath(reportPath(request, format, undefined, language)),
  }));

/** The `lang` parameter of a report's address (or `--lang` option): en, fr or es; English when absent. */
export function parseLanguage(value: unknown, argument = 'lang'): Language {
  if (value === undefined || value === '') return 'en';
  if (isLanguage(value)) return value;
  throw inputRefusal(argument, 'notLanguage', {
    value: typeof value === 'string' ? value : String(value),
    languages: LANGUAGES.join(', '),
  });
}

/** The parameters of each report kind (the HTTP files add `section` and `lang`). */
export const REPORT_PARAMETERS: Readonly<Record<ReportKind, readonly string[]>> = {
  coherence: ['party', 'asOf', 'includeProposed'],
  compare: ['agreements', 'codes', 'includeProposed'],
  trends: ['groupBy', 'codes', 'from', 'to', 'includeProposed'],
  flows: [
    'grantors',
    'beneficiaries',
    'mechanisms',
    'agreements',
    'signedFrom',
    'signedTo',
    'includeProposed',
  ],
};

function year(params: RawParameters, name: string): number | undefined {
  const value = one(params, name);
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value)) throw inputRefusal(name, 'notYearSuchAs', { value });
  return Number(value);
}

/**
 * Query parameters (or command-line options) into a report request. An unknown parameter is refused by name (a
 * mistyped option, `grupBy=REGION`: ignoring it answered another report than the one asked), link tags aside
 * (`isLinkTag`: utm_*, a cache buster).
 */
export function parseReportRequest(kind: ReportKind, params: RawParameters): ReportRequest {
  checkKnownParameters(params, REPORT_PARAMETERS[kind], kind);
  const includeProposed = bool(params, 'includeProposed') ?? false;
  const codes = enumList(params, 'codes', Object.values(TaxonomyCodeId));
  switch (kind) {
    case 'coherence': {
      const party = one(params, 'party');
      if (!party) throw inputRefusal('party', 'partyRequired');
      return { kind, args: { party, asOf: one(params, 'asOf'), includeProposed } };
    }
    case 'compare': {
      const agreements = list(params, 'agreements');
      if (!agreements) throw inputRefusal('agreements', 'agreementsRequired');
      return { kind, args: { agreements, codes, includeProposed } };
    }
    case 'trends': {
      const groupings = [...new Set(enumList(params, 'groupBy', Object.values(TrendGroupBy)))];
      if (groupings.length > 1)
        throw inputRefusal('groupBy', 'oneGrouping', { values: groupings.join(', ') });
      const groupBy = groupings[0] ?? TrendGroupBy.YEAR;
      return {
        kind,
        args: { groupBy, codes, from: year(params, 'from'), to: year(params, 'to'), includeProposed },
      };
    }
    case 'flows':
      return {
        kind,
        args: {
          includeProposed,
          filter: {
            grantors: list(params, 'grantors'),
            beneficiaries: list(params, 'beneficiaries'),
            mechanisms: enumList(params, 'mechanisms', Object.values(PreferentialMechanism)),
            agreements: list(params, 'agreements'),
            signedFrom: one(params, 'signedFrom'),
            signedTo: one(params, 'signedTo'),
          },
        },
      };
  }
}

export function parseFormat(value: string | undefined, argument = 'format'): ReportFormat {
  const format = (value ?? '').toLowerCase();
  if (!REPORT_FORMATS.includes(format as ReportFormat))
    throw inputRefusal(argument, 'notFormat', {
      value: value ?? '',
      formats: REPORT_FORMATS.join(', '),
    });
  return format as ReportFormat;
}
