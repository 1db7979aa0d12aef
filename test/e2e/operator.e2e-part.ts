import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { execFileSync } from 'node:child_process';
import { chmodSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { installGracefulShutdown } from '../../src/common/graceful-shutdown';
import { dropPostgresDatabase, recreatePostgresDatabase } from '../../src/database/postgres-admin';
import { Role } from '../../src/auth/role.enum';
import { ApiKeysService } from '../../src/auth/api-keys.service';
import { startTestApp } from '../support/test-app';
import { copySqliteTemplate, templateDatabase } from '../support/template-database';

const server = process.env.TEST_DATABASE_URL;
const postgres = Boolean(server && /^postgres(ql)?:/.test(server));
let counter = 0;

/**
 * Boots the application on the database DATABASE_URL names, as `npm start` does; `create`: a SQLite file that does
 * not exist is made (DATABASE_CREATE=true), as where there is no template to copy.
 */
async function boot(url: string, create = false): Promise<INestApplication> {
  process.env.DATABASE_URL = url;
  process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? 'silent';
  const saved = process.env.DATABASE_CREATE;
  if (create) process.env.DATABASE_CREATE = 'true';
  try {
    const moduleRef = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = moduleRef.createNestApplication({ logger: false, bodyParser: false });
    configureApp(app);
    await app.init();
    return app;
  } finally {
    if (saved === undefined) delete process.env.DATABASE_CREATE;
    else process.env.DATABASE_CREATE = saved;
  }
}

const adminUrl = (name: string) => {
  const url = new URL(server!);
  url.pathname = `/${name}`;
  return url;
};

/** The operator learns about faults at start, and a stop lets the responses in flight finish. */
describe('operator: start-up checks and graceful shutdown', () => {
  // Each test boots the application once or twice: its own time limit (as a part of a group, not the others').
  const BOOTS_MS = 240_000;
  const saved = process.env.DATABASE_URL;
  afterAll(() => {
    if (saved === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = saved;
  });

  it(
    'reports a read-only database at start: /health says so, writes are refused, anonymous ones UNAUTHENTICATED',
    async () => {
      const name = `ct_ro_${process.pid}_${counter++}`;
      const file = join(tmpdir(), `${name}.sqlite`);
      let url: string;
      // First start: migrate and load the fixtures (done already in a copy of the run's template, when there is
      // one), make a key; then make the database read-only.
      const template = templateDatabase();
      if (postgres) {
        url = await recreatePostgresDatabase(server!, name, template ?? undefined);
      } else {
        if (template) copySqliteTemplate(template, file);
        url = `sqlite:${file}`;
      }
      const first = await boot(url, !template);
      const key = (await first.get(ApiKeysService).create('editor', Role.EDITOR)).key;
      await first.close();
      if (postgres) {
        const client = new Client({ connectionString: url });
        await client.connect();
        await client.query(`alter database ${name} set default_transaction_read_only = on`);
        await client.end();
      } else {
        rmSync(`${file}-wal`, { force: true });
        rmSync(`${file}-shm`, { force: true });
        chmodSync(file, 0o444);
        // root ignores file modes: make the file immutable instead.
        if (process.getuid?.() === 0) execFileSync('chattr', ['+i', file]);
      }
      const app = await boot(url);
      try {
        const health = await request(app.getHttpServer()).get('/health');
        expect(health.status).toBe(503);
        expect(health.body.error?.writes).toEqual({ status: 'down', message: 'the database is read-only' });
        const read = await request(app.getHttpServer())
          .post('/graphql')
          .send({ query: '{ agreement(slug: "ceta") { slug } }' });
        expect(read.body.data.agreement.slug).toBe('ceta');
        const mutation = {
          query: 'mutation($input: ArchiveAgreementInput!) { archiveAgreement(input: $input) { slug } }',
          variables: { input: { slug: 'ceta', version: 1, reason: 'test' } },
        };
        const anonymous = await request(app.getHttpServer()).post('/graphql').send(mutation);
        expect(anonymous.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
        const keyed = await request(app.getHttpServer())
          .post('/graphql')
          .set('Authorization', `Bearer ${key}`)
          .send(mutation);
        expect(keyed.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
        expect(keyed.body.errors[0].message).toMatch(/read-only/);
      } finally {
        await app.close();
        if (postgres) await dropPostgresDatabase(server!, name);
        else {
          if (process.getuid?.() === 0) execFileSync('chattr', ['-i', file]);
          chmodSync(file, 0o644);
          for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
        }
      }
    },
    BOOTS_MS,
  );

  if (postgres) {
    it(
      'refuses a PostgreSQL URL naming a missing database, naming it without the password, unless DATABASE_CREATE=true',
      async () => {
        const name = `ct_missing_${process.pid}_${counter++}`;
        const url = adminUrl(name);
        url.password = 'secret-password';
        url.username = url.username || 'postgres';
        const withPassword = url.toString();
        await dropPostgresDatabase(server!, name);
        const error = await boot(withPassword).then(
          (app) => app.close().then(() => null),
          (e: Error) => e,
        );
        expect(error?.message).toMatch(new RegExp(`PostgreSQL database .*/${name}`));
        expect(error?.message).toMatch(/DATABASE_CREATE=true/);
        expect(error?.message).not.toMatch(/secret-password/);
        process.env.DATABASE_CREATE = 'true';
        try {
          const app = await boot(adminUrl(name).toString());
          await app.close();
        } finally {
          delete process.env.DATABASE_CREATE;
          await dropPostgresDatabase(server!, name);
        }
      },
      BOOTS_MS,
    );
  } else {
    it(
      'names the SQLite file it cannot use',
      async () => {
        const file = join(tmpdir(), `not-a-database-${process.pid}.sqlite`);
        writeFileSync(
          file,
          'this is not a database file, but it is long enough to have a header. '.repeat(20),
        );
        try {
          const error = await boot(`sqlite:${file}`).then(
            (app) => app.close().then(() => null),
            (e: Error) => e,
          );
          expect(error?.message).toContain(`SQLite database ${file}`);
        } finally {
          rmSync(file, { force: true });
        }
      },
      BOOTS_MS,
    );
  }

  it(
    'goes unready first on shutdown, drains the responses in flight, then refuses new connections',
    async () => {
      const t = await startTestApp();
      const httpServer = t.app.getHttpServer();
      await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
      const { port } = httpServer.address() as AddressInfo;
      const shutdown = installGracefulShutdown(t.app, httpServer, {
        signals: [],
        graceMs: 10_000,
        readyDelayMs: 3_000,
      });
      expect((await fetch(`http://127.0.0.1:${port}/health/ready`)).status).toBe(200);
      // The costliest shape the cost limit lets through (3 aliases: a provision's text costs PROVISION_TEXT_COST).
      const query = `{ ${Array.from(
        { length: 3 },
        (_, i) =>
          `a${i}: agreements(first: 100) { edges { node { slug provisions(first: 3) { edges { node { text } } } } } }`,
      ).join(' ')} }`;
      const arrived = new Promise((resolve) => httpServer.once('request', resolve));
      const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      await arrived;
      const stopped = shutdown();
      // Unready at once, still serving (and alive) until the balancer has seen it.
      const ready = await fetch(`http://127.0.0.1:${port}/health/ready`);
      expect(ready.status).toBe(503);
      expect(ready.headers.get('connection')).toBe('close');
      expect((await fetch(`http://127.0.0.1:${port}/health/live`)).status).toBe(200);
      const res = await inFlight;
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: Record<string, unknown> };
      expect(Object.keys(body.data)).toHaveLength(3);
      await stopped;
      await expect(fetch(`http://127.0.0.1:${port}/health`)).rejects.toThrow();
      await t.close().catch(() => undefined);
    },
    BOOTS_MS,
  );
});
