/**
 * End-to-end files on the review workflow, the reports' evidence and languages and the GraphQL clients, run as
 * one test file for the reason `grouped-api.e2e-spec.ts` gives: each part starts its own application on its own
 * database; the modules are loaded once. `npx jest test/e2e/grouped-review -t '<describe>'` runs one part.
 */
import './workflow.e2e-part';
import './reports-evidence.e2e-part';
import './report-languages.e2e-part';
import './clients.e2e-part';
import './reports.e2e-part';
