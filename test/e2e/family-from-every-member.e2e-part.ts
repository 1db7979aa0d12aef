import { startTestApp, TestApp } from '../support/test-app';

interface FamilyAnswer {
  template: { pinpoint: string };
  size: number;
  truncated: boolean;
  members: { dateSigned: string | null; provision: { pinpoint: string } }[];
}

const FAMILY = `query ($id: ID!) { clauseFamily(id: $id) {
  template { pinpoint } size truncated members { dateSigned provision { pinpoint } } } }`;

/** The pinpoints of the timeline on a provision page, and the one carrying the template badge. */
function timelineOf(html: string, current: string): { members: string[]; badge: string | null } {
  const timeline = /<ol class="timeline">([\s\S]*?)<\/ol>/.exec(html);
  if (!timeline) return { members: [], badge: null };
  const items = timeline[1].split('</li>').slice(0, -1);
  const pinpointOf = (item: string) =>
    item.includes('aria-current') ? current : /href="\/provisions\/([^"?#]+)"/.exec(item)![1];
  const badged = items.find((item) => item.includes('<span class="badge">'));
  return { members: items.map(pinpointOf).sort(), badge: badged ? pinpointOf(badged) : null };
}

describe('a clause family is the same whichever member it is asked from', () => {
  let t: TestApp;
  const family = async (pinpoint: string): Promise<FamilyAnswer> => {
    const found = await t.gql<{ provision: { id: string } }>(
      'query ($p: String!) { provision(pinpoint: $p) { id } }',
      { p: pinpoint },
    );
    const res = await t.gql<{ clauseFamily: FamilyAnswer }>(FAMILY, { id: found.data!.provision.id });
    expect(res.errors).toBeUndefined();
    return res.data!.clauseFamily;
  };

  beforeAll(async () => {
    t = await startTestApp({ rateLimits: false });
  });
  afterAll(() => t.close());

  // The cultural industries exemption: a new-user trial found NAFTA art. 2106 marked template on seven members'
  // pages while its own page said it had no family, and each member's page listing other members. NAFTA's article
  // (a short reference to the 1988 article) is now a family of its own, on its page and on every other.
  it('gives every member of the cultural industries family the same members and template, in the API and on its page', async () => {
    for (const start of ['canada-korea-fta/art-22.6', 'nafta/art-2106']) {
      const first = await family(start);
      const members = first.members.map((m) => m.provision.pinpoint).sort();
      expect(first.truncated).toBe(false);
      if (start === 'canada-korea-fta/art-22.6') expect(members.length).toBeGreaterThan(1);
      for (const member of members) {
        const answer = await family(member);
        expect({ start, member, members: answer.members.map((m) => m.provision.pinpoint).sort() }).toEqual({
          start,
          member,
          members,
        });
        expect({ start, member, template: answer.template.pinpoint }).toEqual({
          start,
          member,
          template: first.template.pinpoint,
        });
        const page = await t.http().get(`/provisions/${member}`).set('Accept', 'text/html');
        expect(page.status).toBe(200);
        // A family of one is no timeline: the page says the provision has no family.
        const alone = members.length === 1;
        expect({ start, member, ...timelineOf(page.text, member) }).toEqual({
          start,
          member,
          members: alone ? [] : members,
          badge: alone ? null : first.template.pinpoint,
        });
        expect({ start, member, none: page.text.includes('This provision has no family') }).toEqual({
          start,
          member,
          none: alone,
        });
      }
    }
  });

  it('names the earliest member the template: a newer text is never the template of older ones', async () => {
    for (const start of ['canada-korea-fta/art-22.6', 'nafta/art-2106', 'usmca/art-32.6', 'depa/art-1.1']) {
      const answer = await family(start);
      const dated = answer.members.filter((m) => m.dateSigned !== null).map((m) => m.dateSigned!);
      const template = answer.members.find((m) => m.provision.pinpoint === answer.template.pinpoint)!;
      if (!dated.length) continue;
      expect({ start, template: template.dateSigned }).toEqual({ start, template: dated.sort()[0] });
    }
  });

  it("gives the draft checker's precedents the family their own pages show", async () => {
    const { text, summary } = (
      await t.gql<{ provision: { text: string | null; summary: string | null } }>(
        '{ provision(pinpoint: "canada-korea-fta/art-22.6") { text summary } }',
      )
    ).data!.provision;
    const res = await t.gql<{
      checkDraft: {
        articles: {
          precedents: {
            provision: { id: string; pinpoint: string };
            family: { size: number; template: { pinpoint: string }; complete: boolean } | null;
          }[];
        }[];
      };
    }>(
      `query ($input: CheckDraftInput!) { checkDraft(input: $input) { articles { precedents {
        provision { id pinpoint } family { size complete template { pinpoint } } } } } }`,
      {
        input: {
          text: `Chapter 22 Exceptions\n\nArticle 22.6 Cultural Industries\n${text ?? summary}\n`,
          parties: ['CAN', 'KOR'],
          language: 'en',
        },
      },
    );
    expect(res.errors).toBeUndefined();
    const withFamily = res.data!.checkDraft.articles.flatMap((a) => a.precedents).filter((p) => p.family);
    expect({ precedents: res.data!.checkDraft.articles, withFamily: withFamily.length > 0 }).toMatchObject({
      withFamily: true,
    });
    for (const precedent of withFamily) {
      const own = await family(precedent.provision.pinpoint);
      expect({ pinpoint: precedent.provision.pinpoint, ...precedent.family }).toEqual({
        pinpoint: precedent.provision.pinpoint,
        size: own.size,
        complete: !own.truncated,
        template: own.template,
      });
    }
  });
});
