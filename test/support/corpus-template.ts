import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recreatePostgresDatabase } from '../../src/database/postgres-admin';
import type { ImportSummary } from '../../src/ingest/import-summary';
import {
  copySqliteTemplate,
  createTemplateDatabase,
  dropTemplateDatabase,
  postgresServer,
  prepareInChild,
  removeTemplate,
  templateDatabase,
} from './template-database';

/**
 * The corpus suite's second template (its globalSetup): the fixtures template with the whole ToTA corpus imported
 * and annotated through the application, as the corpus tests that read the imported corpus did each for itself
 * (about a minute of import each on this machine). Those tests start from a copy of it (`startCorpusApp`).
 */
const CORPUS_TEMPLATE_ENV = 'TEST_CORPUS_TEMPLATE';
/** The template import's ImportSummary (JSON), for the tests that check what the import reported. */
const CORPUS_SUMMARY_ENV = 'TEST_CORPUS_SUMMARY';

/** globalSetup of `test/jest.corpus.config.js`: the fixtures template, then the corpus template from it. */
export async function createCorpusTemplates(): Promise<void> {
  await createTemplateDatabase();
  const fixtures = templateDatabase();
  if (!fixtures) throw new Error('the fixtures template is missing');
  const name = `ct_corpus_${process.pid}`;
  const server = postgresServer();
  const file = join(tmpdir(), `${name}.sqlite`);
  if (!server) copySqliteTemplate(fixtures, file);
  const url = server ? await recreatePostgresDatabase(server, name, fixtures) : `sqlite:${file}`;
  const summaryFile = join(tmpdir(), `${name}.summary.json`);
  // In a child process, for the reason createTemplateDatabase gives.
  prepareInChild(
    __filename,
    url,
    'the corpus template',
    {
      RATE_LIMIT_PER_KEY: '1000000000',
      RATE_LIMIT_PER_ADDRESS: '1000000000',
      [CORPUS_SUMMARY_ENV]: summaryFile,
    },
    'inherit-stdout',
  );
  process.env[CORPUS_TEMPLATE_ENV] = server ? name : file;
  process.env[CORPUS_SUMMARY_ENV] = summaryFile;
}

/** Run as a script (by createCorpusTemplates): import the whole corpus, annotated, into DATABASE_URL. */
async function importCorpus(): Promise<void> {
  await import('reflect-metadata');
  const { Test } = await import('@nestjs/testing');
  const { AppModule } = await import('../../src/app.module');
  const { configureApp } = await import('../../src/app.setup');
  const { importers } = await import('../../src/ingest/importers');
  const { totaFilesIn } = await import('../../src/ingest/tota-import.service');
  const { corpusDir } = await import('../../src/config');
  // The application as the tests start it (startTestApp), so that the import runs as it did inside each test.
  const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
  const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
  configureApp(app);
  await app.init();
  try {
    const files = totaFilesIn([join(corpusDir(), 'tota', 'xml')]);
    const summary = await importers(app).tota.import({ paths: files, annotate: true });
    if (summary.failures.length) throw new Error(`import failures: ${JSON.stringify(summary.failures)}`);
    const summaryFile = process.env[CORPUS_SUMMARY_ENV];
    if (summaryFile) writeFileSync(summaryFile, JSON.stringify(summary));
  } finally {
    await app.close();
  }
}

if (require.main === module)
  importCorpus().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });

export async function dropCorpusTemplates(): Promise<void> {
  const template = process.env[CORPUS_TEMPLATE_ENV];
  if (template) await removeTemplate(template);
  const summaryFile = process.env[CORPUS_SUMMARY_ENV];
  if (summaryFile) rmSync(summaryFile, { force: true });
  await dropTemplateDatabase();
}

/** The corpus template to copy, or null outside the corpus suite's globalSetup. */
export function corpusTemplateDatabase(): string | null {
  return process.env[CORPUS_TEMPLATE_ENV] ?? null;
}

/** What the template's import reported (its ImportSummary), or null outside the corpus suite's globalSetup. */
export function corpusTemplateSummary(): ImportSummary | null {
  const file = process.env[CORPUS_SUMMARY_ENV];
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as ImportSummary) : null;
}
