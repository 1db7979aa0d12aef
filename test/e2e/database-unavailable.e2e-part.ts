import { Client } from 'pg';
import { Database } from 'sqlite3';
import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';

const CREATE = 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }';

/** sqlite3's callbacks as promises. */
const run = (db: Database, sql: string) =>
  new Promise<void>((resolve, reject) => db.run(sql, (error) => (error ? reject(error) : resolve())));

/**
 * A database that cannot serve now (a server down or refusing connections, an SQLite file another process holds
 * locked) is the service's trouble, not the client's request: 503 SERVICE_UNAVAILABLE with Retry-After on every
 * door, rather than 500 INTERNAL_SERVER_ERROR (answered with status 200 through GraphQL before).
 */
describe('a database that cannot serve now', () => {
  let t: TestApp;
  let editor: string;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    editor = await t.createKey(Role.EDITOR);
  });
  afterAll(() => t.close());

  /**
   * PostgreSQL: the server refuses the database's connections and drops the service's. SQLite: another process
   * holds the file's write lock (an import beside the service), the service's busy wait cut to nothing so that the
   * test need not wait it out. Returns the undoing.
   */
  async function makeUnavailable(): Promise<() => Promise<void>> {
    const url = new URL(process.env.DATABASE_URL!);
    if (t.driver === 'postgresql') {
      const name = url.pathname.slice(1);
      url.pathname = '/postgres';
      const admin = new Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`alter database ${name} allow_connections false`);
      await admin.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
        [name],
      );
      return async () => {
        await admin.query(`alter database ${name} allow_connections true`);
        await admin.end();
      };
    }
    const connection = t.orm.em.getConnection();
    await connection.execute('pragma busy_timeout = 0');
    const other = new Database(process.env.DATABASE_URL!.replace(/^sqlite:/, ''));
    await run(other, 'begin immediate');
    return async () => {
      await run(other, 'rollback');
      await new Promise((resolve) => other.close(resolve));
      await connection.execute('pragma busy_timeout = 5000');
    };
  }

  it('refuses a write with 503 SERVICE_UNAVAILABLE and Retry-After, and takes it once the database is back', async () => {
    const input = {
      slug: 'written-when-back',
      title: 'Written when the database is back',
      kind: 'BILATERAL',
      status: 'SIGNED',
    };
    const restore = await makeUnavailable();
    let refused;
    try {
      refused = await t
        .http()
        .post('/graphql')
        .set('Authorization', `Bearer ${editor}`)
        .send({ query: CREATE, variables: { input } });
    } finally {
      await restore();
    }
    expect({ status: refused.status, retryAfter: refused.headers['retry-after'] }).toEqual({
      status: 503,
      retryAfter: '5',
    });
    expect(refused.body.errors[0]).toMatchObject({
      message: expect.stringMatching(/try again in a moment/),
      extensions: { code: 'SERVICE_UNAVAILABLE' },
    });
    expect(JSON.stringify(refused.body)).not.toMatch(/SQLITE|locked|allow_connections|accepting connections/);
    const again = await t.gql(CREATE, { input }, { key: editor });
    expect(again).toEqual({ data: { createAgreement: { slug: 'written-when-back' } } });
  });

  it('answers a page, a report file and a read with 503 and Retry-After while the database is unreachable', async () => {
    // Node's own error for an unreachable server, where every statement asks the pool for a connection.
    const unreachable = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    const pool = (
      t.orm.em as unknown as { getKnex(): { client: { acquireConnection(): Promise<unknown> } } }
    ).getKnex().client;
    const execute = jest.spyOn(pool, 'acquireConnection').mockRejectedValue(unreachable);
    try {
      const read = await t.http().post('/graphql').send({ query: '{ agreements(first: 1) { totalCount } }' });
      const page = await t.http().get('/agreements').set('Accept', 'text/html');
      const report = await t.http().get('/reports/coherence/CAN.csv');
      expect(
        [read, page, report].map((res) => ({ status: res.status, retryAfter: res.headers['retry-after'] })),
      ).toEqual(Array(3).fill({ status: 503, retryAfter: '5' }));
      expect(read.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(page.text).toMatch(/<h1>[^<]+<\/h1>/);
      expect(page.text).toContain('try again in a moment');
      expect(report.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(execute).toHaveBeenCalled();
    } finally {
      execute.mockRestore();
    }
    // Any other failure of a statement stays a fault of ours: 500, its text hidden.
    const broken = jest
      .spyOn(pool, 'acquireConnection')
      .mockRejectedValue(new Error('no such column: agreement.nothing'));
    try {
      const read = await t.http().post('/graphql').send({ query: '{ agreements(first: 1) { totalCount } }' });
      expect(read.body.errors[0].extensions.code).toBe('INTERNAL_SERVER_ERROR');
      expect(JSON.stringify(read.body)).not.toContain('no such column');
    } finally {
      broken.mockRestore();
    }
  });
});
