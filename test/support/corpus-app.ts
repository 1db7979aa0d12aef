import { join } from 'node:path';
import { corpusDir } from '../../src/config';
import { importers } from '../../src/ingest/importers';
import { corpusTemplateDatabase } from './corpus-template';
import { startTestApp, TestApp } from './test-app';

/**
 * An application on the fixtures with the whole ToTA corpus imported and annotated: a copy of the corpus suite's
 * template, or, outside that suite's globalSetup (no template), an import of its own, which must not fail.
 */
export async function startCorpusApp(options: { rateLimits?: boolean } = {}): Promise<TestApp> {
  const template = corpusTemplateDatabase();
  if (template) return startTestApp({ ...options, template });
  const t = await startTestApp(options);
  const summary = await importers(t.app).tota.import({
    paths: [join(corpusDir(), 'tota', 'xml')],
    annotate: true,
  });
  if (summary.failures.length) {
    await t.close();
    throw new Error(`import failures: ${JSON.stringify(summary.failures)}`);
  }
  return t;
}
