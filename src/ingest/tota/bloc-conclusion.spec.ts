import { ConcludedBy } from '../../agreements/agreement.enums';
import { blocConclusionFromText } from './bloc-conclusion';
import { TotaChapter } from './tota-treaty';

/** A text of invented articles (our own words, the shape of a party line or signature block only). */
const text = (...articles: string[]): { chapters: TotaChapter[] } => ({
  chapters: [
    {
      chapterIdentifier: '1',
      number: null,
      name: null,
      order: 0,
      articles: articles.map((a, i) => ({
        articleIdentifier: String(i + 1),
        number: null,
        name: null,
        text: a,
        order: i,
      })),
    },
  ],
});

describe('blocConclusionFromText: who concluded an EU agreement, as its text says', () => {
  it('reads a member state named as a contracting party, or signing, as mixed', () => {
    expect(
      blocConclusionFromText(
        text(
          'THE KINGDOM OF BELGIUM, THE FRENCH REPUBLIC, ... THE EUROPEAN UNION, of the one part, and TESTLAND, of the other part',
          'Article 1',
        ),
      ),
    ).toMatchObject({ concludedBy: ConcludedBy.MIXED });
    expect(
      blocConclusionFromText(
        text(
          'Agreement between the European Community and Testland',
          'Article 1',
          'Pour le Royaume de Belgique ... For the European Community ... For Testland',
        ),
      ),
    ).toMatchObject({ concludedBy: ConcludedBy.MIXED, evidence: "a member state's signature block" });
    expect(
      blocConclusionFromText(
        text(
          '1. An Association is hereby established between the Community and its Member States, of the one part, and Testland',
        ),
      ),
    ).toMatchObject({ concludedBy: ConcludedBy.MIXED });
  });

  it('reads the bloc alone as the party (its party line, or its signature with no member state’s) as BLOC_ONLY', () => {
    expect(
      blocConclusionFromText(
        text(
          'THE EUROPEAN ECONOMIC COMMUNITY, of the one part, and THE REPUBLIC OF TESTLAND, of the other part, DESIRING ...',
          'Article 1',
        ),
      ),
    ).toEqual({
      concludedBy: ConcludedBy.BLOC_ONLY,
      evidence: 'the bloc alone named as the party on its side',
    });
    expect(
      blocConclusionFromText(
        text(
          'Article 1 The Community and Testland shall ...',
          'Done at Brussels ... For the Council of the European Communities ... For the Government of Testland',
        ),
      ),
    ).toEqual({
      concludedBy: ConcludedBy.BLOC_ONLY,
      evidence: "the bloc's signature, and no member state's",
    });
  });

  it('leaves it unrecorded where the text says neither, or the mixed party line is only a recital, or a member state may sign', () => {
    expect(
      blocConclusionFromText(text('Article 1 Trade between the Community and Testland is free.')),
    ).toBeNull();
    // An interim agreement of the bloc alone recalls the mixed agreement it stands in for: still the bloc alone.
    expect(
      blocConclusionFromText(
        text(
          'THE EUROPEAN COMMUNITY, of the one part, and TESTLAND, of the other part, WHEREAS the Association Agreement between the European Community and its Member States, of the one part, and Testland, of the other part, was signed ...',
        ),
      ),
    ).toMatchObject({ concludedBy: ConcludedBy.BLOC_ONLY });
    // A tariff clause naming member states is no signature.
    expect(
      blocConclusionFromText(
        text(
          'Article 1 The duties are: - for Denmark, Ireland and the United Kingdom: those applied on 1 January.',
          'For the Council of the European Communities ... For the Government of Testland',
        ),
      ),
    ).toMatchObject({ concludedBy: ConcludedBy.BLOC_ONLY });
    // The bloc signs, and so may a member state (an OCR-broken block): nothing is recorded.
    expect(
      blocConclusionFromText(
        text(
          'Article 1 ...',
          'For Her Majesty the Queen of the United Kingdom ... For the Council of the European Communities',
        ),
      ),
    ).toBeNull();
  });
});
