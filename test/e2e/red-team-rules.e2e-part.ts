import { EntityManager } from '@mikro-orm/knex';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agreement } from '../../src/agreements/agreement.entity';
import { Role } from '../../src/auth/role.enum';
import { ExportService } from '../../src/ingest/export.service';
import { newAgreement, newAnnotation, newProvision } from '../support/mutation-catalogue';
import { startTestApp, TestApp } from '../support/test-app';
import { importers } from '../../src/ingest/importers';
import { AgreementRecordWriter } from '../../src/ingest/agreement-record.writer';
import { parseAgreementRecord } from '../../src/agreements/agreement-record.schema';
import { PartyRole } from '../../src/agreements/agreement.enums';
import { writeAgreementsFile } from '../support/agreements-file';
import { bodyBytes } from '../support/download-readers';

const SAMPLE_TOTA = join(__dirname, '..', 'fixtures', 'tota', 'sample_1.xml');

/** The red-team pass's holes in the rules: four eyes, keys, archived agreements, key ids, links, titles, dates. */
describe('red team: the rules hold for hostile and unlucky users', () => {
  let t: TestApp;
  let admin: string;
  let dir: string;
  const saved = { ...process.env };
  const em = () => t.orm.em.fork() as EntityManager;
  beforeAll(async () => {
    process.env.RATE_LIMIT_PER_KEY = '1000000';
    process.env.PUBLIC_URL = 'https://clauses.example.org';
    t = await startTestApp();
    admin = await t.createKey(Role.ADMIN, 'admin');
    dir = mkdtempSync(join(tmpdir(), 'ct-red-team-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
    for (const key of ['RATE_LIMIT_PER_KEY', 'PUBLIC_URL']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });
  const codeOf = (r: { errors?: { extensions: { code: string } }[] }) =>
    r.errors?.[0]?.extensions.code ?? 'OK';

  describe('four eyes', () => {
    const review = (key: string, id: string, version: number) =>
      t.gql(
        'mutation($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { status version } }',
        { input: { id, version, decision: 'ACCEPT' } },
        { key },
      );
    const withdraw = (key: string, id: string, version: number) =>
      t.gql(
        'mutation($input: WithdrawAnnotationInput!) { withdrawAnnotation(input: $input) { id } }',
        { input: { id, version } },
        { key },
      );

    it('a reviewer cannot accept its own annotation; another reviewer can', async () => {
      const reviewer = await t.createKey(Role.REVIEWER);
      const other = await t.createKey(Role.REVIEWER);
      const { id, version } = await newAnnotation(t, reviewer, admin);
      const own = await review(reviewer, id, version);
      expect(codeOf(own)).toBe('FORBIDDEN');
      // The annotation named by the id the client knows, not by the database's number.
      expect(own.errors![0].message).toBe(`annotation ${id} is yours: another reviewer must accept it`);
      const accepted = await review(other, id, version);
      expect(accepted.errors).toBeUndefined();
    });

    it('withdrawing an accepted annotation needs a reviewer', async () => {
      const annotator = await t.createKey(Role.ANNOTATOR);
      const reviewer = await t.createKey(Role.REVIEWER);
      const { id, version } = await newAnnotation(t, annotator, admin);
      const accepted = await review(reviewer, id, version);
      const next = (accepted.data as { reviewAnnotation: { version: number } }).reviewAnnotation.version;
      const refused = await withdraw(annotator, id, next);
      expect(codeOf(refused)).toBe('FORBIDDEN');
      expect(refused.errors![0].message).toBe(
        `annotation ${id} was accepted: withdrawing it needs a REVIEWER`,
      );
      const other = await t.createKey(Role.ANNOTATOR);
      const notYours = await t.gql(
        'mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { id } }',
        { input: { id, version: next, note: 'mine now' } },
        { key: other },
      );
      expect(notYours.errors![0].message).toBe(
        `you may edit only the annotations you created (annotation ${id} is not yours)`,
      );
      expect(codeOf(await withdraw(reviewer, id, next))).toBe('OK');
    });
  });

  it('takes provision keys only as safe path segments', async () => {
    const { slug } = await newAgreement(t, admin);
    const add = (key: string) =>
      t.gql(
        'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
        { input: { agreement: slug, key, location: 'OPERATIVE', text: 'Some text.' } },
        { key: admin },
      );
    for (const key of [
      'art-2/../../../reports/trends.html',
      '..',
      'art-2//x',
      'art-2/',
      '/art-2',
      'Art_2',
      'a..b',
    ])
      expect([key, codeOf(await add(key))]).toEqual([key, 'BAD_USER_INPUT']);
    for (const key of ['art-2', 'protocol-iii/art-2.1'])
      expect([key, codeOf(await add(key))]).toEqual([key, 'OK']);
  });

  it('leaves archived agreements out of search and refuses new annotations on them', async () => {
    const annotator = await t.createKey(Role.ANNOTATOR);
    const { pinpoint } = await newProvision(t, admin);
    const slug = pinpoint.split('/')[0];
    const search = async () =>
      (
        await t.gql<{ searchProvisions: { edges: { node: { pinpoint: string } }[] } }>(
          '{ searchProvisions(query: "cultural industries", first: 100) { edges { node { pinpoint } } } }',
        )
      ).data!.searchProvisions.edges.map((e) => e.node.pinpoint);
    const listed = async () =>
      (
        await t.gql<{ provisions: { edges: { node: { pinpoint: string } }[] } }>(
          '{ provisions(first: 100, orderBy: { field: AGREEMENT_DATE_SIGNED, direction: DESC }) { edges { node { pinpoint } } } }',
        )
      ).data!.provisions.edges.map((e) => e.node.pinpoint);
    expect(await search()).toContain(pinpoint);
    const version = (await em().findOneOrFail(Agreement, { slug })).version;
    const archived = await t.gql(
      'mutation($input: ArchiveAgreementInput!) { archiveAgreement(input: $input) { slug } }',
      { input: { slug, version, reason: 'duplicate record' } },
      { key: admin },
    );
    expect(archived.errors).toBeUndefined();
    expect(await search()).not.toContain(pinpoint);
    expect(await listed()).not.toContain(pinpoint);
    const annotate = await t.gql(
      'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
      { input: { pinpoint, code: 'CULTURAL_EXEMPTION' } },
      { key: annotator },
    );
    expect(codeOf(annotate)).toBe('CONFLICT');
  });

  it('shows key ids to reviewers only, everywhere in the schema', async () => {
    const annotator = await t.createKey(Role.ANNOTATOR);
    const reviewer = await t.createKey(Role.REVIEWER);
    const { id } = await newAnnotation(t, annotator, admin);
    for (const field of ['createdByKeyId', 'history { actorKeyId }']) {
      const query = `{ annotation(id: "${id}") { ${field} } }`;
      expect([field, codeOf(await t.gql(query))]).toEqual([field, 'UNAUTHENTICATED']);
      expect([field, codeOf(await t.gql(query, {}, { key: annotator }))]).toEqual([field, 'FORBIDDEN']);
      expect([field, codeOf(await t.gql(query, {}, { key: reviewer }))]).toEqual([field, 'OK']);
    }
  });

  it('links XLSX cells to PUBLIC_URL, whatever Host the client sends', async () => {
    const res = await t
      .http()
      .get('/reports/coherence/CAN.xlsx')
      .set('Host', 'evil.example.com')
      .buffer(true)
      .parse(bodyBytes);
    expect(res.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body as never);
    const links: string[] = [];
    book.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const link = (cell.value as { hyperlink?: string } | null)?.hyperlink;
          if (link) links.push(link);
        }),
      ),
    );
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.startsWith('https://clauses.example.org/'))).toBe(true);
  });

  it('takes titles trimmed, not blank, without control, invisible or bidirectional-override characters; dates 1800..today+50y', async () => {
    const create = (title: string, dateSigned = '2020-01-01') =>
      t.gql<{ createAgreement: { title: string } }>(
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { title } }',
        {
          input: {
            slug: `titled-${Math.random().toString(36).slice(2, 10)}`,
            title,
            kind: 'BILATERAL',
            status: 'SIGNED',
            dateSigned,
            parties: [{ code: 'CAN' }, { code: 'HND' }],
          },
        },
        { key: admin },
      );
    for (const bad of [
      '   ',
      'Treaty\u202eytaerT',
      'Line\u0007bell',
      'Half \ud800 a pair',
      'Tab\there',
      'CE\u200bTA',
      'CE\ufeffTA',
      'CE\u2060TA',
    ])
      expect([bad, codeOf(await create(bad))]).toEqual([bad, 'BAD_USER_INPUT']);
    const ok = await create('  Canada - Testland FTA  ');
    expect(codeOf(await create('\u0645\u06cc\u200c\u0634\u0648\u062f'))).toBe('OK'); // a zero-width non-joiner, as Persian writes it
    expect(ok.data?.createAgreement.title).toBe('Canada - Testland FTA');
    expect(codeOf(await create('Old treaty', '0000-01-01'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create('Old treaty', '1799-12-31'))).toBe('BAD_USER_INPUT');
    expect(codeOf(await create('Old treaty', '1800-01-01'))).toBe('OK');
  });

  it('takes article, chapter and section numbers and external ids as it takes titles: no control, invisible or bidirectional-override characters', async () => {
    // They are shown beside the titles ("Art. 18.10", `desta:12` in the exports) and matched by the article-number
    // filter: "1\u202e2" showed as "Art. 21", and "18.\u200b10" looked like 18.10 but was never found as it.
    const fieldsOf = (response: { errors?: { extensions?: Record<string, unknown> }[] }) =>
      ((response.errors?.[0]?.extensions?.fields ?? []) as { field: string }[]).map((f) => f.field);
    const agreement = (extra: Record<string, unknown>) =>
      t.gql(
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
        {
          input: {
            slug: `numbered-${Math.random().toString(36).slice(2, 10)}`,
            title: 'Numbered agreement',
            kind: 'BILATERAL',
            status: 'SIGNED',
            ...extra,
          },
        },
        { key: admin },
      );
    expect(fieldsOf(await agreement({ destaNumber: '12\u0007' }))).toEqual(['input.destaNumber']);
    expect(fieldsOf(await agreement({ wtoRtaId: '\u202e321' }))).toEqual(['input.wtoRtaId']);
    expect(codeOf(await agreement({ destaNumber: '12', wtoRtaId: '321' }))).toBe('OK');
    const { slug } = await newAgreement(t, admin);
    const provision = (extra: Record<string, unknown>) =>
      t.gql(
        'mutation($input: AddProvisionInput!) { addProvision(input: $input) { articleNumber } }',
        {
          input: {
            agreement: slug,
            key: `art-${Math.random().toString(36).slice(2, 10)}`,
            location: 'OPERATIVE',
            summary: 'A numbered article.',
            ...extra,
          },
        },
        { key: admin },
      );
    expect(fieldsOf(await provision({ articleNumber: '1\u202e2' }))).toEqual(['input.articleNumber']);
    expect(fieldsOf(await provision({ chapterNumber: '18.\u200b10' }))).toEqual(['input.chapterNumber']);
    expect(fieldsOf(await provision({ sectionNumber: 'B\tC' }))).toEqual(['input.sectionNumber']);
    expect(fieldsOf(await provision({ externalId: 'tota:\u2066' }))).toEqual(['input.externalId']);
    const fine = await provision({ articleNumber: ' 18.10 ', chapterNumber: '18', externalId: 'tota:1' });
    expect((fine.data as { addProvision: { articleNumber: string } }).addProvision.articleNumber).toBe(
      '18.10',
    );
  });

  it('refuses evidence offsets inside a character, whose quote would not survive storage or a JSON round trip', async () => {
    // Offsets between the halves of an emoji stored a quote with half a character: read back as U+FFFD, it no
    // longer quoted the text, and `import json` of the export refused the record.
    const { slug } = await newAgreement(t, admin);
    const text = '\u{1F600} Nothing in this Agreement applies to cultural industries \u{1F600}.';
    const added = await t.gql(
      'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
      { input: { agreement: slug, key: 'art-emoji', location: 'OPERATIVE', text } },
      { key: admin },
    );
    expect(codeOf(added)).toBe('OK');
    const annotate = (start: number, end: number) =>
      t.gql<{ createAnnotation: { id: string; evidence: { quote: string } } }>(
        'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id evidence { quote } } }',
        { input: { pinpoint: `${slug}/art-emoji`, code: 'CULTURAL_EXEMPTION', evidence: { start, end } } },
        { key: admin },
      );
    const inside = await annotate(1, 10);
    expect(codeOf(inside)).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(inside.errors)).toMatch(/input\.evidence\.start/);
    expect(codeOf(await annotate(40, text.length - 2))).toBe('BAD_USER_INPUT');
    const whole = await annotate(0, 10);
    expect(codeOf(whole)).toBe('OK');
    const read = await t.gql<{ annotation: { evidence: { quote: string } } }>(
      'query($id: ID!) { annotation(id: $id) { evidence { quote } } }',
      { id: whole.data!.createAnnotation.id },
    );
    expect(read.data?.annotation.evidence.quote).toBe(text.slice(0, 10));
  });

  it('neutralises spreadsheet formulas in `export ... --format csv`', async () => {
    const { slug } = await newAgreement(t, admin);
    const version = (await em().findOneOrFail(Agreement, { slug })).version;
    const updated = await t.gql(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { shortTitle } }',
      { input: { slug, version, shortTitle: '=HYPERLINK("http://evil.example","x")' } },
      { key: admin },
    );
    expect(updated.errors).toBeUndefined();
    const file = join(dir, 'agreements.csv');
    const out = createWriteStream(file);
    await t.app.get(ExportService).export('agreements', 'csv', out);
    out.end();
    await once(out, 'finish');
    const rows = parse(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
    const row = rows.find((r) => r.slug === slug)!;
    expect(Object.values(row).some((v) => v.includes('HYPERLINK'))).toBe(true);
    for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+@]/);
  });

  describe('imports refuse what they cannot store faithfully', () => {
    const sample = () => readFileSync(SAMPLE_TOTA, 'utf8');
    const write = (name: string, content: string | Buffer) => {
      const file = join(dir, name);
      writeFileSync(file, content);
      return file;
    };
    const tota = (files: string[]) => importers(t.app).tota.import({ paths: files, annotate: false });

    it('refuses a Latin-1 file, naming the file, the line and the byte', async () => {
      const text = sample().replace('Canada - Testland', 'Canada - Testlând').replace('990001', '990071');
      const file = write('latin1_1.xml', Buffer.from(text, 'latin1'));
      const summary = await tota([file]);
      expect(summary.imported).toBe(0);
      const line = text.split('\n').findIndex((l) => l.includes('Testlând')) + 1;
      expect(summary.failures[0].file).toBe('latin1_1.xml');
      expect(summary.failures[0].reason).toMatch(
        new RegExp(`not valid UTF-8 at line ${line}, column \\d+ \\(byte \\d+, 0xE2\\)`),
      );
    });

    it('refuses a file whose articles share an article_identifier', async () => {
      const text = sample().replace('990001', '990072');
      const ids = [...text.matchAll(/article_identifier="(\d+)"/g)].map((m) => m[1]);
      const file = write(
        'dup_articles.xml',
        text.replace(`article_identifier="${ids[1]}"`, `article_identifier="${ids[0]}"`),
      );
      const summary = await tota([file]);
      expect(summary.imported).toBe(0);
      expect(summary.failures[0].reason).toMatch(
        new RegExp(`article_identifier "${ids[0]}", already used by article 1`),
      );
    });

    it('refuses the same treaty identifier twice in one run, keeping the first', async () => {
      const text = sample().replace(/990001/g, '990073');
      const a = write('same_a.xml', text);
      const b = write('same_b.xml', text.replace('Canada - Testland', 'Canada - Otherland'));
      const summary = await tota([a, b]);
      expect(summary.imported).toBe(1);
      expect(summary.failures).toEqual([
        { file: 'same_b.xml', reason: expect.stringMatching(/990073 is also in same_a.xml/) },
      ]);
      expect((await em().findOneOrFail(Agreement, { totaId: '990073' })).title).toMatch(/Testland/);
    });

    it('names the file without printing control bytes', async () => {
      const file = write('nul\u0007name.json', 'not json \u0000');
      const summary = await importers(t.app).json.import({ paths: [file] });
      // eslint-disable-next-line no-control-regex
      expect(JSON.stringify(summary.failures)).not.toMatch(/[\u0000-\u0008]/);
      expect(summary.failures[0].file).toBe('nul\\u0007name.json');
    });

    it('in import json: refuses a slug twice, evidence that does not match the text, and a version', async () => {
      const record = (slug: string, extra: Record<string, unknown> = {}) => ({
        slug,
        title: `Record ${slug}`,
        kind: 'BILATERAL',
        status: 'SIGNED',
        provisions: [
          {
            key: 'art-1',
            location: 'OPERATIVE',
            text: 'Nothing in this Agreement applies to cultural industries.',
            annotations: [{ code: 'CULTURAL_EXEMPTION', evidence: { start: 30, end: 900, quote: 'x' } }],
          },
        ],
        ...extra,
      });
      const good = record('json-twice');
      good.provisions[0].annotations = [];
      const file = write(
        'records.json',
        JSON.stringify({
          format: 'clause-tracker/agreements',
          version: 1,
          agreements: [
            good,
            { ...good, title: 'The second one' },
            record('json-evidence'),
            { ...good, slug: 'json-version', version: 7 },
          ],
        }),
      );
      const summary = await importers(t.app).json.import({ paths: [file] });
      const reasons = summary.failures.map((f) => `${f.file}: ${f.reason}`).join('\n');
      expect(reasons).toMatch(/records\.json#agreements\[1\]: slug "json-twice" is also agreements\[0\]/);
      expect(reasons).toMatch(
        /provisions\.0\.annotations\.0\.evidence: offsets 30\.\.900 are outside the text/,
      );
      expect(reasons).toMatch(/agreements\[3\].*version/);
      // The file is all or nothing: its first record, sound, is not written either.
      expect(summary.imported).toBe(0);
      expect(
        await em().count(Agreement, { slug: { $in: ['json-twice', 'json-evidence', 'json-version'] } }),
      ).toBe(0);
    });

    it('in import json: refuses what the API refuses (a party twice, withdrawn before joining, NUL, bidi titles, a signature ahead)', async () => {
      // Each of these was stored (a party listed twice failed on the database, its SQL in the message).
      const record = (
        slug: string,
        extra: Record<string, unknown> = {},
        provision: Record<string, unknown> = {},
      ) => ({
        slug,
        title: `Record ${slug}`,
        kind: 'BILATERAL',
        status: 'SIGNED',
        parties: [{ code: 'CAN' }, { code: 'HND' }],
        provisions: [{ key: 'art-1', location: 'OPERATIVE', text: 'The Parties trade films.', ...provision }],
        ...extra,
      });
      const bad: [string, Record<string, unknown>, Record<string, unknown>?][] = [
        ['json-party-twice', { parties: [{ code: 'CAN' }, { code: 'CAN', role: 'ACCEDED' }] }],
        [
          'json-withdrawn',
          { parties: [{ code: 'CAN', dateJoined: '2019-01-01', dateWithdrawn: '2010-01-01' }] },
        ],
        ['json-nul-text', {}, { text: 'The Parties\u0000 trade films.' }],
        ['json-surrogate', {}, { summary: 'Half \ud800 a pair' }],
        ['json-bidi-title', {}, { articleTitle: 'Films\u202e smlif' }],
        ['json-bell-chapter', {}, { chapterTitle: 'Culture\u0007' }],
        ['json-language', { language: '\u202eevil' }],
        [
          'json-source-language',
          { sources: [{ url: 'https://example.org/a', language: 'xx-\u2066', kind: 'OTHER' }] },
        ],
        ['json-signed-ahead', { dateSigned: `${new Date().getUTCFullYear() + 10}-01-01` }],
        ['json-bidi-number', {}, { articleNumber: '1\u202e2' }],
        ['json-bell-desta', { externalIds: { destaNumber: '12\u0007' } }],
      ];
      const file = write(
        'refused.json',
        JSON.stringify({
          format: 'clause-tracker/agreements',
          version: 1,
          agreements: [
            ...bad.map(([slug, extra, provision]) => record(slug, extra, provision)),
            record('json-fine'),
          ],
        }),
      );
      const summary = await importers(t.app).json.import({ paths: [file] });
      // The file is all or nothing: json-fine is not written either.
      expect(summary.imported).toBe(0);
      expect(await em().count(Agreement, { slug: 'json-fine' })).toBe(0);
      const reasons = summary.failures.map((f) => f.reason);
      expect(reasons).toHaveLength(bad.length);
      expect(reasons.join('\n')).not.toMatch(/insert into|SQLITE|constraint/i);
      expect(reasons[0]).toMatch(/parties\.1\.code: CAN is listed twice/);
      expect(reasons[1]).toMatch(/parties\.0\.dateWithdrawn: is before dateJoined/);
      expect(reasons[2]).toMatch(/provisions\.0\.text: must not contain NUL characters/);
      expect(reasons[3]).toMatch(/provisions\.0\.summary: is not valid Unicode/);
      expect(reasons[4]).toMatch(
        /provisions\.0\.articleTitle: must not contain control, invisible or bidirectional-override/,
      );
      expect(reasons[5]).toMatch(/provisions\.0\.chapterTitle: must not contain control/);
      expect(reasons[6]).toMatch(/language: must be an ISO 639 code/);
      expect(reasons[7]).toMatch(/sources\.0\.language: must be an ISO 639 code/);
      expect(reasons[8]).toMatch(/dateSigned: is in the future/);
      expect(reasons[9]).toMatch(
        /provisions\.0\.articleNumber: must not contain control, invisible or bidirectional/,
      );
      expect(reasons[10]).toMatch(/externalIds\.destaNumber: must not contain control/);
      expect(await em().count(Agreement, { slug: { $in: bad.map(([slug]) => slug) } })).toBe(0);
    });

    it('in import json: says when a record dates entry into force before signature (kept, as ToTA gives it)', async () => {
      const file = write(
        'dates.json',
        JSON.stringify({
          format: 'clause-tracker/agreements',
          version: 1,
          agreements: [
            {
              slug: 'json-dates-backwards',
              title: 'Dates backwards',
              kind: 'BILATERAL',
              status: 'IN_FORCE',
              dateSigned: '2020-01-01',
              dateInForce: '2010-01-01',
            },
          ],
        }),
      );
      const summary = await importers(t.app).json.import({ paths: [file] });
      expect(summary.imported).toBe(1);
      expect(summary.warnings).toEqual([
        {
          file: 'dates.json#agreements[0]',
          message: 'dateInForce (2010-01-01) is before dateSigned (2020-01-01)',
        },
      ]);
    });

    it('in the API: provision titles follow the title rule and a source language is an ISO 639 code', async () => {
      const { slug } = await newAgreement(t, admin);
      const add = (input: Record<string, unknown>) =>
        t.gql(
          'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
          {
            input: {
              agreement: slug,
              key: `art-${Math.random().toString(36).slice(2, 8)}`,
              location: 'OPERATIVE',
              text: 'Films.',
              ...input,
            },
          },
          { key: admin },
        );
      for (const bad of [
        { articleTitle: 'Films\u202e' },
        { chapterTitle: 'Bell\u0007' },
        { sectionTitle: 'Tab\there' },
      ])
        expect([bad, codeOf(await add(bad))]).toEqual([bad, 'BAD_USER_INPUT']);
      expect(codeOf(await add({ articleTitle: 'Films and music' }))).toBe('OK');
      const created = await t.gql(
        'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
        {
          input: {
            slug: 'source-language-bidi',
            title: 'Source language',
            kind: 'BILATERAL',
            status: 'SIGNED',
            sources: [{ url: 'https://example.org/a', language: '\u202e', kind: 'OTHER' }],
          },
        },
        { key: admin },
      );
      expect(codeOf(created)).toBe('BAD_USER_INPUT');
    });
  });

  it('refuses a party withdrawn: false beside a date of withdrawal whatever the importer builds its record with', async () => {
    // The ToTA and text importers build records without the JSON schema: the writer applies the party rules.
    const writer = t.app.get(AgreementRecordWriter);
    const record = {
      ...parseAgreementRecord(
        { slug: 'importer-withdrawn', title: 'Importer withdrawn', kind: 'BILATERAL', status: 'IN_FORCE' },
        'test',
      ),
      parties: [
        {
          code: 'CAN',
          role: PartyRole.ORIGINAL,
          withdrawn: false,
          dateWithdrawn: '2019-03-01',
          signatoryOnly: false,
        },
        { code: 'KOR', role: PartyRole.ORIGINAL, withdrawn: false, signatoryOnly: false },
      ],
    };
    const em = t.orm.em.fork() as EntityManager;
    await expect(em.transactional((tx) => writer.write(tx, record))).rejects.toThrow(
      'importer-withdrawn: parties.0.withdrawn: is false, but dateWithdrawn (2019-03-01) says the party withdrew',
    );
    expect(await t.orm.em.fork().count(Agreement, { slug: 'importer-withdrawn' })).toBe(0);
  });

  it('refuses a party that joins or leaves an agreement before it is signed, at every door', async () => {
    // Each was stored: an accession in 2000 to an agreement signed in 2010, a withdrawal before the signature.
    const parties = [
      { code: 'CAN', role: 'ACCEDED', dateJoined: '2000-01-01' },
      { code: 'KOR', dateWithdrawn: '2009-12-31' },
      { code: 'HND', role: 'ACCEDED', dateJoined: '2010-01-01' },
    ];
    const create = await t.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
      {
        input: {
          slug: 'joins-before-signature',
          title: 'Joins before signature',
          kind: 'PLURILATERAL',
          status: 'IN_FORCE',
          dateSigned: '2010-01-01',
          parties,
        },
      },
      { key: admin },
    );
    expect(create.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        {
          field: 'input.parties.0.dateJoined',
          message:
            "(2000-01-01) is before the agreement's dateSigned (2010-01-01): a party joins or leaves an agreement once it is signed",
        },
        {
          field: 'input.parties.1.dateWithdrawn',
          message: expect.stringContaining('(2009-12-31) is before'),
        },
      ],
    });
    // setAgreementParties reads the agreement's date; updateAgreement moving the signature past a party's accession.
    const made = await t.gql(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug version } }',
      {
        input: {
          slug: 'joins-after-signature',
          title: 'Joins after signature',
          kind: 'PLURILATERAL',
          status: 'IN_FORCE',
          dateSigned: '2010-01-01',
          parties: [parties[2], { code: 'KOR' }],
        },
      },
      { key: admin },
    );
    expect(made.errors).toBeUndefined();
    const set = await t.gql(
      'mutation($input: SetAgreementPartiesInput!) { setAgreementParties(input: $input) { slug } }',
      { input: { slug: 'joins-after-signature', version: 1, parties: [parties[0], { code: 'KOR' }] } },
      { key: admin },
    );
    expect(set.errors?.[0]?.extensions).toMatchObject({
      fields: [{ field: 'input.parties.0.dateJoined', message: expect.stringContaining('is before') }],
    });
    const moved = await t.gql(
      'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { slug } }',
      { input: { slug: 'joins-after-signature', version: 1, dateSigned: '2011-06-01' } },
      { key: admin },
    );
    expect(moved.errors?.[0]?.extensions).toMatchObject({
      fields: [
        {
          field: 'input.dateSigned',
          message:
            "(2011-06-01) is after HND's dateJoined (2010-01-01): a party joins or leaves an agreement once it is signed",
        },
      ],
    });
    // import json, through the record's schema.
    const file = join(dir, 'joins-before.json');
    writeAgreementsFile(file, [
      {
        slug: 'json-joins-before',
        title: 'Joins before signature',
        kind: 'PLURILATERAL',
        status: 'IN_FORCE',
        dateSigned: '2010-01-01',
        parties,
        provisions: [{ key: 'art-1', location: 'OPERATIVE', text: 'The Parties trade films.' }],
      },
    ]);
    const summary = await importers(t.app).json.import({ paths: [file] });
    expect(summary.imported).toBe(0);
    expect(summary.failures[0].reason).toMatch(
      /parties\.0\.dateJoined: \(2000-01-01\) is before the agreement's dateSigned/,
    );
    expect(
      await em().count(Agreement, { slug: { $in: ['joins-before-signature', 'json-joins-before'] } }),
    ).toBe(0);
  });
});
