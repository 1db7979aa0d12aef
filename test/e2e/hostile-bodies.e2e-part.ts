import { brotliCompressSync, gzipSync } from 'node:zlib';
import { ApiKey } from '../../src/auth/api-key.entity';
import { Role } from '../../src/auth/role.enum';
import { cliInProcess } from '../support/cli-in-process';
import { overBacktrackLimit } from '../support/regexp-backtracks';
import { startTestApp, TestApp } from '../support/test-app';

type Errors = { errors?: { message: string; extensions: { code: string } }[] };

/**
 * What hostile21 found: compressed bodies refused in zlib's words; a provision of one long run of letters that held
 * the event loop (the OCR repair's pattern); a line break before a formula in a CSV cell; `keys revoke` reading
 * "0x1" or "1e0" as key 1.
 */
describe('hostile bodies: compressed bodies, long runs of letters, line breaks in CSV cells, key ids', () => {
  let t: TestApp;
  let editor: string;
  const saved = process.env.RATE_LIMIT_PER_KEY;
  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_KEY = '1000000';
    t = await startTestApp();
    editor = await t.createKey(Role.EDITOR, 'editor');
  });
  afterAll(async () => {
    await t.close();
    if (saved === undefined) delete process.env.RATE_LIMIT_PER_KEY;
    else process.env.RATE_LIMIT_PER_KEY = saved;
  });

  // superagent would serialise a Buffer sent as JSON (`{"type":"Buffer",...}`): the bytes go as they are.
  const post = (path: string, encoding: string, body: Buffer) =>
    t
      .http()
      .post(path)
      .set('Content-Type', 'application/json')
      .set('Content-Encoding', encoding)
      .serialize(((bytes: Buffer) => bytes) as unknown as (body: unknown) => string)
      .send(body);
  const messageOf = (res: { body: Errors & { message?: string } }) =>
    res.body.errors?.[0]?.message ?? res.body.message;

  it('names a compressed body that is too large once decompressed, not what it says, or encoded twice', async () => {
    const query = Buffer.from(JSON.stringify({ query: '{ __typename }' }));
    const bomb = gzipSync(Buffer.alloc(10_000_000));
    expect(bomb.length).toBeLessThan(20_000);
    for (const path of ['/graphql', '/draft-check']) {
      const cases: [string, Buffer, number, string][] = [
        ['gzip', bomb, 413, 'the body is larger than 1mb (BODY_LIMIT), once decompressed'],
        ['br', brotliCompressSync(Buffer.alloc(10_000_000)), 413, 'once decompressed'],
        ['gzip', query, 400, 'the body is not valid gzip data, as its Content-Encoding says'],
        ['deflate', gzipSync(query), 400, 'the body is not valid deflate data'],
        ['br', query, 400, 'the body is not valid br data'],
        [
          'gzip, gzip',
          gzipSync(gzipSync(query)),
          415,
          'a body may be compressed once, as gzip, deflate or br',
        ],
        ['x-gzip', gzipSync(query), 415, 'unsupported content encoding "x-gzip"'],
      ];
      for (const [encoding, body, status, words] of cases) {
        const res = await post(path, encoding, body);
        expect([path, encoding, res.status]).toEqual([path, encoding, status]);
        expect(messageOf(res)).toContain(words);
      }
    }
    // A body compressed as it says is read.
    const read = await post('/graphql', 'gzip', gzipSync(query));
    expect(read.body).toEqual({ data: { __typename: 'Query' } });
  });

  it('stores a provision of 200,000 characters of one run of letters, no pattern going back over the run', async () => {
    // The OCR repair of the search index went back over the run from each letter: 100,000 letters held the event
    // loop 37 s, and the write was answered TIMEOUT.
    // Counted, not timed (a bound of 15 s): every pattern the write runs is run again, stopped past 256 backtracks a
    // character; the OCR repair's old pattern made 75,000 a character of 2,000 letters, more the longer.
    const text = `${'A'.repeat(199_990)} wh1ch`;
    const { answer: res, over } = await overBacktrackLimit(256, () =>
      t.gql<{ addProvision: { key: string } }>(
        'mutation($input: AddProvisionInput!) { addProvision(input: $input) { key } }',
        { input: { agreement: 'aanzfta', key: 'art-long-run', location: 'OPERATIVE', text } },
        { key: editor },
      ),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.addProvision.key).toBe('art-long-run');
    expect(over).toEqual([]);
  }, 120_000);

  it('puts the apostrophe after a line break or a tab that a formula follows, in the exports lines', async () => {
    const text = 'Films and music.\n=HYPERLINK("http://example.org","x")\r\n@SUM(A1)\t=2+2';
    const res = await t.gql(
      'mutation($input: AddProvisionInput!) { addProvision(input: $input) { key } }',
      { input: { agreement: 'aanzfta', key: 'art-formula-lines', location: 'OPERATIVE', text } },
      { key: editor },
    );
    expect(res.errors).toBeUndefined();
    const neutralised = `"Films and music.\n'=HYPERLINK(""http://example.org"",""x"")\r\n'@SUM(A1)\t'=2+2"`;
    // The exports' lines are written by the database (LineSql); the report and page CSVs' rule is render-csv.spec's.
    const exported = await t.http().get('/exports/provisions.csv?agreement.slugs=aanzfta').buffer(true);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain(neutralised);
  });

  it('keys revoke takes a key id of plain digits only, and revokes no key for anything else', async () => {
    await t.createKey(Role.EDITOR, 'kept');
    const kept = await t.orm.em.fork().findOneOrFail(ApiKey, { name: 'kept' });
    const id = String(kept.id);
    for (const typed of [
      `${id}e0`,
      `0x${kept.id.toString(16)}`,
      `${id}.0`,
      `+${id}`,
      `0${id}`,
      '12abc',
      '',
      '2147483648',
    ]) {
      const run = await cliInProcess(['keys', 'revoke', typed], { LOG_LEVEL: 'silent' });
      expect([typed, run.status]).toEqual([typed, 2]);
      expect(run.stderr).toContain(
        "keys revoke: the key's id is a number of plain digits from 1 to 2147483647",
      );
      expect(run.stderr).not.toContain('select');
    }
    expect((await t.orm.em.fork().findOneOrFail(ApiKey, { id: kept.id })).revokedAt).toBeNull();
    const revoked = await cliInProcess(['keys', 'revoke', id], { LOG_LEVEL: 'silent' });
    expect([revoked.status, revoked.stdout.trim()]).toEqual([0, `Key ${id} (kept) is revoked.`]);
  });
});
