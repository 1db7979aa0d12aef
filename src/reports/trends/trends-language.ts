import { agreementTypeName } from '../../agreements/agreement-type-names';
import { Language } from '../../common/i18n';
import { partyNameIn } from '../../parties/party-names';
import { regionName } from '../../parties/region-names';
import { say, text, Text, TextParam } from '../common/report-texts';
import { UNBOUND_GROUP, UNKNOWN_GROUP } from './trends-compute';
import { TrendGroup, TrendGroupBy, TrendsResult } from './trends.types';

/**
 * A group's name in a language, wherever it shows (the page's table and heatmap, the notes, every file): a region by
 * its UN M49 name, an agreement type by name (in English too, where the API's label is the code), a party by its
 * name in the language, the group of agreements with no value by its text; a year as it is.
 */
export function trendsGroupLabel(
  lang: Language,
  groupBy: TrendGroupBy,
  group: Pick<TrendGroup, 'key' | 'label'>,
): string {
  if (group.key === UNKNOWN_GROUP[groupBy].key) return say(lang, text(`trends.unknownGroup.${groupBy}`));
  if (group.key === UNBOUND_GROUP.key && (groupBy === TrendGroupBy.PARTY || groupBy === TrendGroupBy.REGION))
    return say(lang, text('trends.unboundGroup'));
  switch (groupBy) {
    case TrendGroupBy.REGION:
      return regionName(lang, group.label);
    case TrendGroupBy.AGREEMENT_TYPE:
      return agreementTypeName(lang, group.key);
    case TrendGroupBy.PARTY:
      return partyNameIn(lang, group.key, group.label);
    default:
      return group.label;
  }
}

/**
 * The trends report in `lang` as GraphQL serves it (English: as computed, the API's stable texts, an agreement type's
 * label its code): `trendsNamed` in another language.
 */
export const trendsIn = (lang: Language, report: TrendsResult): TrendsResult =>
  lang === 'en' ? report : trendsNamed(lang, report);

/**
 * The trends report for a reader in `lang`, English included (the files: their groups were "EIA", "FTA" in English
 * only): its groups' labels (trendsGroupLabel) and its notes, whose `group` parameters name the same groups.
 */
export function trendsNamed(lang: Language, report: TrendsResult): TrendsResult {
  const labels = new Map(report.groups.map((g) => [g.label, trendsGroupLabel(lang, report.groupBy, g)]));
  const named = (t: Text): Text => ({
    ...t,
    ...(t.params
      ? { params: Object.fromEntries(Object.entries(t.params).map(([k, p]) => [k, param(k, p)])) }
      : {}),
  });
  const param = (name: string, p: TextParam): TextParam => {
    if (typeof p === 'string') return name === 'group' ? (labels.get(p) ?? p) : p;
    if (typeof p === 'object' && 'key' in p) return named(p);
    if (typeof p === 'object' && 'names' in p)
      return { ...p, names: p.names.map((n) => (typeof n === 'object' && 'key' in n ? named(n) : n)) };
    return p;
  };
  const noteTexts = report.noteTexts.map(named);
  return {
    ...report,
    groups: report.groups.map((g) => ({ ...g, label: labels.get(g.label) ?? g.label })),
    noteTexts,
    notes: noteTexts.map((n) => say(lang, n)),
  };
}

/** The bounds of a trends report and, when its range counts no agreement, the catalogue's years of signature. */
export type TrendsRange = Pick<
  TrendsResult,
  'from' | 'to' | 'agreements' | 'catalogueFirstYear' | 'catalogueLastYear'
>;

/**
 * The years a trends report covers, in `lang`, wherever it is said (the files' titles, the page): "1992–2020", or
 * the bound asked of a range that counts no agreement ("from 2021", "up to 1980"; it said "2021–null").
 */
export function trendsRangeText(lang: Language, report: TrendsRange): string {
  const { from, to } = report;
  if (from !== null && to !== null) return `${from}–${to}`;
  if (from !== null) return say(lang, text('trends.range.from', { from: String(from) }));
  if (to !== null) return say(lang, text('trends.range.to', { to: String(to) }));
  return say(lang, text('trends.noAgreement'));
}

/**
 * A range that counts no agreement, said plainly beside the catalogue's years of signature ("No agreement in the
 * catalogue was signed in 2021 or later: the last was signed in 2020."); null when it counts some.
 */
export function trendsEmptyText(lang: Language, report: TrendsRange): string | null {
  if (report.agreements > 0) return null;
  const first = report.catalogueFirstYear;
  const last = report.catalogueLastYear;
  if (first === null || last === null) return say(lang, text('trends.empty.none'));
  const from = report.from === null ? null : String(report.from);
  const to = report.to === null ? null : String(report.to);
  if (from !== null && to !== null)
    return say(lang, text('trends.empty.between', { from, to, first: String(first), last: String(last) }));
  if (from !== null) return say(lang, text('trends.empty.from', { from, last: String(last) }));
  if (to !== null) return say(lang, text('trends.empty.to', { to, first: String(first) }));
  return say(lang, text('trends.empty.none'));
}
