import { MAX_INPUT_DEPTH } from '../../src/common/text-rules';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import fc from 'fast-check';
import {
  getNamedType,
  GraphQLArgument,
  GraphQLNamedInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  GraphQLInputType,
} from 'graphql';
import { Role } from '../../src/auth/role.enum';
import { startTestApp, TestApp } from '../support/test-app';
import { propertyRuns } from '../support/property-runs';

/** What a hostile client sends: random text and bytes, NUL, lone surrogates, control bytes, prototype names. */
const hostileText = fc.oneof(
  fc.constantFrom('constructor', '__proto__', 'prototype', 'toString', 'hasOwnProperty', '..', '.', ''),
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfff',
    '\u202e',
    '\u0007\u001b[2J',
    '%00',
    '%',
    '%E0%A4%A',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 20 }),
  fc.uint8Array({ maxLength: 24 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
);

/** Bytes for a URL: random bytes percent-encoded one by one (invalid UTF-8 included), or hostile text. */
const urlPart = fc.oneof(
  fc
    .uint8Array({ minLength: 1, maxLength: 24 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
  hostileText.map((s) => encodeURIComponent(s.replace(/[\ud800-\udfff]/g, '\u0000'))),
);

/** Any JSON value for an argument, hostile strings most often. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileText },
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', 'slug', 'first'), hostileText, {
    maxKeys: 3,
  }),
);

/** A value of the argument's own type, with hostile strings wherever a string goes. */
function valueFor(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueFor(type.ofType, depth);
  if (isListType(type)) return fc.array(valueFor(type.ofType, depth + 1), { maxLength: 3 });
  const named = getNamedType(type) as GraphQLNamedInputType;
  if (isEnumType(named))
    return fc.oneof(fc.constantFrom(...named.getValues().map((v) => v.name)), hostileText);
  if (isInputObjectType(named)) {
    if (depth > 2) return fc.constant({});
    const fields = Object.values(named.getFields());
    return fc.record(Object.fromEntries(fields.map((f) => [f.name, valueFor(f.type, depth + 1)])), {
      requiredKeys: [],
    });
  }
  if (isScalarType(named) && (named.name === 'Int' || named.name === 'Float'))
    return fc.oneof(fc.integer({ min: -5, max: 200 }), fc.constant(2 ** 40));
  if (isScalarType(named) && named.name === 'Boolean') return fc.boolean();
  return fc.oneof(hostileText, fc.constantFrom('2020-01-01', '0000-01-01', '9999-12-31', 'CAN', 'ceta', '1'));
}

describe('hostile input: no 5xx on any route, parameter or GraphQL argument', () => {
  let t: TestApp;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_ADDRESS = '100000000';
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    if (saved.RATE_LIMIT_PER_ADDRESS === undefined) delete process.env.RATE_LIMIT_PER_ADDRESS;
    else process.env.RATE_LIMIT_PER_ADDRESS = saved.RATE_LIMIT_PER_ADDRESS;
  });

  /** Every GET route NestJS registered (new controllers included), as Express holds them. */
  const routes = (): string[] => {
    const express = t.app.getHttpAdapter().getInstance() as {
      router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] };
    };
    return express.router.stack
      .filter((layer) => layer.route?.methods.get)
      .map((layer) => layer.route!.path)
      .sort();
  };

  it('finds the routes from the router', () => {
    const found = routes();
    expect(found).toEqual(expect.arrayContaining(['/health', '/reports/:file', '/provisions/*pinpoint']));
  });

  it('answers every GET route, whatever its path parameters and query, with less than 500', async () => {
    for (const route of routes()) {
      await fc.assert(
        fc.asyncProperty(
          fc.array(urlPart, { minLength: 2, maxLength: 3 }),
          fc.array(
            fc.tuple(
              fc.constantFrom(
                'party',
                'agreements',
                'groupBy',
                'codes',
                'from',
                'section',
                'includeProposed',
                '__proto__',
                'constructor',
              ),
              urlPart,
            ),
            { maxLength: 3 },
          ),
          async (parts, query) => {
            let i = 0;
            const path = route
              .replace(/:(\w+)/g, () => parts[i++ % parts.length])
              .replace(/\*(\w+)/g, () => `${parts[0]}/${parts[1]}`);
            const search = query.map(([k, v]) => `${k}=${v}`).join('&');
            const url = search ? `${path}?${search}` : path;
            const res = await t.http().get(url);
            if (res.status >= 500)
              throw new Error(`GET ${url} answered ${res.status}: ${res.text.slice(0, 200)}`);
          },
        ),
        { numRuns: propertyRuns(25, 8) },
      );
    }
  }, 300_000);

  it('answers every root field of the schema, whatever its arguments, without a 5xx or an internal error', async () => {
    // A database of its own: a random mutation that passes every rule is carried out, and the tests after this one
    // write to "ceta", one of the strings it tries (a CI run with every property at its full number of runs found
    // "ceta" archived there).
    const own = await startTestApp();
    try {
      const schema = own.app.get(GraphQLSchemaHost).schema;
      // Mutations as an administrator, so that the arguments reach the rules rather than the access check.
      const admin = await own.createKey(Role.ADMIN);
      const roots = [schema.getQueryType()!, schema.getMutationType()!];
      for (const root of roots) {
        for (const field of Object.values(root.getFields())) {
          if (!field.args.length) continue;
          const operation = root === schema.getMutationType() ? 'mutation' : 'query';
          const declarations = field.args
            .map((a: GraphQLArgument) => `$${a.name}: ${String(a.type)}`)
            .join(', ');
          const passing = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
          const document = `${operation}(${declarations}) { ${field.name}(${passing}) { __typename } }`;
          const args = fc.record(
            Object.fromEntries(
              field.args.map((a) => [
                a.name,
                fc.oneof({ weight: 3, arbitrary: valueFor(a.type) }, hostileJson),
              ]),
            ),
            { requiredKeys: [] },
          );
          await fc.assert(
            fc.asyncProperty(args, async (variables) => {
              const res = await own
                .http()
                .post('/graphql')
                .set('Authorization', operation === 'mutation' ? `Bearer ${admin}` : '')
                .send({ query: document, variables });
              const codes = (res.body?.errors ?? []).map(
                (e: { extensions?: { code?: string } }) => e.extensions?.code,
              );
              if (res.status >= 500 || codes.includes('INTERNAL_SERVER_ERROR'))
                throw new Error(
                  `${field.name} ${JSON.stringify(variables)}: ${res.status} ${res.text.slice(0, 300)}`,
                );
            }),
            { numRuns: propertyRuns(12, 4) },
          );
        }
      }
    } finally {
      await own.close();
    }
  }, 300_000);

  it('refuses control characters in the free texts it stores (notes, reasons, summaries, texts), naming the field', async () => {
    // A note holding an escape sequence ("\u001b[2J" clears a terminal), a bell or C1 controls was stored and
    // exported as written (hostile8); tabs, line breaks and form feeds stay.
    const admin = await t.createKey(Role.ADMIN);
    const write = (query: string, input: Record<string, unknown>) =>
      t.gql<Record<string, unknown>>(query, { input }, { key: admin });
    const create =
      'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version } }';
    for (const [field, value] of [
      ['note', 'cleared \u001b[2J screen'],
      ['note', 'bell \u0007'],
      ['note', 'c1 \u0085 \u009b'],
    ] as const) {
      const refused = await write(create, {
        pinpoint: 'ceta/art-16.1',
        code: 'CULTURAL_COOPERATION',
        [field]: value,
      });
      expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].message).toMatch(
        new RegExp(`input\\.${field}.*control or bidirectional-override characters \\(U\\+00`),
      );
    }
    const kept = await write(create, {
      pinpoint: 'ceta/art-16.1',
      code: 'CULTURAL_COOPERATION',
      note: 'line one\n\tline two\r\n\fpage two',
    });
    expect(kept.errors).toBeUndefined();
    const added = await write(
      'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
      { agreement: 'ceta', key: 'h8-control', location: 'OPERATIVE', text: 'Films \u001b[31m.' },
    );
    expect(added.errors?.[0].message).toMatch(
      /input\.text: must not contain control or bidirectional-override characters \(U\+001B at position 6\)/,
    );
    const summary = await write(
      'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
      {
        agreement: 'ceta',
        key: 'h8-control',
        location: 'OPERATIVE',
        summary: 'A backspace \u0008 summary',
      },
    );
    expect(summary.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const { id, version } = kept.data!.createAnnotation as { id: string; version: number };
    const review = await t.gql(
      'mutation($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { status } }',
      { input: { id, version, decision: 'REJECT', reason: 'no \u001b]0;owned\u0007' } },
      { key: await t.createKey(Role.REVIEWER) },
    );
    expect(review.errors?.[0].message).toMatch(/input\.reason: must not contain control or bidirectional/);
  });

  it('refuses bidirectional embeddings, overrides and isolates in the free texts it stores, and control characters in an archive reason', async () => {
    // U+202E in a note or reason was stored and shown as written: the page and the CSV then read its text backwards
    // ("approved \u202edevorppa ton" reads "approved not approved"), a spoof. Titles refused them already; an
    // archive's reason also took control characters (hostile9).
    const admin = await t.createKey(Role.ADMIN);
    const write = (query: string, input: Record<string, unknown>) =>
      t.gql<Record<string, unknown>>(query, { input }, { key: admin });
    const create =
      'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version } }';
    for (const [character, at] of [
      ['\u202a', 'U+202A'],
      ['\u202b', 'U+202B'],
      ['\u202c', 'U+202C'],
      ['\u202d', 'U+202D'],
      ['\u202e', 'U+202E'],
      ['\u2066', 'U+2066'],
      ['\u2067', 'U+2067'],
      ['\u2068', 'U+2068'],
      ['\u2069', 'U+2069'],
    ]) {
      const refused = await write(create, {
        pinpoint: 'ceta/art-16.1',
        code: 'CULTURAL_COOPERATION',
        note: `approved ${character}devorppa ton`,
      });
      expect(refused.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0].message).toMatch(
        new RegExp(
          `input\\.note: must not contain control or bidirectional-override characters \\(${at.replace('+', '\\+')} at position 9\\)`,
        ),
      );
    }
    // Marks that give a direction without reordering anything (U+200E, U+200F) and joiners stay.
    const kept = await write(create, {
      pinpoint: 'ceta/art-16.1',
      code: 'CULTURAL_COOPERATION',
      note: 'سلام\u200f (CETA)\u200e',
    });
    expect(kept.errors).toBeUndefined();
    const summary = await write(
      'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
      { agreement: 'ceta', key: 'h9-bidi', location: 'OPERATIVE', summary: 'Films \u2067mlif' },
    );
    expect(summary.errors?.[0].message).toMatch(/input\.summary: must not contain control or bidirectional/);
    const { id, version } = kept.data!.createAnnotation as { id: string; version: number };
    const review = await t.gql(
      'mutation($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { status } }',
      { input: { id, version, decision: 'REJECT', reason: 'wrong \u202eton' } },
      { key: await t.createKey(Role.REVIEWER) },
    );
    expect(review.errors?.[0].message).toMatch(/input\.reason: must not contain control or bidirectional/);
    const agreement = await t.gql<{ agreement: { version: number } }>(
      '{ agreement(slug: "ceta") { version } }',
      {},
      { key: admin },
    );
    for (const reason of ['superseded \u202edecedesrepus', 'cleared \u001b[2J screen']) {
      const archived = await write(
        'mutation($input: ArchiveAgreementInput!) { archiveAgreement(input: $input) { slug } }',
        { slug: 'ceta', version: agreement.data!.agreement.version, reason },
      );
      expect(archived.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(archived.errors?.[0].message).toMatch(
        /input\.reason: must not contain control or bidirectional/,
      );
    }
  });

  it('refuses a list argument too long to become a statement, naming it, instead of an internal error', async () => {
    // 70,000 values: more parameters than SQLite (32,766) or PostgreSQL (65,535) takes in one statement.
    const many = (value: (i: number) => string) => Array.from({ length: 70_000 }, (_, i) => value(i));
    const cases: [string, Record<string, unknown>, string][] = [
      [
        'query($v: [String!]) { agreements(filter: { slugs: $v }) { totalCount } }',
        { v: many((i) => `s${i}`) },
        'filter.slugs',
      ],
      [
        'query($v: [String!]) { agreements(filter: { parties: $v }) { totalCount } }',
        { v: many(() => 'CAN') },
        'filter.parties',
      ],
      [
        'query($v: [String!]) { parties(filter: { codes: $v }) { totalCount } }',
        { v: many(() => 'CAN') },
        'filter.codes',
      ],
      [
        'query($v: [String!]) { provisions(filter: { languages: $v }) { totalCount } }',
        { v: many(() => 'en') },
        'filter.languages',
      ],
      [
        'query($v: [String!]) { party(code: "FRA") { agreements(filter: { slugs: $v }) { totalCount } } }',
        { v: many((i) => `s${i}`) },
        'filter.slugs',
      ],
    ];
    for (const [query, variables, field] of cases) {
      const res = await t.gql(query, variables);
      const error = res.errors?.[0];
      expect({ query, code: error?.extensions.code, fields: error?.extensions.fields }).toEqual({
        query,
        code: 'BAD_USER_INPUT',
        fields: [{ field, message: 'holds 70,000 values, more than the 1,000 allowed' }],
      });
    }
    const allowed = await t.gql('query($v: [String!]) { agreements(filter: { slugs: $v }) { totalCount } }', {
      v: many((i) => `s${i}`).slice(0, 1000),
    });
    expect(allowed.errors).toBeUndefined();
  });

  it('answers hostile bodies and literals on /graphql without a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (a, b) => {
        const literal = JSON.stringify(a);
        for (const body of [
          { query: a },
          { query: `{ agreement(slug: ${literal}) { slug } }` },
          { query: `{ party(code: ${literal}) { code } }` },
          { query: '{ taxonomy { code } }', operationName: a },
          { query: '{ taxonomy { code } }', variables: { [b]: a } },
          { query: '{ taxonomy { code } }', extensions: { [b]: a } },
        ]) {
          const res = await t.http().post('/graphql').send(body);
          if (res.status >= 500)
            throw new Error(`${JSON.stringify(body)}: ${res.status} ${res.text.slice(0, 200)}`);
        }
      }),
      { numRuns: propertyRuns(40, 10) },
    );
  });

  it('refuses a body nested deeper than any input, naming where, instead of overflowing the stack', async () => {
    // 400,000 nested lists fit in 800 kB: the input check walked them one call per level and answered 500.
    const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;
    const draft = await t
      .http()
      .post('/draft-check')
      .set('Content-Type', 'application/json')
      .send(`{"text": ${deep(400_000)}, "parties": ["CAN"]}`);
    expect(draft.status).toBe(400);
    expect(draft.body).toMatchObject({
      code: 'BAD_USER_INPUT',
      message: expect.stringContaining(
        `nests lists or objects more than ${MAX_INPUT_DEPTH} levels deep; no input is that deep`,
      ) as string,
    });
    expect(draft.body.message.length).toBeLessThan(2100);
    // A shallow list where a text belongs is still named as such by the checker.
    const shallow = await t
      .http()
      .post('/draft-check')
      .set('Content-Type', 'application/json')
      .send(`{"text": ${deep(3)}, "parties": ["CAN"]}`);
    expect(shallow.status).toBe(400);
    expect(shallow.body.message).not.toContain('levels deep');
  });
});
