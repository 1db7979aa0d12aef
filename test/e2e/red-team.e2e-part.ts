import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import { resolverBackedLists } from '../../src/graphql/query-cost.plugin';
import { PROVISION_TEXT_COST } from '../../src/common/list-cost';
import { Role } from '../../src/auth/role.enum';
import { newAgreement } from '../support/mutation-catalogue';
import { currentBudget, RequestBudget, runWithBudget } from '../../src/common/request-budget';
import { DomainError } from '../../src/common/errors';
import { HeavyWorkGate } from '../../src/common/heavy-work.gate';
import { SimilarityService } from '../../src/search/similar/similarity.service';
import { ANNOTATOR_RULES } from '../../src/annotations/rules/annotate-agreement';
import { ReportsService } from '../../src/reports/reports.service';
import { WebGraphqlService } from '../../src/web/web-graphql.service';
import { AnnotationMutationsService } from '../../src/annotations/annotation-mutations.service';
import type { Response } from 'supertest';
import { EntityManager } from '@mikro-orm/knex';
import { rowsOf } from '../../src/common/sql';
import {
  countStatements,
  GraphQLResponse,
  startTestApp,
  statementsDuring,
  TestApp,
} from '../support/test-app';

/**
 * The holes of the red-team pass (hostile clients): fan-out through plain lists, responses without a size or
 * time bound, one audit row per refused field.
 */
describe('red team: every list has a cost, every response a budget', () => {
  let t: TestApp;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_ADDRESS = '1000000';
    process.env.RATE_LIMIT_PER_KEY = '1000000';
    t = await startTestApp();
  });
  /** Until a statement is running: visible to PostgreSQL by its text, or given time to start on SQLite's connection. */
  const untilRunning = async (postgresText: string) => {
    if (t.driver !== 'postgresql') return new Promise((r) => setTimeout(r, 300));
    for (let i = 0; i < 100; i++) {
      const active = await t.orm.em
        .getConnection()
        .execute(`select 1 from pg_stat_activity where state = 'active' and query = '${postgresText}'`);
      if (active.length) return;
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  afterAll(async () => {
    await t.close();
    for (const key of [
      'RATE_LIMIT_PER_ADDRESS',
      'RATE_LIMIT_PER_KEY',
      'MAX_RESPONSE_BYTES',
      'REQUEST_TIMEOUT_MS',
    ]) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  // As Apollo Client 4 and graphql-http ask: refused requests keep their 4xx (application/json clients get 200).
  const post = (query: string, key?: string) => {
    const req = t.http().post('/graphql').set('Accept', 'application/graphql-response+json');
    if (key) req.set('Authorization', `Bearer ${key}`);
    return req.send({ query });
  };
  const aliases = (n: number, body: string) =>
    `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${body}`).join(' ')} }`;

  it('declares a bound on every list a resolver loads or computes', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const undeclared = [...resolverBackedLists(schema)].filter((name) => {
      const [type, field] = name.split('.');
      const object = schema.getType(type) as GraphQLObjectType;
      return typeof object.getFields()[field].extensions?.complexity !== 'function';
    });
    expect(undeclared).toEqual([]);
  });

  it('charges plain lists their bound: nested bloc memberships are refused with 400 before any SQL', async () => {
    const fanOut = aliases(
      15,
      'party(code: "EUN") { members { party { memberOf { party { members { party { code name } } } } } } }',
    );
    const throughConnections =
      '{ party(code: "EUN") { members { party { agreements(first: 100) { edges { node { provisions(first: 80) { edges { node { text } } } } } } } } } }';
    for (const query of [fanOut, throughConnections]) {
      let status = 0;
      let body: { errors?: { extensions: { code: string; cost: number } }[] } = {};
      const statements = await countStatements(t.orm, async () => {
        const res = await post(query);
        status = res.status;
        body = res.body;
      });
      expect(status).toBe(400);
      expect(body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(body.errors?.[0].extensions.cost).toBeGreaterThan(25_000);
      expect(statements).toBe(0);
    }
  });

  it("charges a provision's text by its size: the shape that answered 5.6 MB of texts is refused, a third of it passes", async () => {
    const texts = (n: number) =>
      aliases(
        n,
        'agreements(first: 100) { edges { node { slug provisions(first: 3) { edges { node { text } } } } } }',
      );
    const refused = await post(texts(15));
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    // Per alias: 100 agreements x (edge, node, slug, and 3 texts at PROVISION_TEXT_COST with their edges and nodes).
    expect(refused.body.errors?.[0].extensions.cost).toBe(
      15 * 100 * (1 + 1 + 1 + 3 * (1 + 1 + PROVISION_TEXT_COST)),
    );
    const passes = await post(texts(3));
    expect(passes.status).toBe(200);
  });

  it('answers a query over the response size cap with RESPONSE_TOO_LARGE (400), and stops resolving', async () => {
    const query =
      '{ agreements(first: 40) { edges { node { slug provisions(first: 10) { edges { node { text summary annotations { status } } } } } } } }';
    // The rows asked for: the ids bound into the statements (agreements, then their provisions, then theirs).
    const boundIds = async (work: () => Promise<unknown>) => {
      const knex = (
        t.orm.em as unknown as {
          getKnex(): {
            on(e: string, f: (q: { bindings?: unknown[] }) => void): void;
            off(e: string, f: unknown): void;
          };
        }
      ).getKnex();
      let count = 0;
      const listener = (q: { bindings?: unknown[] }) => (count += q.bindings?.length ?? 0);
      knex.on('query', listener);
      try {
        await work();
      } finally {
        knex.off('query', listener);
      }
      return count;
    };
    let full = { status: 0, text: '' };
    const fullIds = await boundIds(async () => (full = await post(query)));
    expect(full.status).toBe(200);
    expect(full.text.length).toBeGreaterThan(20_000);
    process.env.MAX_RESPONSE_BYTES = String(Math.floor(full.text.length / 20));
    try {
      let capped = { status: 0, body: {} as { data?: unknown; errors: { extensions: { code: string } }[] } };
      const cappedIds = await boundIds(async () => (capped = await post(query)));
      expect(capped.status).toBe(400);
      expect(capped.body.data).toBeUndefined();
      expect(capped.body.errors.map((e) => e.extensions.code)).toEqual(['RESPONSE_TOO_LARGE']);
      // Past the cap no further resolver ran: the annotations of most provisions were never asked for.
      expect(cappedIds).toBeLessThan(fullIds / 2);
    } finally {
      delete process.env.MAX_RESPONSE_BYTES;
    }
  });

  it('stops the work at the time budget: 503 TIMEOUT, and no statement after it', async () => {
    process.env.REQUEST_TIMEOUT_MS = '1';
    let after = 0;
    try {
      const knex = (t.orm.em as unknown as { getKnex(): { on(e: string, f: () => void): void } }).getKnex();
      let answered = false;
      knex.on('query', () => {
        if (answered) after++;
      });
      const res = await post(
        '{ agreements(first: 20) { edges { node { provisions(first: 20) { edges { node { annotations { status } } } } } } } }',
      );
      answered = true;
      expect(res.status).toBe(503);
      expect(res.body.errors[0].extensions.code).toBe('TIMEOUT');
      // Every 503 tells the client when to try again.
      expect(res.headers['retry-after']).toBe('5');
      await new Promise((r) => setTimeout(r, 300));
    } finally {
      delete process.env.REQUEST_TIMEOUT_MS;
    }
    expect(after).toBe(0);
  });

  it('refuses a write whose time ran out while it waited under load with 503 TIMEOUT and Retry-After, and stores nothing', async () => {
    // Under bench:load's 50 connections a write waits for SQLite's one connection behind the other requests'
    // statements while the event loop runs their work; here the event loop is held past the write's deadline (so
    // the deadline's timer has not answered yet) and its first statement finds the budget spent.
    const key = await t.createKey(Role.ANNOTATOR);
    const [{ pinpoint }] = await t.orm.em
      .getConnection()
      .execute<{ pinpoint: string }[]>(
        `select a.slug || '/' || p.key as pinpoint from provision p join agreement a on a.id = p.agreement_id order by p.id limit 1`,
      );
    const service = t.app.get(AnnotationMutationsService);
    const create = service.create.bind(service);
    const spy = jest.spyOn(service, 'create').mockImplementation(async (...args) => {
      const until = Date.now() + 150;
      while (Date.now() < until); // the other requests' work
      return create(...args);
    });
    process.env.REQUEST_TIMEOUT_MS = '100';
    try {
      const res = await t
        .http()
        .post('/graphql')
        .set('Authorization', `Bearer ${key}`)
        .send({
          query: 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
          variables: { input: { pinpoint, code: 'CULTURAL_COOPERATION', note: 'late write' } },
        });
      expect({
        status: res.status,
        code: res.body.errors?.[0].extensions.code,
        retryAfter: res.headers['retry-after'],
      }).toEqual({ status: 503, code: 'TIMEOUT', retryAfter: '5' });
      await new Promise((r) => setTimeout(r, 200));
    } finally {
      delete process.env.REQUEST_TIMEOUT_MS;
      spy.mockRestore();
    }
    const stored = await t.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*) as n from annotation where note = 'late write'`);
    expect(Number(stored[0].n)).toBe(0);
  });

  it('answers a request whose time runs out before its route answers in the shape of its door', async () => {
    // The route's work outlasting the deadline without a budget check (a statement waiting for its turn): the
    // middleware's timer answers. A report's client reads the HTTP error body and a browser the explorer's page,
    // as when the route's own filter answers; both got GraphQL's `errors`.
    const late = () => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('late')), 400));
    const spies = [
      jest.spyOn(t.app.get(ReportsService), 'file').mockImplementation(late),
      jest.spyOn(t.app.get(WebGraphqlService), 'run').mockImplementation(late),
      jest.spyOn(t.app.get(WebGraphqlService), 'runKept').mockImplementation(late),
    ];
    process.env.REQUEST_TIMEOUT_MS = '100';
    try {
      const report = await t.http().get('/reports/coherence/EUN.json');
      expect({ status: report.status, body: report.body, retryAfter: report.headers['retry-after'] }).toEqual(
        {
          status: 503,
          body: {
            statusCode: 503,
            code: 'TIMEOUT',
            message: 'The request took longer than 100 ms and was abandoned',
          },
          retryAfter: '5',
        },
      );
      const page = await t.http().get('/parties/FRA').set('Accept', 'text/html,application/xhtml+xml');
      expect({ status: page.status, type: page.type }).toEqual({ status: 503, type: 'text/html' });
      expect(page.text).toContain('The request took longer than 100 ms and was abandoned');
      const pageAsJson = await t.http().get('/parties/FRA').set('Accept', 'application/json');
      expect({ status: pageAsJson.status, code: pageAsJson.body.code }).toEqual({
        status: 503,
        code: 'TIMEOUT',
      });
      await new Promise((r) => setTimeout(r, 400));
    } finally {
      delete process.env.REQUEST_TIMEOUT_MS;
      for (const spy of spies) spy.mockRestore();
    }
  });

  it('stops the statements of a request whose budget ran out in the middle of a resolver', async () => {
    // The deadline passing at the third statement of a report (one resolver, many statements in turn): the
    // request's later statements do not start, and the answer is 503 TIMEOUT.
    const knex = (
      t.orm.em as unknown as {
        getKnex(): { on(e: string, f: () => void): void; off(e: string, f: () => void): void };
      }
    ).getKnex();
    // A date of its own per request: the service keeps a report computed while its data is unchanged.
    let day = 0;
    const statementsOf = async (stopAt: number) => {
      const reportQuery = `{ coherenceReport(party: "EUN", asOf: "2024-01-${String(++day).padStart(2, '0')}") { findings { message } scores { share } } }`;
      let issued = 0;
      const listener = () => {
        const budget = currentBudget();
        if (!budget) return;
        issued++;
        if (issued === stopAt) budget.exhaust('TIMEOUT');
      };
      knex.on('query', listener);
      try {
        const res = await post(reportQuery);
        await new Promise((r) => setTimeout(r, 200));
        return { issued, res };
      } finally {
        knex.off('query', listener);
      }
    };
    const full = await statementsOf(Infinity);
    expect(full.res.status).toBe(200);
    expect(full.issued).toBeGreaterThan(5);
    const stopped = await statementsOf(3);
    expect(stopped.res.status).toBe(503);
    expect(stopped.res.body.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual([
      'TIMEOUT',
    ]);
    expect(stopped.issued).toBe(3);
  });

  it('lets a cheap read go between the statements of the request holding the turn at costly work', async () => {
    const connection = t.orm.em.getConnection();
    const statements = await statementsDuring(t.orm, async () => {
      const costly = new RequestBudget();
      costly.heavyTurn = { holders: 1, granted: Promise.resolve(), giveUp: () => undefined };
      const costlyWork = runWithBudget(costly, () =>
        Promise.all([1, 2, 3, 4, 5].map((i) => connection.execute(`select 'costly${i}' as "x"`))),
      );
      const cheapWork = runWithBudget(new RequestBudget(), () => connection.execute(`select 'cheap' as "x"`));
      await Promise.all([costlyWork, cheapWork]);
    });
    const started = statements.flatMap((sql) => /'(costly\d|cheap)'/.exec(sql)?.[1] ?? []);
    expect(started).toHaveLength(6);
    // Without the queue the cheap statement would start last, behind all five.
    expect(started.indexOf('cheap')).toBeLessThanOrEqual(1);
  });
  it('interrupts a statement in flight when the budget runs out', async () => {
    const slow =
      t.driver === 'postgresql'
        ? 'select pg_sleep(60)'
        : 'with recursive c(x) as (select 1 union all select x + 1 from c where x < 1000000000) select count(*) from c';
    const budget = new RequestBudget(60_000);
    const connection = t.orm.em.getConnection();
    const running = runWithBudget(budget, () => connection.execute(slow)).then(
      () => 'finished',
      (error: unknown) => error,
    );
    await untilRunning(slow);
    budget.exhaust('TIMEOUT');
    const outcome = await running;
    // Interrupted: the statement failed with the budget's error instead of running its minute (or billion rows).
    expect(outcome).not.toBe('finished');
    expect(outcome instanceof DomainError ? outcome.code : String((outcome as Error).message)).toMatch(
      /TIMEOUT|interrupt|cancel/i,
    );
    // The connection serves the next statement.
    expect(await t.orm.em.getConnection().execute('select 1 as one')).toEqual([{ one: 1 }]);
  });

  // The repositories' reads (`rowsOf`, the query builder's) run on SQLite as prepared statements kept per
  // connection (`database/engines/sqlite-prepared-reads.ts`): the same turns and the same interruption.
  it("queues a costly request's builder reads and lets a cheap one go between them", async () => {
    const em = t.orm.em as EntityManager;
    const read = (text: string) => rowsOf(em, em.getKnex().select(em.getKnex().raw(`'${text}' as x`)));
    const statements = await statementsDuring(t.orm, async () => {
      const costly = new RequestBudget();
      costly.heavyTurn = { holders: 1, granted: Promise.resolve(), giveUp: () => undefined };
      const costlyWork = runWithBudget(costly, () =>
        Promise.all([1, 2, 3, 4, 5].map((i) => read(`costly${i}`))),
      );
      const cheapWork = runWithBudget(new RequestBudget(), () => read('cheap'));
      expect(await costlyWork).toEqual([1, 2, 3, 4, 5].map((i) => [{ x: `costly${i}` }]));
      expect(await cheapWork).toEqual([{ x: 'cheap' }]);
    });
    const started = statements.flatMap((sql) => /'(costly\d|cheap)'/.exec(sql)?.[1] ?? []);
    expect(started).toHaveLength(6);
    expect(started.indexOf('cheap')).toBeLessThanOrEqual(1);
  });

  it('interrupts a builder read in flight when the budget runs out, and the next read of that text runs', async () => {
    const em = t.orm.em as EntityManager;
    const knex = em.getKnex();
    const slow = () =>
      t.driver === 'postgresql'
        ? knex.select(knex.raw('pg_sleep(60)'))
        : knex
            .withRecursive(
              'c',
              ['x'],
              knex.raw('select 1 union all select x + 1 from c where x < ?', [1_000_000_000]),
            )
            .from('c')
            .count('* as n');
    const budget = new RequestBudget(60_000);
    const running = runWithBudget(budget, () => rowsOf(em, slow())).then(
      () => 'finished',
      (error: unknown) => error,
    );
    await untilRunning('select pg_sleep(60)');
    budget.exhaust('TIMEOUT');
    const outcome = await running;
    expect(outcome).not.toBe('finished');
    expect(outcome instanceof DomainError ? outcome.code : String((outcome as Error).message)).toMatch(
      /TIMEOUT|interrupt|cancel/i,
    );
    // The same text again, bounded this time (SQLite: prepared anew after the interrupted one was dropped).
    const bounded =
      t.driver === 'postgresql'
        ? knex.select(knex.raw('1 as one'))
        : knex
            .withRecursive('c', ['x'], knex.raw('select 1 union all select x + 1 from c where x < ?', [3]))
            .from('c')
            .count('* as n');
    expect(await rowsOf(em, bounded)).toEqual([t.driver === 'postgresql' ? { one: 1 } : { n: 3 }]);
  });

  it('writes one DENIED audit event for a request refused on many nested fields', async () => {
    const reviewer = await t.createKey(Role.REVIEWER);
    const admin = await t.createKey(Role.ADMIN);
    const { slug } = await newAgreement(t, admin);
    const denied = async () =>
      (
        await t.gql<{ auditLog: { totalCount: number } }>(
          '{ auditLog(first: 1, filter: { outcome: DENIED }) { totalCount } }',
          {},
          { key: reviewer },
        )
      ).data!.auditLog.totalCount;
    const before = await denied();
    const res = await post(
      aliases(
        15,
        `agreement(slug: "${slug}") { history(first: 100) { edges { node { action actorKeyId requestId } } } }`,
      ),
    );
    if (res.status !== 200) console.log(res.text);
    expect(res.status).toBe(200);
    expect(res.body.errors.length).toBeGreaterThan(15);
    expect(
      res.body.errors.every((e: { extensions: { code: string } }) => e.extensions.code === 'UNAUTHENTICATED'),
    ).toBe(true);
    expect((await denied()) - before).toBe(1);
  });

  it('takes rate-limit points for the cost of an operation at its bounds before it runs, gives back what its answer did not use, and refuses cheaply', async () => {
    const worst = aliases(
      3,
      'agreements(first: 100) { edges { node { slug provisions(first: 3) { edges { node { text } } } } } }',
    );
    const key = await t.createKey(Role.ANNOTATOR);
    process.env.RATE_LIMIT_PER_KEY = '600';
    try {
      const first = await post(worst, key);
      expect(first.status).toBe(200);
      // 3 root fields (1 point each) and cost / 100 for what the answer held: the fixtures' 32 agreements, not
      // 3 x 100 with 3 texts each (20,700, 207 points, taken before it ran and given back in part).
      const spent = 600 - Number(first.headers['x-ratelimit-remaining']);
      expect(spent).toBeGreaterThan(20);
      expect(spent).toBeLessThan(150);
      // A client needs the cost at the bounds in its bucket to start one: refused while its bucket still holds
      // more than one answer's worth, but less than 207.
      let remaining = 600 - spent;
      let refused = { status: 0, headers: {} as Record<string, string>, body: {} as GraphQLResponse };
      for (let i = 0; i < 30 && refused.status !== 429; i++) {
        const res = await post(worst, key);
        if (res.status === 200) remaining = Number(res.headers['x-ratelimit-remaining']);
        else refused = res;
      }
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0].extensions.cost).toBe(20_700);
      expect(remaining).toBeLessThan(207 + 3);
      expect(remaining).toBeGreaterThanOrEqual(spent);
      const statements = await countStatements(t.orm, async () => (refused = await post(worst, key)));
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toMatch(/^\d+$/);
      expect(refused.body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
      expect(refused.body.data).toBeUndefined();
      // Refused before any resolver ran: no more statements than the cheapest request with that key.
      expect(statements).toBeLessThanOrEqual(await countStatements(t.orm, () => post('{ __typename }', key)));
    } finally {
      process.env.RATE_LIMIT_PER_KEY = '1000000';
    }
  });

  it("charges an agreements page with its parties' codes what it read, a few points, not its parties' bound", async () => {
    // bench/load's page: 2,520 at the bounds (60 parties an agreement: 26 points of an address's 300 a minute).
    const page =
      '{ agreements(first: 20, orderBy: { field: DATE_SIGNED, direction: DESC }) { totalCount edges { node { slug title dateSigned parties { party { code } } } } } }';
    const key = await t.createKey(Role.ANNOTATOR);
    process.env.RATE_LIMIT_PER_KEY = '600';
    try {
      const res = await post(page, key);
      expect(res.status).toBe(200);
      const spent = 600 - Number(res.headers['x-ratelimit-remaining']);
      expect(spent).toBeGreaterThanOrEqual(1);
      expect(spent).toBeLessThanOrEqual(5);
      // Its cost at the bounds must still be in the bucket for it to run.
      const poor = await t.createKey(Role.ANNOTATOR);
      process.env.RATE_LIMIT_PER_KEY = '20';
      const refused = await post(page, poor);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0].extensions.cost).toBe(2_520);
    } finally {
      process.env.RATE_LIMIT_PER_KEY = '1000000';
    }
  });

  it('gives no points back to an operation stopped by its budget, such as one that timed out waiting for its turn', async () => {
    const key = await t.createKey(Role.ANNOTATOR);
    const gate = t.app.get(HeavyWorkGate);
    const release = await gate.acquire(); // another request's costly work is running
    process.env.RATE_LIMIT_PER_KEY = '600';
    process.env.REQUEST_TIMEOUT_MS = '300';
    try {
      // 18,200 at the bounds: 1 point for the root field, 182 for the cost.
      const res = await post(
        '{ agreements(first: 100) { edges { node { parties { party { code name } } } } } }',
        key,
      );
      expect(res.status).toBe(503);
      expect(res.body.errors?.[0].extensions.code).toBe('TIMEOUT');
      // The bucket as the next request finds it ({ __typename } takes 1).
      const next = await post('{ __typename }', key);
      expect(next.headers['x-ratelimit-remaining']).toBe(String(600 - 182 - 1));
    } finally {
      release();
      process.env.RATE_LIMIT_PER_KEY = '1000000';
      delete process.env.REQUEST_TIMEOUT_MS;
    }
  });

  it("answers the product's pages while another request holds the turn at costly work, and makes costlier shapes wait", async () => {
    const pages = [
      // bench/load's reads
      '{ agreements(first: 20, orderBy: { field: DATE_SIGNED, direction: DESC }) { totalCount edges { node { slug title dateSigned parties { party { code } } } } } }',
      '{ agreement(slug: "eu-korea-fta") { title provisions(first: 20) { edges { node { pinpoint summary annotations { code { code } status } } } } } }',
      '{ party(code: "FRA") { name conventionStatus { inForce } agreements(first: 10) { totalCount edges { node { slug } } } } }',
      // the README's examples (12,250 for the third)
      '{ provisions(first: 20, filter: { annotations: { codes: [CULTURAL_EXEMPTION] }, agreement: { parties: ["CAN"] } }, orderBy: { field: AGREEMENT_DATE_SIGNED }) { totalCount edges { node { pinpoint articleNumber articleTitle summary agreement { shortTitle dateSigned } } } } }',
      '{ party(code: "CAN") { name developing conventionStatus { status inForce } agreements(first: 50) { totalCount edges { node { slug dateSigned status } } } } }',
      '{ agreements(first: 50, filter: { inForceOn: "2020-01-01", partyWith: { ldc: true }, annotations: { codes: [ECOMMERCE_PROVISION] } }) { totalCount edges { node { slug dateInForce parties { party { code name ldc } } } } } }',
      // bench/api's pages (3,740 and 3,160)
      '{ agreements(first: 20) { totalCount edges { cursor node { slug title dateSigned parties { party { code name } } } } } }',
      '{ provisions(first: 20) { totalCount edges { cursor node { pinpoint articleNumber articleTitle summary annotations { status confidence code { code name } } } } } }',
    ];
    const gate = t.app.get(HeavyWorkGate);
    const release = await gate.acquire(); // another request's costly work is running
    try {
      // 100 agreements with their parties' names: 18,200, 6,000 party rows at the bounds.
      const costly: { res?: Response } = {};
      const done = post(
        '{ agreements(first: 100) { edges { node { parties { party { code name } } } } } }',
      ).then((res) => (costly.res = res));
      for (const page of pages) {
        const res = await post(page);
        expect([res.status, res.body.errors]).toEqual([200, undefined]);
      }
      await new Promise((r) => setTimeout(r, 200));
      expect(costly.res).toBeUndefined();
      release();
      await done;
      expect(costly.res?.status).toBe(200);
    } finally {
      release();
    }
  });

  it('runs the worst query the limits allow, and answers a concurrent read while it runs', async () => {
    // The costliest shape that passes: 3 aliases, each just under a third of the cost limit. (How fast the
    // concurrent read is answered is measured by bench/abuse, with 5 such clients and 20 readers.)
    const worst = aliases(
      3,
      'agreements(first: 100) { edges { node { slug provisions(first: 3) { edges { node { text } } } } } }',
    );
    const heavy = post(worst);
    await new Promise((r) => setTimeout(r, 20));
    const read = await post('{ party(code: "CAN") { name } }');
    const res = await heavy;
    expect(read.status).toBe(200);
    expect(read.body.data.party.name).toBe('Canada');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data)).toHaveLength(3);
  });

  it('makes searches, reports and costly queries take turns, while cheap reads and pages never wait for themselves', async () => {
    const gate = t.app.get(HeavyWorkGate);
    const started = (request: PromiseLike<Response>) => {
      const state: { res?: Response } = {};
      const done = Promise.resolve(request).then((res) => (state.res = res));
      return { state, done };
    };
    const release = await gate.acquire(); // another request's costly work is running
    const search = started(post('{ searchProvisions(query: "cultural", first: 1) { totalCount } }'));
    const report = started(t.http().get('/reports/trends.json'));
    // A report's root field (its resolver class's points) takes a turn like its file.
    const reportField = started(
      post('{ coherenceReport(party: "EUN", asOf: "2023-06-01") { scores { share } } }'),
    );
    const read = await post('{ party(code: "CAN") { name } }');
    expect(read.body.data.party.name).toBe('Canada');
    await new Promise((r) => setTimeout(r, 200));
    expect([search.state.res, report.state.res, reportField.state.res]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    release();
    await Promise.all([search.done, report.done, reportField.done]);
    expect(reportField.state.res?.body.data.coherenceReport.scores).toBeDefined();
    expect(search.state.res?.status).toBe(200);
    expect(search.state.res?.body.data.searchProvisions.totalCount).toBeGreaterThan(0);
    expect(report.state.res?.status).toBe(200);
    // A page holding the turn runs its search in process without waiting for itself, and gives the turn back.
    const page = await t.http().get('/search?q=cultural').set('Accept', 'text/html');
    expect(page.status).toBe(200);
    expect(
      await Promise.race([
        gate.acquire().then((r) => (r(), 'free')),
        new Promise((r) => setTimeout(r, 500, 'held')),
      ]),
    ).toBe('free');
  });

  /**
   * Sends a draft check of 300 short articles (a longer draft is split and annotated on the text thread) while `slowDown` makes each call of one step take 3 ms (as in a large
   * catalogue), and probes the server once the first call has started: the check must give the event loop turns in
   * between, so the probe is answered long before the last call.
   */
  async function probeDuringDraftCheck(slowDown: (eachCall: () => void) => jest.SpyInstance): Promise<void> {
    const articles = 300;
    let calls = 0;
    let firstCall!: () => void;
    const started = new Promise<void>((resolve) => (firstCall = resolve));
    const spy = slowDown(() => {
      if (calls++ === 0) firstCall();
      for (const until = performance.now() + 3; performance.now() < until;);
    });
    try {
      const text = Array.from(
        { length: articles },
        // Under OFF_THREAD_CHARACTERS in all, so that the draft is worked on the event loop, where this is asked.
        (_, i) => `Article ${i + 1}\nThe Parties shall cooperate on films and books.`,
      ).join('\n');
      const check = t
        .http()
        .post('/graphql')
        .send({
          query:
            'query($t: String!) { checkDraft(input: { text: $t, parties: ["CAN"] }) { articles { position } } }',
          variables: { t: text },
        })
        .then((res) => res);
      await started;
      const probe = await t.http().get('/health/live');
      const callsWhenAnswered = calls;
      const res = await check;
      expect(probe.status).toBe(200);
      expect(res.body.data.checkDraft.articles).toHaveLength(articles);
      expect(calls).toBe(articles);
      // Answered while the calls went on (before: only once all of them were done).
      expect(callsWhenAnswered).toBeLessThan(articles / 2);
    } finally {
      spy.mockRestore();
    }
  }

  it('answers other clients while a draft check of many articles annotates them', async () => {
    // The rules ran over every article in one go: a 200,000-character draft of 4,000 short articles held every
    // other client 0.7 s (hostile7).
    const rule = ANNOTATOR_RULES[0];
    const original = rule.apply.bind(rule);
    await probeDuringDraftCheck((eachCall) =>
      jest.spyOn(rule, 'apply').mockImplementation((context) => {
        eachCall();
        return original(context);
      }),
    );
  });

  it('answers other clients while a draft check of many articles looks up its precedents', async () => {
    // Each article's look-up in the clause index is synchronous: 1,576 articles of a 200,000-character draft held
    // every other client for 5.8 s on the ToTA corpus.
    const original = SimilarityService.prototype.similarToText;
    await probeDuringDraftCheck((eachCall) =>
      jest.spyOn(SimilarityService.prototype, 'similarToText').mockImplementation(function (
        this: SimilarityService,
        ...args
      ) {
        eachCall();
        return original.apply(this, args);
      }),
    );
  });

  it('takes one draft check per request: aliases of checkDraft over one variable are refused before any work', async () => {
    // Fifteen aliases of a 180,000-character draft in a body of that size kept the server busy for 15 s.
    const text = 'Article 1\nThe Parties shall cooperate on films, music and books.';
    const twice = await t
      .http()
      .post('/graphql')
      .set('Accept', 'application/graphql-response+json')
      .send({
        query:
          'query($t: String!) { a: checkDraft(input: { text: $t, parties: ["CAN"] }) { codes } b: checkDraft(input: { text: $t, parties: ["CAN"] }) { codes } }',
        variables: { t: text },
      });
    expect(twice.status).toBe(400);
    expect(twice.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(twice.body.errors[0].message).toMatch(/checkDraft may be asked once per request/);
    const once = await t
      .http()
      .post('/graphql')
      .send({
        query: 'query($t: String!) { checkDraft(input: { text: $t, parties: ["CAN"] }) { codes } }',
        variables: { t: text },
      });
    expect(once.body.data.checkDraft.codes).toEqual(expect.any(Array));
  });

  it('quotes back a bounded part of what the client sent, whatever its size', async () => {
    // An unknown slug, id, party or agreement was named whole: a 900,000-character slug was answered 1.8 MB.
    const long = 'q'.repeat(100_000);
    for (const query of [
      'query($s: String!) { agreement(slug: $s) { id } }',
      'query($s: ID!) { node(id: $s) { id } }',
      'query($s: String!) { party(code: $s) { name } }',
      'query($s: String!) { coherenceReport(party: $s) { scores { share } } }',
      'query($s: String!) { compareAgreements(agreements: [$s, "nafta"]) { codes } }',
    ]) {
      const res = await t
        .http()
        .post('/graphql')
        .send({ query, variables: { s: long } });
      expect(res.text.length).toBeLessThan(3_000);
      expect(res.body.errors[0].message).toContain('qqqq');
    }
    const middle = 'q'.repeat(12_000); // within Node's header limit
    for (const path of [
      `/agreements/${middle}`,
      `/parties/${middle}`,
      `/reports/coherence/${middle}.json`,
      `/reports/compare.json?agreements=${middle},nafta`,
      `/reports/trends.json?codes=${middle}`,
    ]) {
      const res = await t.http().get(path).set('Accept', 'application/json');
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(res.text.length).toBeLessThan(3_000);
    }
  });

  it('charges a request that asks only for meta fields: a flood of them is rate-limited like any other', async () => {
    const key = await t.createKey(Role.ANNOTATOR);
    process.env.RATE_LIMIT_PER_KEY = '3';
    try {
      for (const query of ['{ __typename }', 'query { ...Meta } fragment Meta on Query { __typename }'])
        expect((await post(query, key)).status).toBe(200);
      expect((await post('{ __typename }', key)).status).toBe(200);
      const refused = await post('{ __typename }', key);
      expect(refused.status).toBe(429);
      expect(refused.body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    } finally {
      process.env.RATE_LIMIT_PER_KEY = '1000000';
    }
  });
});
