import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CheckDraftCommand } from './check-draft.command';
import {
  DraftCheck,
  DraftGapBasis,
  DraftGapKind,
  DraftLeftOutReason,
  DraftPracticeSince,
} from './draft-check.models';
import { DraftCheckService } from './draft-check.service';
import { Provision } from '../../provisions/provision.entity';
import { AnnotationStatus } from '../../annotations/annotation.enums';

// An invented clause and its catalogue neighbour (entities as the ORM loads them, with their internals).
const agreement = {
  id: 7,
  slug: 'sample-fta',
  title: 'Sample Free Trade Agreement',
  shortTitle: 'Sample FTA',
  dateSigned: '2015-03-01',
  createdAt: new Date(),
  version: 3,
};
const provision = {
  id: 42,
  key: 'art-9.1',
  articleNumber: '9.1',
  articleTitle: 'Customs Duties',
  agreement,
  createdAt: new Date(),
  version: 1,
} as unknown as Provision;
// A clause of another agreement whose annotation only the rules propose.
const proposed = {
  ...provision,
  id: 43,
  key: 'art-20.4',
  articleNumber: '20.4',
  articleTitle: 'Cultural Cooperation',
  agreement: { ...agreement, id: 8, slug: 'other-fta', dateSigned: '2019-05-02' },
} as unknown as Provision;

const CHECK: DraftCheck = {
  language: 'en',
  codes: [],
  conventionStatusUnknown: ['SGP'],
  gaps: [
    {
      kind: DraftGapKind.NO_CONVENTION_REFERENCE,
      basis: DraftGapBasis.PARTY_PRACTICE,
      rule: 'G19.5/no-convention-reference',
      message: 'The draft does not refer to the 2005 Convention.',
      scope: 'since 2007',
      practice: [
        {
          party: 'CAN',
          partyName: 'Canada',
          agreements: 2,
          carrying: 1,
          reviewed: 1,
          partial: 0,
          naming: null,
          since: '2007-03-18',
          sinceBasis: DraftPracticeSince.IN_FORCE,
          through: [],
          conventionParty: true,
        },
      ],
      leftOut: [
        { party: 'SGP', partyName: 'Singapore', reason: DraftLeftOutReason.CONVENTION_STATUS_UNKNOWN },
      ],
      precedents: [
        { provision, annotationStatus: AnnotationStatus.ACCEPTED },
        { provision: proposed, annotationStatus: AnnotationStatus.PROPOSED },
      ],
    },
  ],
  articles: [
    {
      position: 0,
      location: 'OPERATIVE',
      chapterTitle: null,
      articleNumber: '1',
      articleTitle: 'Duties',
      words: 8,
      annotations: [],
      precedents: [
        {
          provision,
          score: 0.5,
          dateSigned: '2015-03-01',
          parties: ['CAN', 'KOR'],
          sameParties: true,
          signatoriesOnly: [],
          family: { template: provision, size: 12, since: '2015-03-01', complete: false },
          precedentText: 'No Party shall impose customs duties on puppets.',
          draftText: 'No Party shall levy customs duties on puppets.',
        },
        // An agreement signed and never in force (the TPP): it binds none of its signatories.
        {
          provision,
          score: 0.4,
          dateSigned: '2016-02-04',
          parties: [],
          sameParties: false,
          signatoriesOnly: ['CAN', 'USA'],
          family: null,
          precedentText: 'No Party shall impose customs duties on puppets.',
          draftText: 'No Party shall levy customs duties on puppets.',
        },
      ],
    },
  ],
};

describe('check-draft (command line)', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'check-draft-')), 'draft.txt');
  writeFileSync(file, 'Article 1 Duties\nNo Party shall levy customs duties on puppets.\n');
  let out: string[];
  let err: string[];
  const check = jest.fn(async () => CHECK);
  const command = new CheckDraftCommand({ check } as unknown as DraftCheckService);

  beforeEach(() => {
    out = [];
    err = [];
    jest.spyOn(console, 'log').mockImplementation((line: string) => void out.push(line));
    jest.spyOn(console, 'error').mockImplementation((line: string) => void err.push(line));
    process.exitCode = undefined;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('takes --parties given twice as both, not the last alone', () => {
    expect(command.parseParties('CAN')).toBe('CAN');
    expect(command.parseParties('KOR', command.parseParties('CAN'))).toBe('CAN,KOR');
  });

  it('refuses a device, a file larger than a draft can be and one not in UTF-8, unread (/dev/zero was read without end)', async () => {
    const calls = check.mock.calls.length;
    const folder = mkdtempSync(join(tmpdir(), 'check-draft-hostile-'));
    const large = join(folder, 'large.txt');
    writeFileSync(large, 'a'.repeat(800_001));
    const latin1 = join(folder, 'latin1.txt');
    writeFileSync(
      latin1,
      Buffer.from(
        'Article 1\nLes biens culturels ne sont pas des marchandises comme les autres.\n\xe9',
        'latin1',
      ),
    );
    for (const [path, message] of [
      ['/dev/zero', /cannot read \/dev\/zero: zero: a device, not a regular file/],
      [large, /cannot read .*large\.txt: 800,001 bytes, more than a draft of 200,000 characters/],
      [latin1, /cannot read .*latin1\.txt: latin1\.txt: not valid UTF-8 at line 3, column 1/],
    ] as const) {
      err = [];
      await command.run([path], { parties: 'CAN' });
      expect({ path, exitCode: process.exitCode, err: err.join('\n') }).toEqual({
        path,
        exitCode: 1,
        err: expect.stringMatching(message),
      });
      process.exitCode = undefined;
    }
    expect(check.mock.calls.length).toBe(calls);
    expect(out).toEqual([]);
  });

  it('refuses a --format it does not write, instead of writing text', async () => {
    await command.run([file], { parties: 'CAN', format: 'xml' });
    expect(process.exitCode).toBe(1);
    expect(err.join('\n')).toMatch(/--format must be one of text, json \(got "xml"\)/);
    expect(out).toEqual([]);
  });

  it('text: a family the bounded search cut short is said as members found and the earliest found, not as the family', async () => {
    await command.run([file], { parties: 'CAN' });
    expect(process.exitCode).toBeUndefined();
    const text = out.join('\n');
    expect(text).toContain(
      'family: 12 members found (the search stopped at its bound), the earliest found 2015-03-01 (sample-fta/art-9.1)',
    );
    expect(text).not.toMatch(/family of 12 since/);
    // A party whose status under the Convention is not recorded is said to be so once: here in the gap that leaves it
    // out (its message, the API's), not again in a line above the gaps.
    expect(text).not.toContain('Status under the Convention not recorded');
  });

  it('text: a status under the Convention not recorded that no gap says is said in a line of its own', async () => {
    check.mockResolvedValueOnce({
      ...CHECK,
      gaps: CHECK.gaps.map((g) => ({ ...g, leftOut: [] })),
    });
    await command.run([file], { parties: 'CAN' });
    expect(out.join('\n')).toContain(
      'Status under the Convention not recorded: Singapore (SGP) (no reference to it expected or counted)',
    );
  });

  it('text: the precedent of an agreement that binds none of its signatories names them as such, not an empty list', async () => {
    await command.run([file], { parties: 'CAN' });
    const text = out.join('\n');
    expect(text).toContain('sample-fta/art-9.1 (2016-02-04; signed only, never bound: CAN, USA)');
    expect(text).toContain('sample-fta/art-9.1 (2015-03-01; CAN, KOR)');
    expect(text).not.toContain('; )');
  });

  it('text: a clause to borrow whose annotation no reviewer has accepted is marked, a reviewed one is not', async () => {
    await command.run([file], { parties: 'CAN' });
    const text = out.join('\n');
    expect(text).toContain('  borrow: sample-fta/art-9.1 (2015-03-01)\n');
    expect(text).toContain('  borrow: other-fta/art-20.4 (2019-05-02) [proposed, not yet reviewed]\n');
  });

  it('--format json: the API fields with each precedent’s diff, clauses named by id and pinpoint, no row internals', async () => {
    await command.run([file], { parties: 'CAN', format: 'json' });
    expect(process.exitCode).toBeUndefined();
    const json = JSON.parse(out.join('\n'));
    const precedent = json.articles[0].precedents[0];
    expect(precedent.provision).toEqual({
      id: Buffer.from('Provision:42').toString('base64url'),
      pinpoint: 'sample-fta/art-9.1',
      articleNumber: '9.1',
      articleTitle: 'Customs Duties',
      agreement: {
        slug: 'sample-fta',
        title: 'Sample Free Trade Agreement',
        shortTitle: 'Sample FTA',
        dateSigned: '2015-03-01',
      },
    });
    expect(precedent.diff.segments).toEqual(
      expect.arrayContaining([
        { kind: 'DELETE', text: expect.stringContaining('impose') },
        { kind: 'INSERT', text: expect.stringContaining('levy') },
      ]),
    );
    expect(
      json.gaps[0].precedents.map((p: { provision: { pinpoint: string }; annotationStatus: string }) => [
        p.provision.pinpoint,
        p.annotationStatus,
      ]),
    ).toEqual([
      ['sample-fta/art-9.1', 'ACCEPTED'],
      ['other-fta/art-20.4', 'PROPOSED'],
    ]);
    expect(precedent.family).toMatchObject({ size: 12, since: '2015-03-01', complete: false });
    expect(json.articles[0].precedents[1]).toMatchObject({ parties: [], signatoriesOnly: ['CAN', 'USA'] });
    expect(json.conventionStatusUnknown).toEqual(['SGP']);
    const text = out.join('\n');
    for (const internal of ['createdAt', '"version"', 'draftText', 'precedentText'])
      expect(text).not.toContain(internal);
  });
});
