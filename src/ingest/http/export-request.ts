import { downloadFileName } from '../../common/download-name';
import { AgreementKind, AgreementStatus, AgreementType } from '../../agreements/agreement.enums';
import { AgreementFilter } from '../../agreements/dto/agreement-filter.input';
import { AnnotationOrigin, AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { AnnotationMatch } from '../../annotations/dto/annotation-match.input';
import { BadUserInputError } from '../../common/errors';
import {
  bool,
  checkKnownParameters,
  enumList,
  list,
  one,
  RawParameters,
} from '../../common/query-parameters';
import { MatchMode } from '../../common/sort-direction.enum';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { checkDate } from '../../reports/common/report-args';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { ExportKind, ExportSelection } from '../export.service';

/**
 * The query parameters of `GET /exports/<kind>.<csv|json>`: the API's filters under their GraphQL names, a
 * nested field as a dotted name. Agreements take AgreementFilter's fields (`parties`, `signedFrom`, ...);
 * annotations take AnnotationFilter's (`codes`, `statuses`, `origins`, `bindingForces`) and the agreement's
 * under `agreement.` (`agreement.parties`); provisions take `locations`, `languages`, `annotations.codes`
 * (with `annotations.match`, `annotations.statuses`) and `agreement.`.
 */
const AGREEMENT_FIELDS = [
  'parties',
  'partiesMatch',
  'kinds',
  'types',
  'statuses',
  'signedFrom',
  'signedTo',
  'inForceOn',
  'appliedOn',
  'annotations.codes',
  'annotations.match',
  'annotations.statuses',
  'languages',
  'titleContains',
  'slugs',
  'includeArchived',
];

const PARAMETERS: Record<ExportKind, string[]> = {
  agreements: AGREEMENT_FIELDS,
  annotations: [
    'codes',
    'statuses',
    'origins',
    'bindingForces',
    ...AGREEMENT_FIELDS.map((f) => `agreement.${f}`),
  ],
  provisions: [
    'locations',
    'languages',
    'annotations.codes',
    'annotations.match',
    'annotations.statuses',
    ...AGREEMENT_FIELDS.map((f) => `agreement.${f}`),
  ],
};

const CODES = Object.values(TaxonomyCodeId);

function date(params: RawParameters, name: string): string | undefined {
  const value = one(params, name);
  return value === undefined ? undefined : checkDate(name, value);
}

function matchMode(params: RawParameters, name: string): MatchMode | undefined {
  return enumList(params, name, Object.values(MatchMode))?.[0];
}

/** `<prefix>codes`, `<prefix>match`, `<prefix>statuses` as an AnnotationMatch (codes required with the others). */
function annotationMatch(params: RawParameters, prefix: string): AnnotationMatch | undefined {
  const codes = enumList(params, `${prefix}codes`, CODES);
  const match = matchMode(params, `${prefix}match`);
  const statuses = enumList(params, `${prefix}statuses`, Object.values(AnnotationStatus));
  if (!codes) {
    const given = [match && `${prefix}match`, statuses && `${prefix}statuses`].find(Boolean);
    if (given) throw new BadUserInputError(given, `needs ${prefix}codes`);
    return undefined;
  }
  return { codes, match: match ?? MatchMode.ANY, statuses };
}

/** Party codes as the filter takes them: upper case, each once (`KHM,khm` gave each agreement's row twice). */
const uniqueCodes = (codes: string[] | undefined): string[] | undefined =>
  codes && [...new Set(codes.map((code) => code.toUpperCase()))];

function agreementFilter(params: RawParameters, prefix: string): AgreementFilter {
  const p = (name: string) => `${prefix}${name}`;
  const filter: AgreementFilter = {
    parties: uniqueCodes(list(params, p('parties'))),
    partiesMatch: matchMode(params, p('partiesMatch')) ?? MatchMode.ANY,
    kinds: enumList(params, p('kinds'), Object.values(AgreementKind)),
    types: enumList(params, p('types'), Object.values(AgreementType)),
    statuses: enumList(params, p('statuses'), Object.values(AgreementStatus)),
    signedFrom: date(params, p('signedFrom')),
    signedTo: date(params, p('signedTo')),
    inForceOn: date(params, p('inForceOn')),
    appliedOn: date(params, p('appliedOn')),
    annotations: annotationMatch(params, p('annotations.')),
    languages: list(params, p('languages'))?.map((l) => l.toLowerCase()),
    titleContains: one(params, p('titleContains')),
    slugs: list(params, p('slugs')),
    includeArchived: bool(params, p('includeArchived')) ?? false,
  };
  if (filter.signedFrom && filter.signedTo && filter.signedFrom > filter.signedTo)
    throw new BadUserInputError(p('signedTo'), `is before signedFrom (${filter.signedFrom})`);
  return filter;
}

/** Query parameters into the rows an export covers; a bad or unknown parameter is a BadUserInputError naming it. */
export function parseExportSelection(kind: ExportKind, params: RawParameters): ExportSelection {
  checkKnownParameters(params, PARAMETERS[kind], `exports/${kind}`);
  if (kind === 'agreements') return { agreements: agreementFilter(params, '') };
  const agreements = agreementFilter(params, 'agreement.');
  if (kind === 'annotations')
    return {
      agreements,
      annotations: {
        codes: enumList(params, 'codes', CODES),
        statuses: enumList(params, 'statuses', Object.values(AnnotationStatus)),
        origins: enumList(params, 'origins', Object.values(AnnotationOrigin)),
        bindingForces: enumList(params, 'bindingForces', Object.values(BindingForce)),
      },
    };
  return {
    agreements,
    provisions: {
      locations: enumList(params, 'locations', Object.values(ProvisionLocation)),
      languages: list(params, 'languages')?.map((l) => l.toLowerCase()),
      annotations: annotationMatch(params, 'annotations.'),
    },
  };
}

/** The longest filter part of an export's file name: a long filter is cut, the kind and the day are kept. */
const FILE_TERMS_MAX = 100;

/**
 * The download name of an export: its kind, the filter it was asked with (each parameter given, in the order
 * of PARAMETERS, as `name-values`), the day it was made: `annotations-codes-cultural-exemption-agreement-parties-can-
 * 2026-12-04.csv`, so that two downloads filtered otherwise are never saved under one name.
 */
export function exportFileName(kind: ExportKind, format: string, params: RawParameters, day: string): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '');
  const terms = PARAMETERS[kind]
    .map((name) => ({ name, values: list(params, name) }))
    .filter((p) => p.values)
    .map(({ name, values }) => slug(`${name}-${values!.join('-')}`))
    .join('-')
    .slice(0, FILE_TERMS_MAX)
    .replace(/-+$/, '');
  return downloadFileName(kind, [terms], day, format);
}
