import { CellValue, RichCell, Severity } from '../render/report-document';
import { EvidenceRef, provisionLabel } from './report-facts';
import { absoluteLink } from './report-links';

/** Options every report document takes. */
export interface DocumentOptions {
  /** Prefix of the links: '' for pages the service serves, the service's address for files on disk. */
  linkBase: string;
  generatedAt: string;
}

/** A cell linking to one provision, shown by its article label. */
export function provisionCell(e: EvidenceRef, linkBase: string): RichCell {
  return { text: provisionLabel(e), href: absoluteLink(e.link, linkBase) };
}

/** A cell listing pinpoints, each linked to its provision. */
export function evidenceListCell(
  evidence: EvidenceRef[],
  linkBase: string,
  absence: string | null,
): CellValue {
  // The finding's message says what is missing; the cell only says the evidence is an absence.
  if (!evidence.length) return absence ? 'absence' : null;
  // Each provision once: two annotations of one provision (two codes) are one place to read.
  const pinpoints = [...new Map(evidence.map((e) => [e.pinpoint, e])).values()];
  return pinpoints.map((e) => ({ text: e.pinpoint, href: absoluteLink(e.link, linkBase) }));
}

export const severityCell = (severity: Severity): RichCell => ({ text: severity, severity });

export const yesNo = (value: boolean | null): string => (value === null ? 'unknown' : value ? 'yes' : 'no');

export const appliedSince = (a: { dateInForce: string | null; dateProvisionallyApplied: string | null }) =>
  [a.dateInForce, a.dateProvisionallyApplied].filter((d): d is string => d !== null).sort()[0] ?? null;

/** A date in a column that is not all dates (the comparison's metadata rows): typed, so XLSX holds a date. */
export const dateCell = (iso: string | null): CellValue => (iso ? { text: iso, date: iso } : null);
