import { Role } from '../../src/auth/role.enum';
import { TestApp } from './test-app';

/** One mutation of the API: who may call it, and how to make a valid call of it as a given key. */
export interface MutationCase {
  name: string;
  roles: Role[];
  document: string;
  /** Variables for a call that would succeed for an allowed caller (`key` owns what it must own). */
  prepare(t: TestApp, admin: string, key: string | null): Promise<Record<string, unknown>>;
}

let unique = 0;
const next = () => `${Date.now().toString(36)}-${++unique}`;

async function call<T>(
  t: TestApp,
  key: string,
  document: string,
  variables: Record<string, unknown>,
): Promise<T> {
  const res = await t.gql<T>(document, variables, { key });
  if (res.errors?.length) throw new Error(`setup failed: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

export async function newAgreement(t: TestApp, admin: string): Promise<{ slug: string; version: number }> {
  const slug = `test-agreement-${next()}`;
  const data = await call<{ createAgreement: { slug: string; version: number } }>(
    t,
    admin,
    'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { slug version } }',
    {
      input: {
        slug,
        title: `Test agreement ${slug}`,
        kind: 'BILATERAL',
        status: 'SIGNED',
        dateSigned: '2020-01-01',
        parties: [{ code: 'CAN' }, { code: 'HND' }],
      },
    },
  );
  return data.createAgreement;
}

export async function newProvision(
  t: TestApp,
  admin: string,
): Promise<{ pinpoint: string; version: number }> {
  const { slug } = await newAgreement(t, admin);
  const data = await call<{ addProvision: { pinpoint: string; version: number } }>(
    t,
    admin,
    'mutation($input: AddProvisionInput!) { addProvision(input: $input) { pinpoint version } }',
    {
      input: {
        agreement: slug,
        key: 'art-1',
        location: 'OPERATIVE',
        articleNumber: '1',
        text: 'This Agreement does not apply to measures with respect to cultural industries.',
      },
    },
  );
  return data.addProvision;
}

export async function newAnnotation(
  t: TestApp,
  owner: string,
  admin: string,
): Promise<{ id: string; version: number }> {
  const { pinpoint } = await newProvision(t, admin);
  const data = await call<{ createAnnotation: { id: string; version: number } }>(
    t,
    owner,
    'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version } }',
    {
      input: {
        pinpoint,
        code: 'CULTURAL_EXEMPTION',
        bindingForce: 'BINDING',
        evidence: { start: 5, end: 14 },
      },
    },
  );
  return data.createAnnotation;
}

const ownsAnnotations = (key: string | null, role: Role | null) =>
  key && role && [Role.ANNOTATOR, Role.REVIEWER, Role.ADMIN].includes(role);

export function mutationCases(roleOf: (key: string | null) => Role | null): MutationCase[] {
  const annotationOwnedBy = async (t: TestApp, admin: string, key: string | null) =>
    newAnnotation(t, ownsAnnotations(key, roleOf(key)) ? key! : admin, admin);
  return [
    {
      name: 'createAgreement',
      roles: [Role.EDITOR],
      document: 'mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }',
      prepare: async () => ({
        input: { slug: `created-${next()}`, title: 'A new agreement', kind: 'BILATERAL', status: 'SIGNED' },
      }),
    },
    {
      name: 'updateAgreement',
      roles: [Role.EDITOR],
      document: 'mutation($input: UpdateAgreementInput!) { updateAgreement(input: $input) { id } }',
      prepare: async (t, admin) => {
        const a = await newAgreement(t, admin);
        return { input: { slug: a.slug, version: a.version, shortTitle: 'Renamed' } };
      },
    },
    {
      name: 'archiveAgreement',
      roles: [Role.EDITOR],
      document: 'mutation($input: ArchiveAgreementInput!) { archiveAgreement(input: $input) { id } }',
      prepare: async (t, admin) => {
        const a = await newAgreement(t, admin);
        return { input: { slug: a.slug, version: a.version, reason: 'duplicate record' } };
      },
    },
    {
      name: 'setAgreementParties',
      roles: [Role.EDITOR],
      document: 'mutation($input: SetAgreementPartiesInput!) { setAgreementParties(input: $input) { id } }',
      prepare: async (t, admin) => {
        const a = await newAgreement(t, admin);
        return { input: { slug: a.slug, version: a.version, parties: [{ code: 'CAN' }, { code: 'PER' }] } };
      },
    },
    {
      name: 'addProvision',
      roles: [Role.EDITOR],
      document: 'mutation($input: AddProvisionInput!) { addProvision(input: $input) { id } }',
      prepare: async (t, admin) => {
        const a = await newAgreement(t, admin);
        return { input: { agreement: a.slug, key: 'art-2', location: 'OPERATIVE', summary: 'A summary.' } };
      },
    },
    {
      name: 'updateProvision',
      roles: [Role.EDITOR],
      document: 'mutation($input: UpdateProvisionInput!) { updateProvision(input: $input) { id } }',
      prepare: async (t, admin) => {
        const p = await newProvision(t, admin);
        return { input: { pinpoint: p.pinpoint, version: p.version, summary: 'A new summary.' } };
      },
    },
    {
      name: 'removeProvision',
      roles: [Role.EDITOR],
      document: 'mutation($input: RemoveProvisionInput!) { removeProvision(input: $input) { id } }',
      prepare: async (t, admin) => {
        const p = await newProvision(t, admin);
        return { input: { pinpoint: p.pinpoint, version: p.version } };
      },
    },
    {
      name: 'createAnnotation',
      roles: [Role.ANNOTATOR, Role.REVIEWER],
      document: 'mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }',
      prepare: async (t, admin) => {
        const p = await newProvision(t, admin);
        return { input: { pinpoint: p.pinpoint, code: 'CULTURAL_EXEMPTION', bindingForce: 'BINDING' } };
      },
    },
    {
      name: 'updateAnnotation',
      roles: [Role.ANNOTATOR, Role.REVIEWER],
      document: 'mutation($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { id } }',
      prepare: async (t, admin, key) => {
        const a = await annotationOwnedBy(t, admin, key);
        return { input: { id: a.id, version: a.version, note: 'clearer wording' } };
      },
    },
    {
      name: 'reviewAnnotation',
      roles: [Role.REVIEWER],
      document: 'mutation($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { id } }',
      prepare: async (t, admin) => {
        const a = await newAnnotation(t, admin, admin);
        return { input: { id: a.id, version: a.version, decision: 'ACCEPT' } };
      },
    },
    {
      name: 'withdrawAnnotation',
      roles: [Role.ANNOTATOR, Role.REVIEWER],
      document: 'mutation($input: WithdrawAnnotationInput!) { withdrawAnnotation(input: $input) { id } }',
      prepare: async (t, admin, key) => {
        const a = await annotationOwnedBy(t, admin, key);
        return { input: { id: a.id, version: a.version } };
      },
    },
  ];
}
