// The floor of bench/load: the least a server can do to answer the bench's mix (four reads and createAnnotation)
// from the same SQLite file with the same statements and the same writes. node:http, graphql-js (parse, validate,
// execute on every request), node-sqlite3 with one connection (WAL, a busy timeout, foreign keys on, as the
// service's), DataLoader for the nested lists, nothing else. What it keeps of the service's guarantees, because
// they cost SQL work the service cannot skip: the API key read by its hash (kept API_KEY_KEPT_MS, 5 s, as the
// service keeps it), a write's transaction holding the one connection (a read never sees a write half done), the
// provision locked first and read with its agreement and its annotations (every column, as the service's joined
// read), the bound on a provision's annotations and the same-annotation-twice check, the annotation's and the audit
// event's inserts (the same columns and values). What it leaves out, as no floor can be said to need: the rate
// limit, the query cost, the time budget, access rules beyond the key's role, the request log, error codes.
// `node -r ts-node/register floor.ts <sqlite file> <port>`; prints `port <n>` once listening.
import DataLoader from 'dataloader';
import { buildSchema, execute, GraphQLError, parse, validate } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import sqlite3 from 'sqlite3';
import { hashKey } from '../../src/auth/api-keys.service';
import { LIST_BOUNDS } from '../../src/common/list-cost';
import { toGlobalId } from '../../src/graphql/node/global-id';

type Row = Record<string, unknown>;
const [file, port] = [process.argv[2], Number(process.argv[3] ?? 0)];
const db = new sqlite3.Database(file);

// One connection, taken in turn: a statement outside a transaction takes it for itself, a transaction for all of
// its statements (Knex's pool of one does the same for the service).
let held: Promise<void> = Promise.resolve();
function lane<T>(work: () => Promise<T>): Promise<T> {
  const turn = held.then(work);
  held = turn.then(
    () => undefined,
    () => undefined,
  );
  return turn;
}
const allNow = (sql: string, params: unknown[] = []) =>
  new Promise<Row[]>((ok, fail) => db.all(sql, params, (e, rows: Row[]) => (e ? fail(e) : ok(rows))));
const runNow = (sql: string, params: unknown[] = []) =>
  new Promise<{ lastID: number; changes: number }>((ok, fail) =>
    db.run(sql, params, function (this: sqlite3.RunResult, e) {
      if (e) fail(e);
      else ok({ lastID: this.lastID, changes: this.changes });
    }),
  );
const all = (sql: string, params: unknown[] = []) => lane(() => allNow(sql, params));
const marks = (n: number) => `(${Array(n).fill('?').join(', ')})`;
const group = (keys: readonly unknown[], rows: Row[], key: string) =>
  keys.map((k) => rows.filter((r) => r[key] === k));

const sdl = (codes: string[]) => `
  type Query {
    agreements(first: Int, orderBy: AgreementOrder): AgreementConnection!
    agreement(slug: String!): Agreement
    provisions(first: Int, filter: ProvisionFilter): ProvisionConnection!
    party(code: String!): Party
  }
  type Mutation { createAnnotation(input: CreateAnnotationInput!): Annotation! }
  enum AgreementOrderField { DATE_SIGNED }
  enum OrderDirection { ASC DESC }
  input AgreementOrder { field: AgreementOrderField!, direction: OrderDirection! }
  enum TaxonomyCodeId { ${codes.join(' ')} }
  input ProvisionFilter { annotations: AnnotationFilter, agreement: AgreementFilter }
  input AnnotationFilter { codes: [TaxonomyCodeId!] }
  input AgreementFilter { parties: [String!] }
  input CreateAnnotationInput { pinpoint: String!, code: TaxonomyCodeId!, note: String }
  type AgreementConnection { totalCount: Int! edges: [AgreementEdge!]! }
  type AgreementEdge { node: Agreement! }
  type Agreement { slug: String! title: String! shortTitle: String dateSigned: String parties: [AgreementParty!]!
    provisions(first: Int): ProvisionConnection! }
  type AgreementParty { party: Party! }
  type Party { code: String! name: String! conventionStatus: ConventionStatus!
    agreements(first: Int): AgreementConnection! }
  type ConventionStatus { inForce: String }
  type ProvisionConnection { totalCount: Int! edges: [ProvisionEdge!]! }
  type ProvisionEdge { node: Provision! }
  type Provision { pinpoint: String! summary: String agreement: Agreement! annotations: [Annotation!]! }
  type Annotation { id: ID! status: String! code: TaxonomyCode! }
  type TaxonomyCode { code: String! }`;

// API keys by hash, kept 5 s (the service's API_KEY_KEPT_MS).
const keys = new Map<string, { row: Row | undefined; at: number }>();
async function identify(authorization: string | undefined): Promise<Row> {
  const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
  if (!token) throw new GraphQLError('no key');
  const hash = hashKey(token);
  let kept = keys.get(hash);
  if (!kept || Date.now() - kept.at > 5000) {
    kept = {
      row: (await all('select * from api_key where key_hash = ? limit 1', [hash]))[0],
      at: Date.now(),
    };
    keys.set(hash, kept);
  }
  const row = kept.row;
  if (!row || row.revoked_at !== null || !['ANNOTATOR', 'REVIEWER', 'ADMIN'].includes(row.role as string))
    throw new GraphQLError('not allowed');
  return row;
}

// The service's joined read of a provision with its agreement and its annotations: every column of the three.
const AGREEMENT_COLUMNS = [
  'id', 'created_at', 'updated_at', 'slug', 'title', 'short_title', 'kind', 'status', 'date_signed',
  'date_provisionally_applied', 'date_in_force', 'date_terminated', 'concluded_by', 'wto_rta_id', 'tota_id',
  'desta_number', 'language', 'composition', 'regions', 'source_meta', 'sources', 'fact_sources', 'record_coverage',
  'record_parts', 'origin', 'archived_at', 'archive_reason', 'version',
]; // prettier-ignore
const ANNOTATION_COLUMNS = [
  'id', 'created_at', 'updated_at', 'provision_id', 'code', 'detail', 'binding_force', 'evidence_start',
  'evidence_end', 'evidence_quote', 'origin', 'rule_id', 'propagated_from_id', 'contradicted_by_id', 'status',
  'confidence', 'note', 'party_scope', 'author', 'created_by_key_id', 'reviewed_by', 'reviewed_at', 'review_reason',
  'version',
]; // prettier-ignore
const PROVISION_WITH_ALL = `select p0.*, ${[
  ...AGREEMENT_COLUMNS.map((c) => `a1.${c} as a1__${c}`),
  ...ANNOTATION_COLUMNS.map((c) => `a2.${c} as a2__${c}`),
].join(', ')} from provision as p0 inner join agreement as a1 on p0.agreement_id = a1.id
  left join annotation as a2 on p0.id = a2.provision_id where a1.slug = ? and p0.key = ?`;
const INSERT_ANNOTATION = `insert into annotation (created_at, updated_at, provision_id, code, detail, binding_force,
  evidence_start, evidence_end, evidence_quote, origin, rule_id, propagated_from_id, contradicted_by_id, status,
  confidence, note, party_scope, author, created_by_key_id, reviewed_by, reviewed_at, review_reason)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id, version`;
const INSERT_AUDIT = `insert into audit_event (at, actor_key_id, actor_name, actor_role, action, entity_type,
  entity_id, agreement_id, before, after, outcome, reason, request_id)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id`;

async function createAnnotation(
  input: { pinpoint: string; code: string; note?: string | null },
  authorization: string | undefined,
) {
  const key = await identify(authorization);
  const slash = input.pinpoint.indexOf('/');
  if (slash < 1) throw new GraphQLError('bad pinpoint');
  const [slug, provisionKey] = [input.pinpoint.slice(0, slash), input.pinpoint.slice(slash + 1)];
  const note = input.note ?? null;
  return lane(async () => {
    await runNow('BEGIN');
    try {
      await runNow(
        'update provision set key = ? where key = ? and agreement_id in (select id from agreement where slug = ?)',
        [provisionKey, provisionKey, slug],
      );
      const rows = await allNow(PROVISION_WITH_ALL, [slug, provisionKey]);
      if (!rows.length) throw new GraphQLError('no such provision');
      if (rows[0].a1__archived_at !== null) throw new GraphQLError('archived');
      const made = rows.filter((r) => r.a2__id !== null);
      if (made.length >= LIST_BOUNDS.provisionAnnotations) throw new GraphQLError('too many annotations');
      if (
        made.some(
          (r) =>
            r.a2__code === input.code &&
            r.a2__origin === 'MANUAL' &&
            r.a2__created_by_key_id === key.id &&
            r.a2__status !== 'REJECTED' &&
            r.a2__note === note &&
            r.a2__detail === '[]' &&
            r.a2__binding_force === null &&
            r.a2__evidence_start === null &&
            r.a2__confidence === null &&
            r.a2__party_scope === null,
        )
      )
        throw new GraphQLError('made already');
      const now = Date.now();
      const [{ id, version }] = await allNow(INSERT_ANNOTATION, [
        now, now, rows[0].id, input.code, '[]', null, null, null, null, 'MANUAL', null, null, null, 'PROPOSED',
        null, note, null, key.name, key.id, null, null, null,
      ]); // prettier-ignore
      const after = JSON.stringify({
        code: input.code, detail: [], bindingForce: null, evidence: null, origin: 'MANUAL', ruleId: null,
        status: 'PROPOSED', confidence: null, note, partyScope: null, author: key.name, reviewedBy: null,
        reviewReason: null, propagatedFrom: null, contradictedBy: null, version,
      }); // prettier-ignore
      await allNow(INSERT_AUDIT, [
        Date.now(), key.id, key.name, key.role, 'annotation.create', 'Annotation', String(id), rows[0].a1__id,
        null, after, 'SUCCESS', null, randomUUID(),
      ]); // prettier-ignore
      await runNow('COMMIT');
      return { id: toGlobalId('Annotation', id as number) };
    } catch (e) {
      await runNow('ROLLBACK');
      throw e;
    }
  });
}

/** The root value of one request: its nested lists load through that request's loaders. */
function root(authorization: string | undefined) {
  const parties = new DataLoader(async (ids: readonly unknown[]) =>
    group(
      ids,
      await all(
        `select ap.id, ap.agreement_id, ap.party_code, p.code as party__code from agreement_party as ap
         left join party as p on p.code = ap.party_code where ap.agreement_id in ${marks(ids.length)}
         order by ap.id asc`,
        [...ids],
      ),
      'agreement_id',
    ).map((rows) => rows.map((r) => ({ party: { code: r.party__code } }))),
  );
  const annotations = new DataLoader(async (ids: readonly unknown[]) =>
    group(
      ids,
      await all(
        `select id, provision_id, code, status from annotation where provision_id in ${marks(ids.length)}
         order by id asc`,
        [...ids],
      ),
      'provision_id',
    ).map((rows) => rows.map((r) => ({ id: r.id, status: r.status, code: { code: r.code } }))),
  );
  const agreementsById: DataLoader<unknown, object> = new DataLoader(async (ids: readonly unknown[]) => {
    const rows = await all(`select * from agreement where id in ${marks(ids.length)}`, [...ids]);
    return ids.map((id) => agreementNode(rows.find((r) => r.id === id)!));
  });
  const provisionNode = (r: Row, slug: unknown) => ({
    pinpoint: `${slug}/${r.key}`,
    summary: r.summary,
    agreement: (): Promise<object> => agreementsById.load(r.agreement_id),
    annotations: () => annotations.load(r.id),
  });
  const agreementNode = (r: Row) => ({
    slug: r.slug,
    title: r.title,
    shortTitle: r.short_title,
    dateSigned: r.date_signed,
    parties: () => parties.load(r.id),
    provisions: async ({ first }: { first: number }) => {
      const rows = await all(
        `select * from (select pr.id, pr.agreement_id, pr.key, pr.summary, pr.agreement_id as order__0,
           pr.position as order__1, pr.id as order__2, pr.agreement_id as parent__key, row_number() over
           (partition by pr.agreement_id order by pr.agreement_id asc, pr.position asc, pr.id asc) as row__number
           from provision as pr inner join agreement as a on a.id = pr.agreement_id
           where (((a.archived_at is null))) and pr.agreement_id in (?)) as ranked where row__number <= ?
         order by parent__key asc, row__number asc`,
        [r.id, first + 1],
      );
      return { edges: rows.slice(0, first).map((p) => ({ node: provisionNode(p, r.slug) })) };
    },
  });
  return {
    agreements: async ({ first }: { first: number }) => {
      const rows = await all(
        `select a.id, a.slug, a.title, a.date_signed, a.date_signed as order__0, a.id as order__1,
           (select count(*) as n from agreement as a where ((a.archived_at is null))) as total__count
         from agreement as a where ((a.archived_at is null))
         order by (a.date_signed is null) asc, a.date_signed desc, a.id desc limit ?`,
        [first + 1],
      );
      return {
        totalCount: rows[0]?.total__count ?? 0,
        edges: rows.slice(0, first).map((r) => ({ node: agreementNode(r) })),
      };
    },
    agreement: async ({ slug }: { slug: string }) => {
      const [row] = await all('select a0.* from agreement as a0 where a0.slug = ? limit 1', [slug]);
      return row && agreementNode(row);
    },
    provisions: async ({
      first,
      filter,
    }: {
      first: number;
      filter: { annotations: { codes: string[] }; agreement: { parties: string[] } };
    }) => {
      const [p, c] = [filter.agreement.parties, filter.annotations.codes];
      const where = `(((a.archived_at is null and (a.id in (select b.agreement_id from agreement_binding as b
        where b.party_code in ${marks(p.length)}))) and ((pr.id in (select ma.provision_id from annotation as ma
        where ma.code in ${marks(c.length)} and ma.status in (?, ?))))))`;
      const params = [...p, ...c, 'ACCEPTED', 'PROPOSED'];
      const rows = await all(
        `select pr.id, pr.agreement_id, pr.key, a.id as agreement__id, a.slug as agreement__slug,
           pr.agreement_id as order__0, pr.position as order__1, pr.id as order__2,
           (select count(*) as n from provision as pr inner join agreement as a on a.id = pr.agreement_id
            where ${where}) as total__count
         from provision as pr inner join agreement as a on a.id = pr.agreement_id where ${where}
         order by pr.agreement_id asc, pr.position asc, pr.id asc limit ?`,
        [...params, ...params, first + 1],
      );
      return {
        totalCount: rows[0]?.total__count ?? 0,
        edges: rows.slice(0, first).map((r) => ({ node: provisionNode(r, r.agreement__slug) })),
      };
    },
    party: async ({ code }: { code: string }) => {
      const [row] = await all('select p0.* from party as p0 where p0.code = ? limit 1', [code]);
      return (
        row && {
          code: row.code,
          name: row.name,
          conventionStatus: { inForce: row.convention_in_force },
          agreements: async ({ first }: { first: number }) => {
            const rows = await all(
              `select * from (select a.id, a.slug, a.date_signed as order__0, a.id as order__1,
                 pa.party_code as parent__key, row_number() over (partition by pa.party_code
                 order by (a.date_signed is null) asc, a.date_signed asc, a.id asc) as row__number,
                 count(*) over (partition by pa.party_code) as total__count
                 from agreement as a inner join agreement_binding as pa on pa.agreement_id = a.id
                 where ((a.archived_at is null)) and pa.party_code in (?)) as ranked where row__number <= ?
               order by parent__key asc, row__number asc`,
              [code, first + 1],
            );
            return {
              totalCount: rows[0]?.total__count ?? 0,
              edges: rows.slice(0, first).map((r) => ({ node: { slug: r.slug } })),
            };
          },
        }
      );
    },
    createAnnotation: ({ input }: { input: { pinpoint: string; code: string; note?: string } }) =>
      createAnnotation(input, authorization),
  };
}

async function main(): Promise<void> {
  await new Promise<void>((ok, fail) =>
    db.exec('pragma journal_mode = WAL; pragma busy_timeout = 5000; pragma foreign_keys = on', (e) =>
      e ? fail(e) : ok(),
    ),
  );
  // The taxonomy's codes, read at start (the service keeps them TAXONOMY_CODE_KEPT_MS; they change only when the
  // fixtures load).
  const schema = buildSchema(sdl((await all('select code from taxonomy_code')).map((r) => String(r.code))));
  const server = createServer((req, res) => {
    if (req.method === 'GET') return void res.writeHead(req.url === '/health' ? 200 : 404).end();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', async () => {
      const { query, variables } = JSON.parse(body) as { query: string; variables?: Record<string, unknown> };
      const document = parse(query);
      const errors: readonly GraphQLError[] = validate(schema, document);
      const result = errors.length
        ? { errors }
        : await execute({
            schema,
            document,
            variableValues: variables,
            rootValue: root(req.headers.authorization),
          });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
    });
  });
  server.listen(port, '127.0.0.1', () => console.log(`port ${(server.address() as { port: number }).port}`));
}

void main();
