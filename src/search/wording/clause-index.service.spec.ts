import { EntityManager, Knex, knex } from '@mikro-orm/knex';
import { Logger } from '@nestjs/common';
import { ClauseIndexService } from './clause-index.service';

const TEXT =
  'the parties shall cooperate in the field of culture and the audiovisual sector through exchanges';

/** Builds the statements (never connects). */
const builder = knex({ client: 'better-sqlite3', useNullAsDefault: true });

/** A catalogue behind the three statements the service runs; `buildGate` holds the provision read. */
function fakeCatalogue() {
  const catalogue = { provisions: 1, buildGate: Promise.resolve(), builds: 0 };
  const execute = async (statement: Knex.QueryBuilder) => {
    const sql = statement.toQuery();
    if (sql.includes('count(*)')) return [{ n: catalogue.provisions, m: catalogue.provisions }];
    if (sql.includes('audit_event')) return [{ m: 0 }];
    // The provisions after an id, a page at a time.
    const [after, limit] = statement.toSQL().bindings as number[];
    if (after === 0) catalogue.builds += 1;
    await catalogue.buildGate;
    return Array.from({ length: Math.max(0, Math.min(limit, catalogue.provisions - after)) }, (_, i) => ({
      id: after + i + 1,
      agreement_id: 1,
      text: TEXT,
      summary: null,
    }));
  };
  // With MikroORM's query log on, reads go through the connection's `execute` (`rowsOf`), which this fake answers.
  const em = {
    config: { getLogger: () => ({ isEnabled: () => true }) },
    getConnection: () => ({ execute }),
    getKnex: () => builder,
  } as unknown as EntityManager;
  return { catalogue, service: new ClauseIndexService(em) };
}

describe('ClauseIndexService', () => {
  beforeEach(() => jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined));
  afterEach(() => jest.restoreAllMocks());

  it('rebuilds before answering while builds are quick', async () => {
    const { catalogue, service } = fakeCatalogue();
    expect((await service.get()).size).toBe(1);
    catalogue.provisions = 2;
    expect((await service.get()).size).toBe(2);
    expect(await service.get()).toBe(await service.get());
    expect(catalogue.builds).toBe(2);
  });

  it('once a build of a large catalogue was slow, answers from the index it has while the next one builds', async () => {
    const { catalogue, service } = fakeCatalogue();
    let now = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => (now += 5000));
    catalogue.provisions = 5001;
    const first = await service.get();
    expect(first.size).toBe(5001);

    let release!: () => void;
    catalogue.buildGate = new Promise((resolve) => (release = resolve));
    catalogue.provisions = 5002;
    expect(await service.get()).toBe(first);
    expect(await service.get()).toBe(first);
    expect(catalogue.builds).toBe(2);
    release();
    // The background build reads eleven pages and indexes them in slices: let it finish.
    let latest = await service.get();
    for (let turn = 0; turn < 1000 && latest === first; turn++) {
      await new Promise((resolve) => setImmediate(resolve));
      latest = await service.get();
    }
    expect(latest.size).toBe(5002);
    expect(catalogue.builds).toBe(2);
  });

  it('rebuilds a small catalogue before answering even after a slow build (a loaded machine)', async () => {
    const { catalogue, service } = fakeCatalogue();
    let now = 0;
    jest.spyOn(Date, 'now').mockImplementation(() => (now += 5000));
    expect((await service.get()).size).toBe(1);
    catalogue.provisions = 2;
    expect((await service.get()).size).toBe(2);
  });

  it('watches the catalogue on a timer that does not hold the process, and stops with the module', () => {
    const { service } = fakeCatalogue();
    const setInterval = jest.spyOn(global, 'setInterval');
    service.watch(50);
    const timer = setInterval.mock.results[0].value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    service.onModuleDestroy();
  });
});
