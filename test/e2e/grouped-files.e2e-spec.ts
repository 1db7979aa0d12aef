/**
 * End-to-end files on what users take away (the downloads read back by the readers they would use, the draft
 * checker's doors and the family view), run as one test file for the reason `grouped-api.e2e-spec.ts` gives: each
 * part starts its own application on its own database and restores the settings and spies it changes; the modules
 * are loaded once. `npx jest test/e2e/grouped-files -t '<describe>'` runs one part.
 */
import './downloads.e2e-part';
import './draft-check-doors.e2e-part';
