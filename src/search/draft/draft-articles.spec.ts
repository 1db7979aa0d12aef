import { draftArticles } from './draft-articles';

// pages23: a transcribed draft sets a page's footnotes at its foot, inside the next article. The WTO e-commerce
// draft's footnotes 6 and 7, called in Article 10 (payments), sat in Article 11 (customs duties), whose precedents
// were then looked up with words about payment systems. Invented wording, in the shape of that transcription.
const DRAFT = [
  '## Article 10: Payments',
  '',
  '10 .1 Each Party shall let licensed firms of another Party reach its clearing systems^6 run by a public body.^7',
  '',
  '## Article 11: Duties on Transmissions',
  '',
  '11 .1 In this Article, a transmission means one made by any electromagnetic means.',
  '',
  '(^6) Reaching clearing systems may be direct, or indirect through a firm that',
  'reaches them directly.',
  '(^7) Read the words of this paragraph with the services agreement in mind.',
  '',
  '11 .2 No Party shall levy customs duties on transmissions between persons of the Parties.',
  '',
  '## Article 12: Other Matters',
  '',
  '12 .1 A Party may keep its rules.',
  '',
  '(^9) A note that no article calls.',
].join('\n');

describe('the draft checker splitting a draft', () => {
  const articles = () => {
    const { split } = draftArticles({ text: DRAFT, language: 'en', parties: [] });
    return new Map(split.map((a) => [a.articleNumber, a.text]));
  };

  it('puts each footnote with the article that calls it, not the one its page ends in', () => {
    const byNumber = articles();
    expect(byNumber.get('11')).not.toMatch(/clearing|services agreement/);
    expect(byNumber.get('11')).toContain('No Party shall levy customs duties');
    expect(byNumber.get('11')).toContain('electromagnetic means');
    expect(byNumber.get('10')).toContain('(^6) Reaching clearing systems may be direct');
    expect(byNumber.get('10')).toContain('reaches them directly.');
    expect(byNumber.get('10')).toContain('(^7) Read the words');
  });

  it('leaves a footnote no article calls where it is', () => {
    expect(articles().get('12')).toContain('(^9) A note that no article calls.');
  });
});
