/** What an import did, printed at the end of the command; failures name the file and the reason. */
export interface ImportSummary {
  files: number;
  imported: number;
  provisions: number;
  annotations: number;
  failures: { file: string; reason: string }[];
  warnings: { file: string; message: string }[];
}

export function emptySummary(): ImportSummary {
  return { files: 0, imported: 0, provisions: 0, annotations: 0, failures: [], warnings: [] };
}

export function formatSummary(summary: ImportSummary, seconds: number): string {
  const lines = [
    `${summary.imported} of ${summary.files} file(s) imported in ${seconds.toFixed(1)} s: ` +
      `${summary.provisions} provisions, ${summary.annotations} proposed annotations.`,
  ];
  for (const w of summary.warnings) lines.push(`warning: ${w.file}: ${w.message}`);
  for (const f of summary.failures) lines.push(`FAILED: ${f.file}: ${f.reason}`);
  if (summary.failures.length)
    lines.push(`${summary.failures.length} file(s) failed; nothing of them was written.`);
  return lines.join('\n');
}
