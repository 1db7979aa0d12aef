/**
 * End-to-end files on the catalogue's reads, its clause families and the GraphQL transport, run as one test file
 * for the reason `grouped-api.e2e-spec.ts` gives: each part starts its own application on its own database; the
 * modules are loaded once. `npx jest test/e2e/grouped-catalogue -t '<describe>'` runs one part.
 */
// First: the command line in this process reads DATABASE_URL, which each part's application leaves naming its own
// database, dropped once the part ends (on PostgreSQL the command then fails to connect).
import './cli-usage.e2e-part';
import './catalogue.e2e-part';
import './clause-family.e2e-part';
import './family-propagation.e2e-part';
import './family-from-every-member.e2e-part';
import './read-ahead.e2e-part';
import './nested-arguments.e2e-part';
import './graphql-over-http.e2e-part';
