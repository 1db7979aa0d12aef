/**
 * Small end-to-end files run as one test file: each part starts its own application on its own database (its
 * `describe` holds its hooks) and restores the settings and spies it changes, but the modules are loaded once for
 * all of them. Loading the application's modules costs each test file a few seconds of CPU (jest gives every file
 * its own module registry), more than most parts spend on their tests. This one holds the catalogue's reads, its
 * clause families, the GraphQL transport and the API's shape. `npx jest test/e2e/grouped-api -t '<describe>'` runs
 * one part.
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
import './node.e2e-part';
import './schema.e2e-part';
import './annotation-order.e2e-part';
import './concurrency.e2e-part';
import './database-unavailable.e2e-part';
import './concluded-by.e2e-part';
import './agreement-sides.e2e-part';
import './operator.e2e-part';
