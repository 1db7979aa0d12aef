/**
 * End-to-end files of hostile and unlucky clients (hostile queries, typed addresses, slow clients, the red team's
 * costs, budgets and rules) and of what every client meets at the door (access control, HTTP manners, the production
 * settings, random input on every route and mutation), run as one test file for the reason `grouped-api.e2e-spec.ts`
 * gives: each part starts its own application on its own database and restores the settings it changes; the modules
 * are loaded once. `npx jest test/e2e/grouped-hostile -t '<describe>'` runs one part.
 */
import './hostile.e2e-part';
import './hostile-doors.e2e-part';
import './hostile-bodies.e2e-part';
import './hostile-files.e2e-part';
import './hostile-reads.e2e-part';
import './slow-clients.e2e-part';
import './red-team.e2e-part';
import './red-team-rules.e2e-part';
import './access.e2e-part';
import './http-manners.e2e-part';
import './production-settings.e2e-part';
import './hostile-input.e2e-part';
import './mutation-properties.e2e-part';
