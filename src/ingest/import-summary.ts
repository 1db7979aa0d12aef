/** What an import did, printed at the end of the command; failures name the file and the reason. */
export interface ImportSummary {
  /** What `files` and `imported` count: files (ToTA, text), or the agreement records of one file (JSON). */
  unit: string;
  files: number;
  imported: number;
  provisions: number;
  /** Annotations the rules proposed (ToTA, text) or, for a JSON import, every annotation the records carry. */
  annotations: number;
  /** JSON import: the records' annotations by status (an export carries reviewed ones too). */
  annotationStatuses: Record<string, number>;
  failures: { file: string; reason: string }[];
  warnings: { file: string; message: string }[];
  /** Files (agreement records of a JSON import) that changed an agreement the catalogue already held. */
  updated: { file: string; into: string }[];
  /** Files (records) of an agreement the catalogue already held as they say it: nothing written. */
  unchanged: { file: string; into: string }[];
  /** Files merged into an agreement already held as a further language version of it (ToTA import). */
  merged: { file: string; language: string | null; into: string; keySuffix: string }[];
  /** Member states listed one by one and recorded as bound through their bloc (ToTA import). */
  foldedMembers: number;
  /** Member states kept as parties of a bloc's agreement: its counterparty, not yet a member at signature. */
  counterparties: { file: string; into: string; codes: string[] }[];
  /**
   * The import is one transaction for the whole file (JSON): a failure of any record wrote nothing of any, where a
   * ToTA or text import writes each file in its own and a failed file leaves the others written.
   */
  wholeFile?: boolean;
}

export function emptySummary(): ImportSummary {
  return {
    unit: 'file',
    files: 0,
    imported: 0,
    provisions: 0,
    annotations: 0,
    annotationStatuses: {},
    failures: [],
    warnings: [],
    updated: [],
    unchanged: [],
    merged: [],
    foldedMembers: 0,
    counterparties: [],
  };
}

/** "1 file", "3 files", "1 agreement record": a count in words. */
const counted = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

/** The agreements some files went into: one however many of its language versions they were. */
const agreementsOf = (files: readonly { into: string }[]): string =>
  counted(new Set(files.map((f) => f.into)).size, 'agreement');

export function formatSummary(summary: ImportSummary, seconds: number): string {
  const lines = [
    `${summary.imported} of ${counted(summary.files, summary.unit)} imported in ${seconds.toFixed(1)} s: ` +
      `${summary.provisions} provisions, ${annotationCount(summary)}.`,
  ];
  if (summary.updated.length || summary.unchanged.length || summary.merged.length) {
    // What each imported file did to the catalogue: a new agreement, one held before changed or left as it was,
    // or a language version.
    const created =
      summary.imported - summary.updated.length - summary.unchanged.length - summary.merged.length;
    lines.push(
      [
        created ? `${counted(created, 'new agreement')} created` : '',
        summary.updated.length
          ? `${agreementsOf(summary.updated)} already in the catalogue updated (${summary.updated
              .map((u) => `${u.into} from ${u.file}`)
              .join(', ')})`
          : '',
        summary.unchanged.length
          ? `${agreementsOf(summary.unchanged)} already in the catalogue unchanged, nothing written (${summary.unchanged
              .map((u) => `${u.into} from ${u.file}`)
              .join(', ')})`
          : '',
        summary.merged.length
          ? `${counted(summary.merged.length, 'file')} added to an agreement as a further language version of the same treaty:`
          : '',
      ]
        .filter(Boolean)
        .join('; ')
        .replace(/^./, (c) => c.toUpperCase()) + (summary.merged.length ? '' : '.'),
    );
    for (const m of summary.merged)
      lines.push(
        `  ${m.file} (${m.language ?? '?'}) into ${m.into}, provision keys ending in .${m.keySuffix}`,
      );
  }
  if (summary.foldedMembers || summary.counterparties.length) {
    lines.push(
      `${summary.foldedMembers} member-state listing(s) recorded as bound through their bloc, not as parties` +
        (summary.counterparties.length
          ? `; kept as parties (the counterparty, not yet a member at signature): ${summary.counterparties
              .map((c) => `${c.into} ${c.codes.join(', ')}`)
              .join('; ')}`
          : ''),
    );
  }
  for (const w of summary.warnings) lines.push(`warning: ${w.file}: ${w.message}`);
  // A reason that begins with the file's name already (a file an import refused to read) is not named twice.
  for (const f of summary.failures)
    lines.push(`FAILED: ${f.reason.startsWith(`${f.file}: `) ? f.reason : `${f.file}: ${f.reason}`}`);
  if (summary.failures.length)
    lines.push(
      summary.wholeFile
        ? `${summary.failures.length} failed (each named above); nothing of the file was written: the catalogue is as it was (correct them and import the file again).`
        : `${summary.failures.length} failed (each named above); nothing of them was written.` +
            (summary.imported
              ? ` The ${summary.imported} other${summary.imported === 1 ? ' was' : 's were'}, each in its own transaction: import the failed ones again once corrected (a file imported again is updated in place).`
              : ''),
    );
  return lines.join('\n');
}

function annotationCount(summary: ImportSummary): string {
  const statuses = Object.entries(summary.annotationStatuses).filter(([, n]) => n > 0);
  if (!statuses.length) return `${summary.annotations} proposed annotations`;
  const byStatus = statuses
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([status, n]) => `${n} ${status.toLowerCase()}`)
    .join(', ');
  return `${summary.annotations} annotations (${byStatus})`;
}
