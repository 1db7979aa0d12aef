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
});
