/**
 * End-to-end files on imported records (their statuses, recorded and today's, summaries, paths, hostile texts, writes
 * during an import), the report stamp an import moves, and what users take away (the downloads read back by the
 * readers they would use, the draft checker's doors and the family view), run as one test file for the reason
 * `grouped-api.e2e-spec.ts` gives: each part starts its own application on its own database; the modules are loaded
 * once. `npx jest test/e2e/grouped-records -t '<describe>'` runs one part.
 */
import './downloads.e2e-part';
import './draft-check-doors.e2e-part';
