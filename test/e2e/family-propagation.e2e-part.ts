import { Role } from '../../src/auth/role.enum';
import { fromGlobalId } from '../../src/graphql/node/global-id';
import { startTestApp, TestApp } from '../support/test-app';

// Invented clauses (not treaty wording): a clause, two near-identical copies and a reworded descendant.
const PHRASE = 'puppet theatres, storytellers, mural painters and travelling circuses';
const CLAUSES = [
  `Nothing in this Agreement shall be construed to apply to measures adopted or maintained by either Party with respect to ${PHRASE}, except as provided in Article 204 (Tariffs).`,
  `Nothing in this Agreement shall be construed to apply to measures adopted or maintained by either Party with respect to puppet theatres, storytellers,\nmural painters and travelling circuses, except as provided in Article 2.04 (Tariffs).`,
  `Nothing in this Agreement shall be construed to apply to measures adopted or maintained by a Party with respect to ${PHRASE}, except as provided in Article 3.4 (Tariffs).`,
  'This Agreement does not apply to a measure adopted or maintained by a Party with respect to a person engaged in puppet theatre, storytelling or mural painting.',
];
const AGREEMENTS = ['nafta', 'canada-peru-fta', 'canada-korea-fta', 'eu-korea-fta'];

interface Node {
  id: string;
  version: number;
  origin: string;
  status: string;
  code: { code: string };
  evidence: { start: number; end: number; quote: string } | null;
  provision: { id: string };
  propagatedFrom: { id: string } | null;
  contradictedBy: { id: string } | null;
}

const NODE = `id version origin status code { code } evidence { start end quote } provision { id }
  propagatedFrom { id } contradictedBy { id }`;

describe('a review reaches the near-identical copies of a clause', () => {
  let t: TestApp;
  let annotator: string;
  let reviewer: string;
  const provisions: string[] = [];

  async function annotationsOn(provisionId: string, code: string): Promise<Node[]> {
    const res = await t.gql<{ provision: { annotations: Node[] } }>(
      `query ($id: ID!) { provision(id: $id) { annotations(codes: [${code}]) { ${NODE} } } }`,
      { id: provisionId },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.provision.annotations;
  }

  async function propose(index: number, code: string, evidence?: { start: number; end: number }) {
    const res = await t.gql<{ createAnnotation: Node }>(
      `mutation ($input: CreateAnnotationInput!) { createAnnotation(input: $input) { ${NODE} } }`,
      {
        input: {
          pinpoint: `${AGREEMENTS[index]}/propagation-${index}`,
          code,
          bindingForce: 'BINDING',
          ...(evidence ? { evidence } : {}),
        },
      },
      { key: annotator },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.createAnnotation;
  }

  async function review(annotation: { id: string; version: number }, decision: string) {
    const res = await t.gql<{ reviewAnnotation: Node }>(
      `mutation ($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { ${NODE} } }`,
      {
        input: {
          id: annotation.id,
          version: annotation.version,
          decision,
          reason: decision === 'REJECT' ? 'not an exemption: the clause was misread' : null,
        },
      },
      { key: reviewer },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.reviewAnnotation;
  }

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
    const editor = await t.createKey(Role.EDITOR);
    annotator = await t.createKey(Role.ANNOTATOR);
    reviewer = await t.createKey(Role.REVIEWER);
    for (const [i, text] of CLAUSES.entries()) {
      const res = await t.gql<{ addProvision: { id: string } }>(
        'mutation ($input: AddProvisionInput!) { addProvision(input: $input) { id } }',
        {
          input: {
            agreement: AGREEMENTS[i],
            key: `propagation-${i}`,
            location: 'OPERATIVE',
            text,
            language: 'en',
          },
        },
        { key: editor },
      );
      expect(res.errors).toBeUndefined();
      provisions.push(res.data!.addProvision.id);
    }
  });
  afterAll(() => t.close());

  it('an acceptance proposes the code on each near copy (origin FAMILY, evidence found again), not on rewordings', async () => {
    const start = CLAUSES[0].indexOf(PHRASE);
    const original = await propose(0, 'CULTURAL_EXEMPTION', { start, end: start + PHRASE.length });
    const accepted = await review(original, 'ACCEPT');
    expect(accepted.status).toBe('ACCEPTED');

    for (const copy of [1, 2]) {
      const [proposal, ...more] = await annotationsOn(provisions[copy], 'CULTURAL_EXEMPTION');
      expect(more).toEqual([]);
      expect(proposal).toMatchObject({
        origin: 'FAMILY',
        status: 'PROPOSED',
        propagatedFrom: { id: original.id },
        contradictedBy: null,
      });
      expect(proposal.evidence!.quote.replace(/\s+/g, ' ')).toBe(PHRASE);
      expect(CLAUSES[copy].slice(proposal.evidence!.start, proposal.evidence!.end)).toBe(
        proposal.evidence!.quote,
      );
    }
    expect(await annotationsOn(provisions[3], 'CULTURAL_EXEMPTION')).toEqual([]);

    const history = await t.gql<{ auditLog: { edges: { node: { reason: string; actorName: string } }[] } }>(
      `{ auditLog(first: 10, filter: { action: "annotation.propagate" }) { edges { node { reason actorName } } } }`,
      {},
      { key: reviewer },
    );
    expect(history.errors).toBeUndefined();
    expect(history.data!.auditLog.edges).toHaveLength(2);
    expect(history.data!.auditLog.edges[0].node.reason).toContain(
      `annotation ${fromGlobalId(original.id)!.key} (nafta/propagation-0)`,
    );
    expect(history.data!.auditLog.edges[0].node.reason).toMatch(/WORDING similarity (0\.[89]\d|1\.00)\)$/);
  });

  it('nothing is accepted without a person: a FAMILY proposal waits for its own review', async () => {
    const [proposal] = await annotationsOn(provisions[1], 'CULTURAL_EXEMPTION');
    expect(proposal.status).toBe('PROPOSED');
    const accepted = await review(proposal, 'ACCEPT');
    expect(accepted).toMatchObject({ status: 'ACCEPTED', origin: 'FAMILY' });
    // Its acceptance proposes nothing new: every copy already has the code.
    expect(await annotationsOn(provisions[2], 'CULTURAL_EXEMPTION')).toHaveLength(1);
  });

  it('a rejection marks the copies’ proposals as contradicted; a later acceptance lifts it', async () => {
    const original = await propose(0, 'HERITAGE_EXCEPTION');
    const onCopy = await propose(2, 'HERITAGE_EXCEPTION');
    const rejected = await review(original, 'REJECT');

    const [contradicted] = await annotationsOn(provisions[2], 'HERITAGE_EXCEPTION');
    expect(contradicted).toMatchObject({
      id: onCopy.id,
      status: 'PROPOSED',
      origin: 'MANUAL',
      contradictedBy: { id: original.id },
    });
    expect(await annotationsOn(provisions[1], 'HERITAGE_EXCEPTION')).toEqual([]);

    const queue = await t.gql<{ annotations: { edges: { node: { id: string } }[] } }>(
      '{ annotations(first: 50, filter: { contradicted: true }) { edges { node { id } } } }',
    );
    expect(queue.data!.annotations.edges.map((e) => e.node.id)).toEqual([onCopy.id]);

    await review(rejected, 'ACCEPT');
    const [lifted] = await annotationsOn(provisions[2], 'HERITAGE_EXCEPTION');
    expect(lifted).toMatchObject({ id: onCopy.id, status: 'PROPOSED', contradictedBy: null });
    // The copy that had no annotation of the code gets a FAMILY proposal now.
    const [copied] = await annotationsOn(provisions[1], 'HERITAGE_EXCEPTION');
    expect(copied).toMatchObject({ origin: 'FAMILY', propagatedFrom: { id: original.id } });
  });

  it('rejecting an accepted annotation withdraws the FAMILY proposals it made and leaves reviewed ones', async () => {
    const [original] = (await annotationsOn(provisions[0], 'HERITAGE_EXCEPTION')).filter(
      (a) => a.origin === 'MANUAL',
    );
    await review(original, 'REJECT');
    expect(await annotationsOn(provisions[1], 'HERITAGE_EXCEPTION')).toEqual([]);
    const [onCopy] = await annotationsOn(provisions[2], 'HERITAGE_EXCEPTION');
    expect(onCopy).toMatchObject({ origin: 'MANUAL', contradictedBy: { id: original.id } });

    const withdrawn = await t.gql<{ auditLog: { totalCount: number } }>(
      `{ auditLog(first: 1, filter: { action: "annotation.withdraw" }) { totalCount } }`,
      {},
      { key: reviewer },
    );
    expect(withdrawn.data!.auditLog.totalCount).toBe(1);
  });

  it('the review page turns away a key that may not review with the sign-in form and why (an editor was let in, then refused)', async () => {
    const editor = await t.createKey(Role.EDITOR);
    const page = await t.http().post('/review').type('form').send({ key: editor });
    expect(page.status).toBe(403);
    expect(page.text).toContain('This key has the role editor: reviewing needs reviewer / administrator.');
    expect(page.text).toContain('data-sign-in');
    expect(page.text).not.toContain('review-item');
  });

  it('the review page names roles in the reader’s language (REVIEWER, EDITOR were shown as the API’s words)', async () => {
    const editor = await t.createKey(Role.EDITOR);
    const says = async (lang: string, key: string) =>
      (await t.http().post(`/review?lang=${lang}`).type('form').send({ key })).text;
    const signIn = async (lang: string) => (await t.http().get(`/review?lang=${lang}`)).text;
    expect(await says('fr', editor)).toContain(
      'Cette clé a le rôle éditeur : relire demande relecteur / administrateur.',
    );
    expect(await says('es', editor)).toContain(
      'Esta clave tiene el rol editor: revisar requiere revisor / administrador.',
    );
    expect(await says('fr', reviewer)).toMatch(/Connecté en tant que [^<]+ \(relecteur\)/);
    expect(await says('es', reviewer)).toMatch(/Sesión de [^<]+ \(revisor\)/);
    expect(await signIn('en')).toContain('API key (role reviewer / administrator)');
    expect(await signIn('fr')).toContain('Clé d’API (rôle relecteur / administrateur)');
    expect(await signIn('es')).toContain('Clave de API (rol revisor / administrador)');
    for (const lang of ['fr', 'es'])
      for (const page of [await says(lang, editor), await says(lang, reviewer), await signIn(lang)])
        expect(page.replace(/<[^>]*>/g, ' ')).not.toMatch(/\b(READER|ANNOTATOR|REVIEWER|EDITOR|ADMIN)\b/);
  });

  it('the review form names a field sent twice and decides nothing (a key, a reason, a decision), and a version that is no number', async () => {
    // A hand-made form or a script sending a field twice: read as no value, a key sent twice showed the sign-in
    // form as if none had been sent, a reason twice said "a reason is required", a decision twice did nothing.
    const form = (fields: string) => t.http().post('/review').type('form').send(fields);
    const keyTwice = await form(`key=${reviewer}&key=${reviewer}`);
    expect(keyTwice.status).toBe(400);
    expect(keyTwice.text).toContain('The form sent the field “key” 2 times; send it once.');
    expect(keyTwice.text).toContain('data-sign-in');
    const proposal = await propose(0, 'AUDIOVISUAL_EXCLUSION');
    const decide = `key=${reviewer}&id=${proposal.id}&version=${proposal.version}`;
    for (const [fields, name] of [
      [`${decide}&decision=REJECT&reason=misread&reason=not+culture`, 'reason'],
      [`${decide}&decision=ACCEPT&decision=REJECT&reason=misread`, 'decision'],
      [`key=${reviewer}&id=${proposal.id}&id=${proposal.id}&version=1&decision=ACCEPT`, 'id'],
    ]) {
      const page = await form(fields);
      expect([name, page.status]).toEqual([name, 400]);
      expect(page.text).toContain(`The form sent the field “${name}” 2 times; send it once.`);
    }
    const noNumber = await form(`key=${reviewer}&id=${proposal.id}&version=abc&decision=ACCEPT`);
    expect(noNumber.status).toBe(400);
    expect(noNumber.text).toContain('version: &quot;abc&quot; is not a whole number');
    // Nothing was decided.
    const [still] = (await annotationsOn(provisions[0], 'AUDIOVISUAL_EXCLUSION')).filter(
      (a) => a.id === proposal.id,
    );
    expect(still).toMatchObject({ status: 'PROPOSED', version: proposal.version });
  });

  it('the review page says why a proposal is there and which rejection contradicts it, with links', async () => {
    const page = await t
      .http()
      .post('/review')
      .type('form')
      .send({ key: reviewer, agreement: 'canada-korea-fta' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('A reviewer rejected this code on a near-identical clause:');
    expect(page.text).toContain('href="/provisions/nafta/propagation-0"');
    expect(page.text).toContain('not an exemption: the clause was misread');
  });
  it("the review page offers no Accept on the reviewer's own proposal and says why, as the API refuses it (en/fr/es)", async () => {
    const proposer = await t.createKey(Role.REVIEWER, 'Paula');
    const mine = await t.gql<{ createAnnotation: { id: string; version: number } }>(
      'mutation ($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version } }',
      { input: { pinpoint: `${AGREEMENTS[3]}/propagation-3`, code: 'ECOMMERCE_CULTURAL_CARVE_OUT' } },
      { key: proposer },
    );
    expect(mine.errors).toBeUndefined();
    const { id, version } = mine.data!.createAnnotation;
    const item = (html: string, annotation: string) =>
      new RegExp(`<article[^>]*id="proposal-${annotation}"[\\s\\S]*?</article>`).exec(html)?.[0] ?? '';
    const queue = (key: string, lang = 'en') =>
      t.http().post(`/review?lang=${lang}`).type('form').send({ key, agreement: AGREEMENTS[3] });
    const own = item((await queue(proposer)).text, id);
    expect(own).toContain('value="REJECT"');
    expect(own).not.toContain('value="ACCEPT"');
    expect(own).toContain(
      'You proposed this annotation: another reviewer must accept it (you may reject it).',
    );
    expect(item((await queue(proposer, 'fr')).text, id)).toContain(
      'Vous avez proposé cette annotation : un autre relecteur doit l’accepter (vous pouvez la rejeter).',
    );
    expect(item((await queue(proposer, 'es')).text, id)).toContain(
      'Usted propuso esta anotación: otro revisor debe aceptarla (puede rechazarla).',
    );
    // The rule the page follows is the API's: the proposer's acceptance is refused, another reviewer's is not.
    const accept = (key: string) =>
      t.gql(
        'mutation ($input: ReviewAnnotationInput!) { reviewAnnotation(input: $input) { status } }',
        { input: { id, version, decision: 'ACCEPT' } },
        { key },
      );
    expect((await accept(proposer)).errors![0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      refusal: 'ownAnnotation',
    });
    const other = item((await queue(reviewer)).text, id);
    expect(other).toContain('value="ACCEPT"');
    expect(other).not.toContain('You proposed this annotation');
    expect((await accept(reviewer)).errors).toBeUndefined();
  });
  async function edit(annotation: { id: string; version: number }, note: string) {
    const res = await t.gql<{ updateAnnotation: Node }>(
      `mutation ($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { ${NODE} } }`,
      { input: { id: annotation.id, version: annotation.version, note } },
      { key: annotator },
    );
    expect(res.errors).toBeUndefined();
    return res.data!.updateAnnotation;
  }

  it('an edit sends a reviewed annotation back to review and takes back what its review did to the copies', async () => {
    const original = await propose(0, 'CULTURAL_COOPERATION');
    const onCopy = await propose(2, 'CULTURAL_COOPERATION');
    const accepted = await review(original, 'ACCEPT');
    expect(await annotationsOn(provisions[1], 'CULTURAL_COOPERATION')).toMatchObject([
      { origin: 'FAMILY', propagatedFrom: { id: original.id } },
    ]);
    const reopened = await edit(accepted, 'reworded the note');
    expect(reopened.status).toBe('PROPOSED');
    // The acceptance it copied is gone: so is the copy's FAMILY proposal.
    expect(await annotationsOn(provisions[1], 'CULTURAL_COOPERATION')).toEqual([]);

    const rejected = await review(reopened, 'REJECT');
    expect(await annotationsOn(provisions[2], 'CULTURAL_COOPERATION')).toMatchObject([
      { id: onCopy.id, contradictedBy: { id: original.id } },
    ]);
    await edit(rejected, 'reworded the note again');
    expect(await annotationsOn(provisions[2], 'CULTURAL_COOPERATION')).toMatchObject([
      { id: onCopy.id, status: 'PROPOSED', contradictedBy: null },
    ]);
  });

  it('withdrawing a reviewed annotation takes back what its review did to the copies, audited', async () => {
    const original = await propose(0, 'CONVENTION_REF_IMPLICIT');
    const accepted = await review(original, 'ACCEPT');
    for (const copy of [1, 2])
      expect(await annotationsOn(provisions[copy], 'CONVENTION_REF_IMPLICIT')).toMatchObject([
        { origin: 'FAMILY', propagatedFrom: { id: original.id } },
      ]);
    const withdrawn = await t.gql(
      'mutation ($input: WithdrawAnnotationInput!) { withdrawAnnotation(input: $input) { id } }',
      { input: { id: accepted.id, version: accepted.version } },
      { key: reviewer },
    );
    expect(withdrawn.errors).toBeUndefined();
    // A FAMILY proposal that follows nothing was left behind (its propagatedFrom set to null by the database).
    for (const copy of [1, 2])
      expect(await annotationsOn(provisions[copy], 'CONVENTION_REF_IMPLICIT')).toEqual([]);
    const log = await t.gql<{ auditLog: { edges: { node: { reason: string } }[] } }>(
      `{ auditLog(first: 5, filter: { action: "annotation.withdraw" }) { edges { node { reason } } } }`,
      {},
      { key: reviewer },
    );
    expect(log.data!.auditLog.edges.map((e) => e.node.reason)).toContain(
      `annotation ${fromGlobalId(original.id)!.key} (nafta/propagation-0), which it copied, was withdrawn`,
    );
  });
  it('removing a provision takes back what the reviews of its annotations did to the copies', async () => {
    const original = await propose(2, 'POLICY_SPACE_CULTURE');
    await review(original, 'ACCEPT');
    for (const copy of [0, 1])
      expect(await annotationsOn(provisions[copy], 'POLICY_SPACE_CULTURE')).toMatchObject([
        { origin: 'FAMILY', propagatedFrom: { id: original.id } },
      ]);
    const editor = await t.createKey(Role.EDITOR);
    const current = await t.gql<{ provision: { version: number } }>(
      `query ($id: ID!) { provision(id: $id) { version } }`,
      { id: provisions[2] },
    );
    const removed = await t.gql(
      'mutation ($input: RemoveProvisionInput!) { removeProvision(input: $input) { id } }',
      { input: { pinpoint: `${AGREEMENTS[2]}/propagation-2`, version: current.data!.provision.version } },
      { key: editor },
    );
    expect(removed.errors).toBeUndefined();
    for (const copy of [0, 1])
      expect(await annotationsOn(provisions[copy], 'POLICY_SPACE_CULTURE')).toEqual([]);
  });
});
