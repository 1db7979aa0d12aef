import { agreementTypeName } from '../../agreements/agreement-type-names';
import { Language } from '../../common/i18n';
import { partyNameIn } from '../../parties/party-names';
import { regionName } from '../../parties/region-names';
import { notesIn, say, text, Text, TextParam } from '../common/report-texts';
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
 * The trends report in `lang` (English: as computed, the API's stable texts): its groups' labels
 * (trendsGroupLabel) and its notes, whose `group` parameters name the same groups.
 */
export function trendsIn(lang: Language, report: TrendsResult): TrendsResult {
  if (lang === 'en') return report;
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
  return notesIn(lang, {
    ...report,
    groups: report.groups.map((g) => ({ ...g, label: labels.get(g.label) ?? g.label })),
    noteTexts: report.noteTexts.map(named),
  });
}
