/**
 * Small end-to-end files run as one test file: each part starts its own application on its own database (its
 * `describe` holds its hooks), but the modules are loaded once for all of them. Loading the application's modules
 * costs each test file a few seconds of CPU (jest gives every file its own module registry), more than these parts
 * spend on their tests. `npx jest test/e2e/grouped-api -t '<describe>'` runs one part.
 */
import './node.e2e-part';
import './schema.e2e-part';
import './annotation-order.e2e-part';
import './concurrency.e2e-part';
import './database-unavailable.e2e-part';
import './concluded-by.e2e-part';
import './agreement-sides.e2e-part';
import './operator.e2e-part';
