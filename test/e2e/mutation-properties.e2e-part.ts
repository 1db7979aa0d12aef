import { createHash } from 'node:crypto';
import fc from 'fast-check';
import {
  GraphQLEnumType,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLList,
  GraphQLNonNull,
  GraphQLScalarType,
  GraphQLSchema,
} from 'graphql';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { Role } from '../../src/auth/role.enum';
import { newAnnotation } from '../support/mutation-catalogue';
import { startTestApp, TestApp } from '../support/test-app';
import { propertyRuns } from '../support/property-runs';

const TABLES = [
  'agreement',
  'agreement_party',
  'agreement_type',
  'agreement_relation',
  'provision',
  'annotation',
  'audit_event',
];

/** Known identifiers, so that random inputs also reach the checks behind the lookups. */
interface Known {
  slugs: string[];
  pinpoints: string[];
  annotationIds: string[];
}

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary', maxLength: 50 }),
  fc.constantFrom(
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    "'; drop table agreement; --",
    '%_\\',
    '<script>x</script>',
    'ceta/art-1',
  ),
  fc.string({ minLength: 3000, maxLength: 5000 }),
);
const nastyInt = fc.oneof(fc.integer(), fc.constantFrom(0, -1, 1, 2 ** 31 - 1, -(2 ** 31)));

function arbitraryFor(type: GraphQLInputType, field: string, known: Known, depth = 0): fc.Arbitrary<unknown> {
  if (type instanceof GraphQLNonNull) return arbitraryFor(type.ofType, field, known, depth);
  const nullable = (a: fc.Arbitrary<unknown>) =>
    fc.oneof({ weight: 5, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) });
  if (type instanceof GraphQLList)
    return nullable(fc.array(arbitraryFor(type.ofType, field, known, depth + 1), { maxLength: 4 }));
  if (type instanceof GraphQLEnumType)
    return nullable(fc.constantFrom(...type.getValues().map((v) => v.name)));
  if (type instanceof GraphQLInputObjectType) {
    if (depth > 3) return fc.constant(null);
    const fields = type.getFields();
    const record: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [name, f] of Object.entries(fields))
      record[name] = arbitraryFor(f.type, name, known, depth + 1);
    return fc.record(record, {
      requiredKeys: Object.keys(fields).filter((k) => fields[k].type instanceof GraphQLNonNull),
    });
  }
  const scalar = (type as GraphQLScalarType).name;
  if (field === 'slug' || field === 'agreement')
    return fc.oneof(fc.constantFrom(...known.slugs), nastyString);
  if (field === 'pinpoint') return fc.oneof(fc.constantFrom(...known.pinpoints), nastyString);
  if (field === 'id')
    return fc.oneof(fc.constantFrom(...known.annotationIds), fc.integer().map(String), nastyString);
  if (field === 'version') return fc.oneof(fc.constantFrom(1, 2, 3), nastyInt);
  switch (scalar) {
    case 'Int':
      return nullable(nastyInt);
    case 'Float':
      return nullable(
        fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, 0.5, 1, -1, 2)),
      );
    case 'Boolean':
      return nullable(fc.boolean());
    case 'LocalDate':
      return nullable(
        fc.oneof(
          fc.constantFrom('2020-01-01', '1999-12-31', '2999-01-01', '2013-13-45', '2013-02-30', 'yesterday'),
          nastyString,
        ),
      );
    case 'URL':
      return nullable(
        fc.oneof(fc.webUrl(), fc.constantFrom('ftp://x', 'javascript:alert(1)', 'not a url'), nastyString),
      );
    default:
      return nullable(nastyString);
  }
}

async function fingerprint(t: TestApp): Promise<string> {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    // A refusal is recorded (a DENIED audit event: "refused attempts are recorded too"); the data is what must not move.
    const where = table === 'audit_event' ? ` where "outcome" <> 'DENIED'` : '';
    const rows = await t.orm.em.fork().getConnection().execute(`select * from "${table}"${where} order by 1`);
    hash.update(table).update(JSON.stringify(rows));
  }
  return hash.digest('hex');
}

describe('mutations under random input (fast-check)', () => {
  let t: TestApp;
  let admin: string;
  let known: Known;
  let schema: GraphQLSchema;
  const counts = { rejected: 0, accepted: 0 };

  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_KEY = '100000';
    t = await startTestApp();
    admin = await t.createKey(Role.ADMIN);
    const annotation = await newAnnotation(t, admin, admin);
    const res = await t.gql<{
      provisions: { edges: { node: { pinpoint: string; agreement: { slug: string } } }[] };
    }>('{ provisions(first: 20) { edges { node { pinpoint agreement { slug } } } } }');
    const nodes = res.data!.provisions.edges.map((e) => e.node);
    known = {
      slugs: [...new Set(nodes.map((n) => n.agreement.slug))],
      pinpoints: nodes.map((n) => n.pinpoint),
      annotationIds: [annotation.id, '1', '2'],
    };
    schema = t.app.get(GraphQLSchemaHost).schema;
  });
  afterAll(async () => {
    delete process.env.RATE_LIMIT_PER_KEY;
    console.log(`random mutations: ${counts.rejected} rejected, ${counts.accepted} accepted`);
    await t.close();
  });

  it('never answers INTERNAL_SERVER_ERROR, and a rejected request leaves the database as it was', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(11);
    for (const mutation of mutations) {
      const argument = mutation.args.find((a) => a.name === 'input')!;
      const typeName = (argument.type as GraphQLNonNull<GraphQLInputObjectType>).ofType.name;
      const document = `mutation($input: ${typeName}!) { ${mutation.name}(input: $input) { __typename } }`;
      await fc.assert(
        fc.asyncProperty(arbitraryFor(argument.type, 'input', known), async (input) => {
          const before = await fingerprint(t);
          const res = await t
            .http()
            .post('/graphql')
            .set('Authorization', `Bearer ${admin}`)
            .send({ query: document, variables: { input } });
          const codes = (res.body.errors ?? []).map(
            (e: { extensions?: { code?: string } }) => e.extensions?.code,
          );
          expect({
            mutation: mutation.name,
            status: res.status < 500,
            internal: codes.includes('INTERNAL_SERVER_ERROR'),
          }).toEqual({
            mutation: mutation.name,
            status: true,
            internal: false,
          });
          for (const code of codes) expect(code).toEqual(expect.any(String));
          if (codes.length) {
            counts.rejected++;
            expect(await fingerprint(t)).toBe(before);
          } else counts.accepted++;
        }),
        {
          numRuns: propertyRuns(40, 10),
          seed: Number(process.env.PROPERTY_SEED ?? 20261129),
        },
      );
    }
  }, 300_000);
});
