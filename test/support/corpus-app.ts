import { join } from 'node:path';
import { corpusDir } from '../../src/config';
import { importers } from '../../src/ingest/importers';
import type { ImportSummary } from '../../src/ingest/import-summary';
import { corpusTemplateDatabase, corpusTemplateSummary } from './corpus-template';
import { startTestApp, TestApp } from './test-app';

/**
 * An application on the fixtures with the whole ToTA corpus imported and annotated: a copy of the corpus suite's
 * template, or, outside that suite's globalSetup (no template), an import of its own, which must not fail.
 */
export async function startCorpusApp(options: { rateLimits?: boolean } = {}): Promise<TestApp> {
  return (await startCorpusAppWithSummary(options)).t;
}

/**
 * startCorpusApp, with what the corpus's import reported (the template's import, or the test's own): for the
 * tests that check the import's summary without importing the corpus once more.
 */
export async function startCorpusAppWithSummary(
  options: { rateLimits?: boolean } = {},
): Promise<{ t: TestApp; summary: ImportSummary }> {
  const template = corpusTemplateDatabase();
  const saved = corpusTemplateSummary();
  if (template && saved) return { t: await startTestApp({ ...options, template }), summary: saved };
  const t = await startTestApp(options);
  const summary = await importers(t.app).tota.import({
    paths: [join(corpusDir(), 'tota', 'xml')],
    annotate: true,
  });
  if (summary.failures.length) {
    await t.close();
    throw new Error(`import failures: ${JSON.stringify(summary.failures)}`);
  }
  return { t, summary };
}
