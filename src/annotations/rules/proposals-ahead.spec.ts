import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { annotateAgreement } from './annotate-agreement';
import { AnnotatorAgreement, AnnotatorProvision } from './annotator.types';
import { forgetProposalsAhead, proposalsAhead, proposeAhead } from './proposals-ahead';

// Invented texts, in treaty style.
const article = (ref: string, text: string): AnnotatorProvision => ({
  ref,
  location: ProvisionLocation.OPERATIVE,
  chapterTitle: 'Chapter 9 Cooperation',
  text,
});
const input = (refs: [string, string]): AnnotatorAgreement => ({
  language: 'en',
  parties: [
    { code: 'AAA', developing: false },
    { code: 'CCC', developing: true },
  ],
  provisions: [
    article(refs[0], 'Each Party shall publish its tariff schedule on an official website.'),
    article(
      refs[1],
      'The Parties shall give effect to the Convention on the Protection and Promotion of the Diversity of Cultural Expressions in their dialogue.',
    ),
  ],
});

describe('proposals computed ahead of a write', () => {
  afterEach(() => forgetProposalsAhead());

  it('gives an input equal but for its refs what the rules propose for it, with its own refs, once', async () => {
    await proposeAhead(input(['0', '1']));
    const wanted = annotateAgreement(input(['41', '42']));
    expect(wanted.map((p) => p.ref)).toEqual(['42']);
    expect(proposalsAhead(input(['41', '42']))).toEqual(wanted);
    expect(proposalsAhead(input(['41', '42']))).toBeUndefined();
  });

  it('gives nothing to an input that differs in anything else, nor once the import lets them go', async () => {
    await proposeAhead(input(['0', '1']));
    const other = input(['41', '42']);
    expect(proposalsAhead({ ...other, parties: [other.parties[0]] })).toBeUndefined();
    expect(
      proposalsAhead({
        ...other,
        provisions: [other.provisions[0], { ...other.provisions[1], text: 'Other.' }],
      }),
    ).toBeUndefined();
    expect(
      proposalsAhead({
        ...other,
        provisions: [other.provisions[0], { ...other.provisions[1], chapterTitle: null }],
      }),
    ).toBeUndefined();
    expect(proposalsAhead({ ...other, language: 'es' })).toBeUndefined();
    forgetProposalsAhead();
    expect(proposalsAhead(other)).toBeUndefined();
  });
});
