import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../common/paths';
import { AgreementRecord, dateOrderProblems, parseAgreementRecord } from './agreement-record.schema';
import { RecordCoverage } from './agreement.enums';

/**
 * Reads and validates fixtures/agreements/*.json; the slug must be the file's name. A fixture holds selected
 * provisions summarised by hand, so its record is EXCERPTS unless the file says otherwise; a ToTA import of the
 * same agreement later brings the full text (and says so).
 */
export function readAgreementFixtures(dir = join(FIXTURES_DIR, 'agreements')): AgreementRecord[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const path = join(dir, file);
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (error) {
        throw new Error(`${path}: not valid JSON (${(error as Error).message})`);
      }
      const record = parseAgreementRecord(json, path);
      if (`${record.slug}.json` !== file)
        throw new Error(`${path}: slug "${record.slug}" does not match the file name`);
      const problems = dateOrderProblems(record);
      if (problems.length) throw new Error(`${path}: ${problems.join('; ')}`);
      return { ...record, record: record.record ?? { coverage: RecordCoverage.EXCERPTS, parts: [] } };
    });
}
