import { writeFileSync } from 'node:fs';
import { EXPORT_FORMAT_ID } from '../../src/ingest/export.service';

/** Writes `agreements` as a file of the project's export format, for `import json` to read; returns its path. */
export function writeAgreementsFile(file: string, agreements: unknown): string {
  writeFileSync(file, JSON.stringify({ format: EXPORT_FORMAT_ID, version: 1, agreements }));
  return file;
}
