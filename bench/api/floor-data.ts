// The data of bench/api's floors: the schema of the bench's three queries and, per request, a root value whose
// nested fields load through DataLoaders over node-sqlite3, the least work that answers them from the SQLite
// file. `startFloorServer` serves it with node:http and graphql-js (`floor.ts`, and in process `layers.ts` and
// `profile-http.ts`), `stack-floor.ts` through Nest and Apollo.
import DataLoader from 'dataloader';
import { buildSchema, execute, GraphQLError, parse, validate } from 'graphql';
import { createServer, Server } from 'node:http';
import sqlite3 from 'sqlite3';
import { agreementOrder } from '../../src/agreements/repository/agreement.conditions';
import { orderTag } from '../../src/common/pagination/keyset';
import { provisionOrder } from '../../src/provisions/repository/provision.conditions';

export type Row = Record<string, unknown>;
let db: sqlite3.Database;

/** Opens the SQLite file the loaders read, read-only. */
export function openFloorDatabase(file: string): void {
  db = new sqlite3.Database(file, sqlite3.OPEN_READONLY);
}

const all = (sql: string, params: unknown[] = []) =>
  new Promise<Row[]>((ok, fail) => db.all(sql, params, (e, rows: Row[]) => (e ? fail(e) : ok(rows))));
const marks = (n: number) => `(${Array(n).fill('?').join(', ')})`;
// A cursor names its order as the service's do (a tag of the order's columns, worked out once).
const AGREEMENT_TAG = orderTag(agreementOrder(null));
const PROVISION_TAG = orderTag(provisionOrder(null));
const cursor = (tag: string, values: unknown[]) =>
  Buffer.from(JSON.stringify([tag, ...values])).toString('base64url');
const group = (keys: readonly unknown[], rows: Row[], key: string) =>
  keys.map((k) => rows.filter((r) => r[key] === k));

/** The schema of the bench's queries, as the service names their fields. */
export const FLOOR_SDL = `
  type Query { agreements(first: Int): AgreementConnection! provisions(first: Int): ProvisionConnection! }
  type AgreementConnection { totalCount: Int! edges: [AgreementEdge!]! }
  type AgreementEdge { cursor: String! node: Agreement! }
  type Agreement { slug: String! title: String! dateSigned: String parties: [AgreementParty!]!
    provisions(first: Int): ProvisionConnection! }
  type AgreementParty { party: Party! }
  type Party { code: String! name: String! }
  type ProvisionConnection { totalCount: Int! edges: [ProvisionEdge!]! }
  type ProvisionEdge { cursor: String! node: Provision! }
  type Provision { pinpoint: String! articleNumber: String articleTitle: String summary: String
    annotations: [Annotation!]! }
  type Annotation { status: String! confidence: Float code: TaxonomyCode! }
  type TaxonomyCode { code: String! name: String! }`;

/** The root value of one request: its fields load through that request's DataLoaders. */
export function loaders() {
  const parties = new DataLoader(async (ids: readonly unknown[]) =>
    group(
      ids,
      await all(
        `select ap.agreement_id, p.code, p.name from agreement_party ap join party p on p.code = ap.party_code
         where ap.agreement_id in ${marks(ids.length)} order by ap.id`,
        [...ids],
      ),
      'agreement_id',
    ).map((rows) => rows.map((party) => ({ party }))),
  );
  const annotations = new DataLoader(async (ids: readonly unknown[]) =>
    group(
      ids,
      await all(
        `select an.*, c.code, c.name from annotation an join taxonomy_code c on c.code = an.code
         where an.provision_id in ${marks(ids.length)} order by an.id`,
        [...ids],
      ),
      'provision_id',
    ).map((rows) => rows.map((r) => ({ ...r, code: { code: r.code, name: r.name } }))),
  );
  const provisionNode = (r: Row) => ({
    pinpoint: `${r.slug}/${r.key}`,
    articleNumber: r.article_number,
    articleTitle: r.article_title,
    summary: r.summary,
    annotations: () => annotations.load(r.id),
  });
  const provisionEdge = (r: Row) => ({
    cursor: cursor(PROVISION_TAG, [r.agreement_id, r.position, r.id]),
    node: provisionNode(r),
  });
  const provisionPages = new Map<number, DataLoader<unknown, object>>();
  const provisionsOf = (first: number) => {
    if (!provisionPages.has(first))
      provisionPages.set(
        first,
        new DataLoader(async (ids: readonly unknown[]) => {
          const rows = await all(
            `select * from (select pr.*, a.slug, row_number() over (partition by pr.agreement_id
               order by pr.position, pr.id) as n from provision pr join agreement a on a.id = pr.agreement_id
               where a.archived_at is null and pr.agreement_id in ${marks(ids.length)}) where n <= ${first}
             order by agreement_id, n`,
            [...ids],
          );
          let counts: Promise<Row[]> | undefined;
          return group(ids, rows, 'agreement_id').map((page, i) => ({
            edges: page.map(provisionEdge),
            totalCount: async () => {
              counts ??= all(
                `select agreement_id, count(*) as n from provision where agreement_id in ${marks(ids.length)}
                 group by agreement_id`,
                [...ids],
              );
              return (await counts).find((c) => c.agreement_id === ids[i])?.n ?? 0;
            },
          }));
        }),
      );
    return provisionPages.get(first)!;
  };
  return {
    agreements: async ({ first }: { first: number }) => ({
      totalCount: async () =>
        (await all('select count(*) as n from agreement where archived_at is null'))[0].n,
      edges: (
        await all(
          `select * from agreement where archived_at is null
           order by (date_signed is null), date_signed, id limit ?`,
          [first],
        )
      ).map((r) => ({
        cursor: cursor(AGREEMENT_TAG, [r.date_signed, r.id]),
        node: {
          slug: r.slug,
          title: r.title,
          dateSigned: r.date_signed,
          parties: () => parties.load(r.id),
          provisions: (args: { first: number }) => provisionsOf(args.first).load(r.id),
        },
      })),
    }),
    provisions: async ({ first }: { first: number }) => ({
      totalCount: async () =>
        (
          await all(
            'select count(*) as n from provision pr join agreement a on a.id = pr.agreement_id where a.archived_at is null',
          )
        )[0].n,
      edges: (
        await all(
          `select pr.*, a.slug from provision pr join agreement a on a.id = pr.agreement_id
           where a.archived_at is null order by pr.agreement_id, pr.position, pr.id limit ?`,
          [first],
        )
      ).map(provisionEdge),
    }),
  };
}

/**
 * The floor: node:http and graphql-js (parse, validate and execute on every request) over the loaders of `file`,
 * nothing else, listening on 127.0.0.1:`port` (0: any free port).
 */
export async function startFloorServer(file: string, port = 0): Promise<Server> {
  openFloorDatabase(file);
  const schema = buildSchema(FLOOR_SDL);
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', async () => {
      const { query } = JSON.parse(body) as { query: string };
      const document = parse(query);
      const errors: readonly GraphQLError[] = validate(schema, document);
      const result = errors.length ? { errors } : await execute({ schema, document, rootValue: loaders() });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}
