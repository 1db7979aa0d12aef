import { slugify } from '../common/slug';
import { TotaTreaty } from './tota/tota-treaty';

/** What identifies a treaty across its language versions (the meta of a ToTA file). */
export type VersionMeta = Pick<
  TotaTreaty,
  'treatyIdentifier' | 'name' | 'wtoRtaId' | 'dateSigned' | 'partiesOriginal' | 'parties' | 'language'
>;

/** One ToTA file that is a language version of an agreement, as kept in the agreement's `sourceMeta`. */
export interface LanguageVersion {
  totaId: string;
  language: string | null;
  file: string;
  /** The suffix of its provision keys (`art-1.es`); null for the first version, whose keys are bare. */
  keySuffix: string | null;
  sources: { url: string; language: string | null; kind: string }[];
}

/** The key under which `sourceMeta` lists the ToTA files of an agreement held in several languages. */
export const LANGUAGE_VERSIONS = 'languageVersions';

/** The language versions an agreement's `sourceMeta` records (empty when it was imported from one file). */
export function languageVersionsOf(
  sourceMeta: Record<string, unknown> | null | undefined,
): LanguageVersion[] {
  const value = sourceMeta?.[LANGUAGE_VERSIONS];
  return Array.isArray(value) ? (value as LanguageVersion[]) : [];
}

/**
 * Two ToTA files are language versions of one treaty when they have the same WTO RTA id (or, when ToTA gives
 * none, the same name), the same signature date and the same parties, and are written in different languages.
 * The key is null when a file lacks what would tell (no signature date or no language): it is its own treaty.
 */
export function versionKey(meta: VersionMeta): string | null {
  if (!meta.dateSigned || !meta.language) return null;
  const identity = meta.wtoRtaId ? `wto:${meta.wtoRtaId}` : meta.name ? `name:${slugify(meta.name)}` : null;
  if (!identity) return null;
  const parties = [...new Set([...meta.partiesOriginal, ...meta.parties])].sort();
  return JSON.stringify([identity, meta.dateSigned, parties]);
}

/** Does `other` have the same version key as `meta` but another language? */
export function isOtherLanguageVersion(meta: VersionMeta, other: VersionMeta): boolean {
  const key = versionKey(meta);
  return key !== null && key === versionKey(other) && meta.language !== other.language;
}

/**
 * Orders files so that the versions of one treaty are imported together, its first version first: the English
 * file when there is one, else the first file. The first version keeps the keys a lone import would give; the
 * others are merged into it. Files that are no language version of another keep their place. `meta` is null
 * for a file whose meta could not be read (it is imported, and fails, on its own).
 */
export function orderLanguageVersions<T extends { meta: VersionMeta | null }>(items: T[]): T[][] {
  const groups: T[][] = [];
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = item.meta ? versionKey(item.meta) : null;
    const group = key ? byKey.get(key) : undefined;
    // A second file in a language the group already holds is not a language version: its own treaty.
    if (group && !group.some((g) => g.meta!.language === item.meta!.language)) {
      group.push(item);
      continue;
    }
    const fresh = [item];
    groups.push(fresh);
    if (key && !group) byKey.set(key, fresh);
  }
  return groups.map((group) => {
    const english = group.findIndex((g) => g.meta?.language === 'en');
    return english > 0 ? [group[english], ...group.filter((_, i) => i !== english)] : group;
  });
}
