import { AccessPolicy } from './access-policy';
import { AuthenticatedRequest } from './identity.middleware';

describe('AccessPolicy', () => {
  const policy = new AccessPolicy({} as never);
  const anonymous = () => ({ auth: { identity: null } }) as unknown as AuthenticatedRequest;
  afterEach(() => delete process.env.PUBLIC_READ);

  it('answers a read rule once per request: the setting is read for its first field, not every field', () => {
    const req = anonymous();
    expect(policy.check({ kind: 'read' }, req, 'Agreement.parties')).toBeNull();
    process.env.PUBLIC_READ = 'false';
    // The same request keeps its answer; the next request reads the setting again.
    expect(policy.check({ kind: 'read' }, req, 'Agreement.provisions')).toBeNull();
    expect(policy.check({ kind: 'read' }, anonymous(), 'Agreement.parties')).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'an API key is required to read',
    });
  });

  it('refuses a read with a bad key whatever PUBLIC_READ says, and names the field for a role rule', () => {
    const bad = { auth: { identity: null, authError: 'unknown key' } } as unknown as AuthenticatedRequest;
    expect(policy.check({ kind: 'read' }, bad, 'Query.agreements')).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'unknown key',
    });
    expect(policy.check({ kind: 'public' }, bad, 'Query.health')).toBeNull();
    expect(policy.check({ kind: 'roles', roles: [] }, anonymous(), 'Mutation.x')?.message).toMatch(
      /^Mutation.x needs/,
    );
    expect(policy.check(undefined, anonymous(), 'Query.y')).toEqual({
      code: 'FORBIDDEN',
      message: 'Query.y has no access rule',
    });
  });
});
