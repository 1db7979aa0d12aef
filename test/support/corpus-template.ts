import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropPostgresDatabase, recreatePostgresDatabase } from '../../src/database/postgres-admin';
import {
  copySqliteTemplate,
  createTemplateDatabase,
  dropTemplateDatabase,
  templateDatabase,
} from './template-database';

/**
 * The corpus suite's second template (its globalSetup): the fixtures template with the whole ToTA corpus imported
 * and annotated through the application, as the corpus tests that read the imported corpus did each for itself
 * (about a minute of import each on this machine). Those tests start from a copy of it (`startCorpusApp`).
 */
const CORPUS_TEMPLATE_ENV = 'TEST_CORPUS_TEMPLATE';

const postgresServer = (): string | null => {
  const server = process.env.TEST_DATABASE_URL;
  return server && /^postgres(ql)?:/.test(server) ? server : null;
};

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
  // In a child process, for the reason createTemplateDatabase gives.
  const started = spawnSync(process.execPath, ['-r', 'ts-node/register', __filename], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_KEY: '1000000000',
      RATE_LIMIT_PER_ADDRESS: '1000000000',
      TS_NODE_SWC: 'true',
      TS_NODE_TRANSPILE_ONLY: 'true',
    },
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  if (started.status !== 0) throw new Error(`the corpus template could not be prepared: ${started.stderr}`);
  process.env[CORPUS_TEMPLATE_ENV] = server ? name : file;
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
  if (template) {
    const server = postgresServer();
    if (server) await dropPostgresDatabase(server, template);
    else for (const suffix of ['', '-wal', '-shm']) rmSync(`${template}${suffix}`, { force: true });
  }
  await dropTemplateDatabase();
}

/** The corpus template to copy, or null outside the corpus suite's globalSetup. */
export function corpusTemplateDatabase(): string | null {
  return process.env[CORPUS_TEMPLATE_ENV] ?? null;
}
