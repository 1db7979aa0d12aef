import type { Language } from '../../common/i18n';
import { dateIn, say, text } from './report-texts';
import { CellValue, RichCell, Severity } from '../render/report-document';
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
  return { text: provisionLabel(e), href: pageLink(e.link, linkBase, lang) };
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

export const severityCell = (severity: Severity, lang: Language = 'en'): RichCell => ({
  text: say(lang, text(`severity.${severity}`)),
  severity,
});

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
