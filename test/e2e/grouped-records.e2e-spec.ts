/**
 * End-to-end files on imported records (their statuses, recorded and today's, summaries, paths, hostile texts, writes
 * during an import), the report stamp an import moves, and what users take away (the downloads read back by the
 * readers they would use, the draft checker's doors and the family view), run as one test file for the reason
 * `grouped-api.e2e-spec.ts` gives: each part starts its own application on its own database; the modules are loaded
 * once. `npx jest test/e2e/grouped-records -t '<describe>'` runs one part.
 */
import './status-of-2017.e2e-part';
import './record-summary.e2e-part';
import './report-stamp.e2e-part';
import './import-paths.e2e-part';
import './hostile-records.e2e-part';
import './pending-import-writes.e2e-part';
import './recorded-status.e2e-part';
import './import-batches.e2e-part';
import './article-numbers.e2e-part';
import './downloads.e2e-part';
import './draft-check-doors.e2e-part';
