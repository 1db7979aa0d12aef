/**
 * End-to-end files on what readers get (search, the statements `bench:load`'s requests cost, nested queries
 * batched, typed parties, a party as of a date, terminated statuses, ToTA's parties and language versions), run as
 * one test file for the reason `grouped-api.e2e-spec.ts` gives: each part starts its own application on its own
 * database and restores the settings it changes; the modules are loaded once.
 * `npx jest test/e2e/grouped-reads -t '<describe>'` runs one part.
 */
import './search.e2e-part';
import './load-statements.e2e-part';
import './n-plus-one.e2e-part';
import './typed-parties.e2e-part';
import './party-as-of.e2e-part';
import './dates-and-blocs.e2e-part';
import './terminated-status.e2e-part';
import './tota-parties-versions.e2e-part';
