/**
 * End-to-end files of hostile and unlucky clients (hostile queries, typed addresses, slow clients, the red team's
 * costs, budgets and rules), run as one test file for the reason `grouped-api.e2e-spec.ts` gives: each part starts
 * its own application on its own database and restores the settings it changes; the modules are loaded once.
 * `npx jest test/e2e/grouped-hostile -t '<describe>'` runs one part.
 */
import './hostile.e2e-part';
import './hostile-doors.e2e-part';
import './hostile-bodies.e2e-part';
import './hostile-files.e2e-part';
import './hostile-reads.e2e-part';
import './slow-clients.e2e-part';
import './red-team.e2e-part';
import './red-team-rules.e2e-part';
