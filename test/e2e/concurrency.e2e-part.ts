import { Role } from '../../src/auth/role.enum';
import { newAnnotation } from '../support/mutation-catalogue';
import { startTestApp, TestApp } from '../support/test-app';

describe('optimistic locking under concurrency', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('eight parallel updates of one annotation with the same version: one wins, seven get CONFLICT, one change in history', async () => {
    const admin = await t.createKey(Role.ADMIN);
    const annotator = await t.createKey(Role.ANNOTATOR);
    const annotation = await newAnnotation(t, annotator, admin);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.gql<{ updateAnnotation: { version: number; note: string } }>(
          'mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { version note } }',
          { input: { id: annotation.id, version: annotation.version, note: `edit ${i}` } },
          { key: annotator },
        ),
      ),
    );
    const winners = results.filter((r) => !r.errors);
    const conflicts = results.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT');
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(7);
    for (const c of conflicts) expect(c.errors![0].extensions.currentVersion).toBe(annotation.version + 1);
    const after = await t.gql<{
      annotation: { version: number; note: string; history: { action: string }[] };
    }>(`{ annotation(id: "${annotation.id}") { version note history { action } } }`);
    expect(after.data!.annotation.version).toBe(annotation.version + 1);
    expect(after.data!.annotation.note).toBe(winners[0].data!.updateAnnotation.note);
    expect(after.data!.annotation.history.map((h) => h.action)).toEqual([
      'annotation.create',
      'annotation.update',
    ]);
  });

  it('a createAnnotation retried or sent twice at once makes one annotation; the others get CONFLICT naming it', async () => {
    // A client that retried after a lost answer, or a form sent twice, made as many identical annotations (same key,
    // code, scope, detail, evidence and note), each listed for review (hostile8).
    const annotator = await t.createKey(Role.ANNOTATOR);
    const pinpoint = 'ceta/art-16.1';
    const create = (note: string) =>
      t.gql<{ createAnnotation: { id: string } }>(
        'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
        { input: { pinpoint, code: 'CULTURAL_COOPERATION', partyScope: ['CAN'], note } },
        { key: annotator },
      );
    const count = async () =>
      (
        await t.gql<{ provision: { annotations: { note: string | null }[] } }>(
          `{ provision(pinpoint: "${pinpoint}") { annotations { note } } }`,
        )
      ).data!.provision.annotations.filter((a) => a.note === 'sent twice').length;
    const provisionVersion = async () =>
      (await t.gql<{ provision: { version: number } }>(`{ provision(pinpoint: "${pinpoint}") { version } }`))
        .data!.provision.version;
    const before = await provisionVersion();
    const results = await Promise.all(Array.from({ length: 8 }, () => create('sent twice')));
    const made = results.filter((r) => !r.errors);
    expect(made).toHaveLength(1);
    for (const refused of results.filter((r) => r.errors)) {
      expect(refused.errors![0].extensions.code).toBe('CONFLICT');
      expect(refused.errors![0].extensions.existing).toBe(made[0].data!.createAnnotation.id);
      expect(refused.errors![0].message).toMatch(/you made this annotation already/);
    }
    const retried = await create('sent twice');
    expect(retried.errors![0].extensions.code).toBe('CONFLICT');
    expect(await count()).toBe(1);
    // The provision itself is unchanged (its row is only locked while an annotation is made on it).
    expect(await provisionVersion()).toBe(before);
    // Another note is another annotation.
    expect((await create('a second thought')).errors).toBeUndefined();
  });

  it('a createAgreement, addProvision or setAgreementParties sent eight times at once is done once; the others get CONFLICT, never INTERNAL_SERVER_ERROR', async () => {
    // On PostgreSQL each of the eight found no agreement with the slug (no provision with the key) and inserted it;
    // the unique index refused seven, answered INTERNAL_SERVER_ERROR (hostile16). SQLite takes the writes in turn.
    const admin = await t.createKey(Role.ADMIN);
    const slug = `sent-eight-times-${t.driver}`;
    const eight = <T>(query: string, input: Record<string, unknown>) =>
      Promise.all(Array.from({ length: 8 }, () => t.gql<T>(query, { input }, { key: admin })));
    const outcomes = (results: { errors?: { message: string; extensions: { code: string } }[] }[]) =>
      results.map((r) => r.errors?.[0].extensions.code ?? 'made');
    const created = await eight(
      'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug } }',
      { slug, title: 'Sent eight times', kind: 'BILATERAL', status: 'SIGNED', dateSigned: '2020-01-01' },
    );
    expect(outcomes(created).sort()).toEqual([...Array(7).fill('CONFLICT'), 'made']);
    for (const r of created.filter((c) => c.errors))
      expect(r.errors![0].message).toMatch(new RegExp(`"${slug}"`));
    const added = await eight(
      'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint } }',
      {
        agreement: slug,
        key: 'art-1',
        location: 'OPERATIVE',
        text: 'The Parties shall cooperate on culture.',
      },
    );
    expect(outcomes(added).sort()).toEqual([...Array(7).fill('CONFLICT'), 'made']);
    // Eight new party lists for one version: each deleted the old rows and inserted its own; the unique index of
    // (agreement, party) refused five of the seven others on PostgreSQL (INTERNAL_SERVER_ERROR), the version two.
    const { version } = (
      await t.gql<{ agreement: { version: number } }>(`{ agreement(slug: "${slug}") { version } }`)
    ).data!.agreement;
    const parties = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.gql(
          'mutation($input: SetAgreementPartiesInput!) { setAgreementParties(input: $input) { version } }',
          { input: { slug, version, parties: [{ code: 'CAN' }, { code: i % 2 ? 'HND' : 'PER' }] } },
          { key: admin },
        ),
      ),
    );
    expect(outcomes(parties).sort()).toEqual([...Array(7).fill('CONFLICT'), 'made']);
    const after = await t.gql<{ agreement: { provisions: { totalCount: number }; parties: unknown[] } }>(
      `{ agreement(slug: "${slug}") { provisions { totalCount } parties { party { code } } } }`,
    );
    expect(after.data!.agreement.provisions.totalCount).toBe(1);
    expect(after.data!.agreement.parties).toHaveLength(2);
  });
});
