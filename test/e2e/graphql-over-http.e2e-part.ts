import { auditServer } from 'graphql-http';
import type { AddressInfo } from 'node:net';
import { startTestApp, TestApp } from '../support/test-app';

/** The graphql-http package's audit of the GraphQL-over-HTTP spec, against the running app. */
describe('GraphQL over HTTP: the graphql-http audit', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const server = t.app.getHttpServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => t.close());

  it('passes every MUST and SHOULD', async () => {
    const results = await auditServer({ url });
    const failed = results
      .filter((r) => r.status !== 'ok' && !r.name.startsWith('MAY'))
      .map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`);
    expect(failed).toEqual([]);
    expect(results.filter((r) => r.name.startsWith('MUST')).length).toBeGreaterThanOrEqual(13);
  });
});
