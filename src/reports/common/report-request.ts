import { PreferentialMechanism } from '../../annotations/annotation.enums';
import { BadUserInputError } from '../../common/errors';
import { servedPath } from '../../config';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { CoherenceArgs } from '../coherence/coherence.service';
import { ComparisonArgs } from '../comparison/comparison.service';
import { FlowsArgs } from '../flows/flows.service';
import { REPORT_FORMATS, ReportFormat } from '../render/report-document';
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
 * The HTTP address of a report file: `/reports/coherence/CAN.html?asOf=...`, `/reports/trends.csv?groupBy=YEAR`;
 * `section` picks one table of a CSV.
 */
export function reportPath(request: ReportRequest, format: ReportFormat, section?: string): string {
  const proposed = request.args.includeProposed ? true : undefined;
  switch (request.kind) {
    case 'coherence':
      return `/reports/coherence/${encodeURIComponent(request.args.party.toUpperCase())}.${format}${queryString(
        {
          asOf: request.args.asOf,
          includeProposed: proposed,
          section,
        },
      )}`;
    case 'compare':
      return `/reports/compare.${format}${queryString({
        agreements: join(request.args.agreements),
        codes: join(request.args.codes),
        includeProposed: proposed,
        section,
      })}`;
    case 'trends':
      return `/reports/trends.${format}${queryString({
        groupBy: request.args.groupBy,
        codes: join(request.args.codes),
        from: request.args.from,
        to: request.args.to,
        includeProposed: proposed,
        section,
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
      })}`;
    }
  }
}

/**
 * What tells a report's file from the same report asked otherwise, for its file name: the date asked, the years,
 * the agreements, codes and filters, and whether proposals count (`coherence-can-as-of-2015-01-01-<day>.xlsx`,
 * `flows-eun-to-jam-<day>.csv`). What was not asked (a default) adds nothing.
 */
export function reportFileTerms(request: ReportRequest): string[] {
  const list = (values: readonly string[] | null | undefined, prefix = '') =>
    values?.length ? [`${prefix}${values.join('-')}`] : [];
  const value = (v: string | number | null | undefined, prefix: string) =>
    v == null ? [] : [`${prefix}${v}`];
  const proposed = request.args.includeProposed ? ['with-proposals'] : [];
  switch (request.kind) {
    case 'coherence':
      return [...value(request.args.asOf, 'as-of-'), ...proposed];
    case 'compare':
      return [...list(request.args.agreements), ...list(request.args.codes), ...proposed];
    case 'trends':
      return [
        ...value(request.args.from, 'from-'),
        ...value(request.args.to, 'to-'),
        ...list(request.args.codes),
        ...proposed,
      ];
    case 'flows': {
      const f = request.args.filter ?? {};
      return [
        ...list(f.grantors),
        ...list(f.beneficiaries, 'to-'),
        ...list(f.mechanisms),
        ...list(f.agreements),
        ...value(f.signedFrom, 'signed-from-'),
        ...value(f.signedTo, 'signed-to-'),
        ...proposed,
      ];
    }
  }
}

/** The report's files as the API gives them: under PUBLIC_URL's path prefix, as the pages link them. */
export const reportFileLinks = (request: ReportRequest) =>
  REPORT_FORMATS.map((format) => ({ format, url: servedPath(reportPath(request, format)) }));

const ALLOWED: Record<ReportKind, string[]> = {
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
  if (!/^\d{4}$/.test(value)) throw new BadUserInputError(name, `"${value}" is not a year such as 1990`);
  return Number(value);
}

/**
 * Query parameters (or command-line options) into a report request. Unknown parameters are an error on the
 * command line (a mistyped option); a URL may carry others (tracking tags, cache busters) and they are ignored.
 */
export function parseReportRequest(
  kind: ReportKind,
  params: RawParameters,
  unknownParameters: 'refuse' | 'ignore' = 'refuse',
): ReportRequest {
  if (unknownParameters === 'refuse') checkKnownParameters(params, ALLOWED[kind], kind);
  const includeProposed = bool(params, 'includeProposed') ?? false;
  const codes = enumList(params, 'codes', Object.values(TaxonomyCodeId));
  switch (kind) {
    case 'coherence': {
      const party = one(params, 'party');
      if (!party) throw new BadUserInputError('party', 'is required (a party code such as CAN or EUN)');
      return { kind, args: { party, asOf: one(params, 'asOf'), includeProposed } };
    }
    case 'compare': {
      const agreements = list(params, 'agreements');
      if (!agreements)
        throw new BadUserInputError('agreements', 'is required: agreement slugs, comma-separated');
      return { kind, args: { agreements, codes, includeProposed } };
    }
    case 'trends': {
      const groupBy = enumList(params, 'groupBy', Object.values(TrendGroupBy))?.[0] ?? TrendGroupBy.YEAR;
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
    throw new BadUserInputError(
      argument,
      `"${value ?? ''}" is not a report format; use ${REPORT_FORMATS.join(', ')}`,
    );
  return format as ReportFormat;
}
