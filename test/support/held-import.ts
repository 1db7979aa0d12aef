import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';

/**
 * `node -r register-ts.js -r held-import.ts src/cli.ts import json ...`: an import in a child process held mid-way,
 * so that a test sees it with a batch committed and the next transaction open, on a file of a few small records.
 * Each record's write waits HELD_IMPORT_RECORD_MS first (its batches, about a second of writes, hold a few records
 * each), and the write after the HELD_IMPORT_AFTER first records waits, inside its batch's transaction, until the
 * process gets SIGUSR2 (or is killed). Without the hold, the file had to be large enough for the import to still
 * be running while the test looked: 2,400 provisions written for each child.
 */
const recordMs = Number(process.env.HELD_IMPORT_RECORD_MS ?? 0);
const holdAfter = Number(process.env.HELD_IMPORT_AFTER ?? Infinity);

let release: () => void = () => {};
const released = new Promise<void>((resolve) => (release = resolve));
process.on('SIGUSR2', () => release());

let records = 0;
const real = AgreementRecordWriter.prototype.writeRecord;
AgreementRecordWriter.prototype.writeRecord = async function (
  this: AgreementRecordWriter,
  ...args: Parameters<AgreementRecordWriter['writeRecord']>
) {
  if (++records > holdAfter) await released;
  await new Promise((resolve) => setTimeout(resolve, recordMs));
  return real.apply(this, args);
};
