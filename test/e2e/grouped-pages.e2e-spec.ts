/**
 * Small end-to-end files on the pages and reports, run as one test file for the reason `grouped-api.e2e-spec.ts`
 * gives: each part starts its own application; the modules are loaded once.
 */
import './report-annotation-scopes.e2e-part';
import './readme-addresses.e2e-part';
import './web-provision-index.e2e-part';
import './page-languages.e2e-part';
import './draft-check-evidence.e2e-part';
import './web.e2e-part';
import './page-refusals.e2e-part';
import './form-dead-ends.e2e-part';
import './trends-and-party-pages.e2e-part';
