import type { Language } from '../../common/i18n';
import { addDays } from '../../common/dates';
import { DatePrecision } from '../../agreements/agreement.enums';
import { dateIn, ReportTranslate, say, text } from './report-texts';
import { CellValue, RichCell, Severity, SEVERITIES } from '../render/report-document';
import { EvidenceRef, provisionLabel } from './report-facts';
import { pageLink } from './report-links';

/** Options every report document takes. */
export interface DocumentOptions {
  /** Prefix of the links: '' for pages the service serves, the service's address for files on disk. */
  linkBase: string;
  generatedAt: string;
  /** The language of the document's texts (default English). */
  language?: Language;
}

/** A cell linking to one provision, shown by its article label. */
export function provisionCell(e: EvidenceRef, linkBase: string, lang: Language = 'en'): RichCell {
  return { text: provisionLabel(e, lang), href: pageLink(e.link, linkBase, lang) };
}

/** A cell listing pinpoints, each linked to its provision. */
export function evidenceListCell(
  evidence: EvidenceRef[],
  linkBase: string,
  absence: string | null,
  absenceWord = 'absence',
  lang: Language = 'en',
): CellValue {
  // The finding's message says what is missing; the cell only says the evidence is an absence.
  if (!evidence.length) return absence ? absenceWord : null;
  // Each provision once: two annotations of one provision (two codes) are one place to read.
  const pinpoints = [...new Map(evidence.map((e) => [e.pinpoint, e])).values()];
  return pinpoints.map((e) => ({ text: e.pinpoint, href: pageLink(e.link, linkBase, lang) }));
}

/**
 * A severity: its code in every language (what CSV and JSON write, and scripts read), its word for a reader from the
 * column's `labels` (`severityLabels`), its badge in HTML.
 */
export const severityCell = (severity: Severity): RichCell => ({ text: severity, severity });

/** The words for the severity codes, in the language (a column's `labels`). */
export const severityLabels = (lang: Language = 'en'): Record<string, string> =>
  Object.fromEntries(SEVERITIES.map((s) => [s, say(lang, text(`severity.${s}`))]));

export const yesNo = (value: boolean | null, lang: Language = 'en'): string =>
  say(lang, text(value === null ? 'value.unknown' : value ? 'value.yes' : 'value.no'));

export const appliedSince = (a: { dateInForce: string | null; dateProvisionallyApplied: string | null }) =>
  [a.dateInForce, a.dateProvisionallyApplied].filter((d): d is string => d !== null).sort()[0] ?? null;

/**
 * A date in a column that is not all dates (the comparison's metadata rows): written the language's way, typed,
 * so that XLSX holds a date and CSV the ISO date.
 */
export const dateCell = (iso: string | null, lang: Language = 'en'): CellValue =>
  iso ? { text: dateIn(lang, iso), date: iso } : null;

/** What `boundThroughBlocs` reads of a party an agreement binds (the API's `ReportBoundParty`). */
export interface BoundThroughBloc {
  party: { code: string };
  via: string | null;
  appliedFrom: string | null;
  /** AT_LATEST: appliedFrom is a bound, not the member's day (the compare page reads it too). */
  appliedFromPrecision?: `${DatePrecision}`;
  inForceFrom: string | null;
  until: string | null;
}

/**
 * The member states an agreement binds through a bloc that speaks for them, one item each ("AUT", "HRV from
 * 2013-07-01", "GBR to 2020-12-31"): a member that joined after the bloc was bound, or left, says when. A list, as
 * every list of the comparison's rows, joined by the one rule of each format (";" in CSV and XLSX, ", " for a reader):
 * it was one text, "via the European Union: AUT, BEL, ... (28)", joined by ", " in the files too. Where more than one
 * bloc speaks, each item names its own. The comparison's files and the compare page both write the row from here.
 */
export function boundThroughBlocs(bound: readonly BoundThroughBloc[], t: ReportTranslate): string[] {
  const members = bound.filter((b) => b.via !== null);
  const blocs = new Set(members.map((m) => m.via));
  return members.map((m) => {
    const bloc = bound.find((b) => b.party.code === m.via);
    const from =
      m.appliedFrom && bloc?.appliedFrom && m.appliedFrom > bloc.appliedFrom ? m.appliedFrom : null;
    // `until` is exclusive: the text gives the last day bound.
    const to = m.until && m.until !== bloc?.until ? addDays(m.until, -1) : null;
    const code = m.party.code;
    // Its date a bound (on that day at the latest), "on or before", as the party page says it.
    const by = m.appliedFromPrecision === DatePrecision.AT_LATEST;
    // Joined the bloc after it signed, with no date of its own (bindingDatesUnknown): not from the bloc's.
    const unknown = !m.appliedFrom && !m.inForceFrom && (bloc?.appliedFrom || bloc?.inForceFrom);
    const item =
      unknown && to
        ? t('cmp.via.unknownTo', { code, to: { date: to } })
        : unknown
          ? t('cmp.via.unknown', { code })
          : from && to
            ? t(by ? 'cmp.via.fromByTo' : 'cmp.via.fromTo', { code, from: { date: from }, to: { date: to } })
            : from
              ? t(by ? 'cmp.via.fromBy' : 'cmp.via.from', { code, date: { date: from } })
              : to
                ? t('cmp.via.to', { code, date: { date: to } })
                : code;
    return blocs.size > 1 ? t('cmp.via.bloc', { member: item, code: m.via! }) : item;
  });
}
