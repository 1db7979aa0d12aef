import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { splitArticles } from './split-articles';
import { overBacktrackLimit } from '../../../test/support/regexp-backtracks';

// Small invented treaties; none of these sentences comes from a real agreement.

describe('splitArticles', () => {
  it('cuts an English text at chapter and article headings, with a preamble first', () => {
    const text = [
      'AGREEMENT BETWEEN ATLANTIS AND LEMURIA',
      '',
      'The two partners, wishing to trade,',
      'agree as follows:',
      '',
      'CHAPTER ONE',
      'General Provisions',
      '',
      'Article 1.1: Objectives',
      '1. The aim is more trade.',
      '2. And fair trade.',
      '',
      'Article 1.2',
      'Definitions',
      'In this Agreement, a good is a thing.',
      '',
      'CHAPTER 22 – Exceptions',
      'Section B: Culture',
      'ARTICLE 22.7',
      'This Agreement leaves out the arts. Article 3 of the other treaty',
      'of 1990 still applies.',
    ].join('\n');
    const provisions = splitArticles(text);
    expect(
      provisions.map((p) => [p.location, p.chapterNumber, p.chapterTitle, p.articleNumber, p.articleTitle]),
    ).toEqual([
      [ProvisionLocation.PREAMBLE, null, null, null, null],
      [ProvisionLocation.OPERATIVE, 'ONE', 'General Provisions', '1.1', 'Objectives'],
      [ProvisionLocation.OPERATIVE, 'ONE', 'General Provisions', '1.2', 'Definitions'],
      [ProvisionLocation.OPERATIVE, '22', 'Exceptions', '22.7', null],
    ]);
    expect(provisions[0].text).toBe(
      'AGREEMENT BETWEEN ATLANTIS AND LEMURIA\n\nThe two partners, wishing to trade,\nagree as follows:',
    );
    expect(provisions[1].text).toBe('1. The aim is more trade.\n2. And fair trade.');
    expect(provisions[3]).toMatchObject({ sectionNumber: 'B', sectionTitle: 'Culture' });
    expect(provisions[3].text).toBe(
      'This Agreement leaves out the arts. Article 3 of the other treaty\nof 1990 still applies.',
    );
    expect(provisions.map((p) => p.order)).toEqual([0, 1, 2, 3]);
  });

  it('reads lettered article numbers and Markdown headings', () => {
    const text = [
      '# Free Trade Agreement',
      '',
      '## Chapter O: Exceptions',
      '',
      '### Article O-06',
      '#### Cultural Industries',
      'An annex governs the arts.',
      '',
      '### **Article O-07 — Definitions**',
      'Words mean what they say.',
    ].join('\n');
    const provisions = splitArticles(text);
    expect(
      provisions.map((p) => [p.chapterNumber, p.chapterTitle, p.articleNumber, p.articleTitle, p.text]),
    ).toEqual([
      ['O', 'Exceptions', 'O-06', 'Cultural Industries', 'An annex governs the arts.'],
      ['O', 'Exceptions', 'O-07', 'Definitions', 'Words mean what they say.'],
    ]);
  });

  it('drops page numbers left in a pasted document, in the text, as headings and after titles', () => {
    const text = [
      '## Article 11: Customs Duties',
      '1. No Party shall impose duties.',
      '',
      '### - 11 -',
      '',
      '2. Paragraph 1 does not preclude fees.',
      'Page 4 of 24',
      '3. A third paragraph.',
      '## Article 12: Security Exception - 3 -',
      'Nothing prevents security measures.',
      '## Article 13: Committee on Electronic Commerce......................',
      'A committee is established.',
    ].join('\n');
    expect(splitArticles(text).map((p) => [p.articleNumber, p.articleTitle, p.text])).toEqual([
      [
        '11',
        'Customs Duties',
        '1. No Party shall impose duties.\n\n2. Paragraph 1 does not preclude fees.\n3. A third paragraph.',
      ],
      ['12', 'Security Exception', 'Nothing prevents security measures.'],
      ['13', 'Committee on Electronic Commerce', 'A committee is established.'],
    ]);
  });

  it('keeps footnote references out of titles: a Markdown [^3] or a caret ^4 after a heading is no part of its title', () => {
    const text = [
      '## Article 5: Electronic Signatures[^3]',
      'No Party shall deny an electronic signature legal effect.',
      '[^3]: For greater certainty, this is a footnote.',
      '### Article 6: Electronic Contracts^4',
      'A contract is not denied effect for being electronic.',
      '### Article 7: Paperless Trading [^5][^6]',
      'Each Party shall accept electronic documents.',
    ].join('\n');
    expect(splitArticles(text).map((p) => [p.articleNumber, p.articleTitle])).toEqual([
      ['5', 'Electronic Signatures'],
      ['6', 'Electronic Contracts'],
      ['7', 'Paperless Trading'],
    ]);
    // The footnote's text stays in the article where the draft places it.
    expect(splitArticles(text)[0].text).toContain('[^3]: For greater certainty');
  });

  it('reads Spanish headings', () => {
    const text = [
      'Preámbulo',
      'Las Partes desean comerciar.',
      'CAPÍTULO 3',
      'Comercio Electrónico',
      'Sección A - Disposiciones Generales',
      'Artículo 3.1: Definiciones',
      'Para los efectos de este Capítulo, un producto digital es un archivo.',
      'ARTÍCULO 3.2',
      'Cada Parte cooperará.',
    ].join('\n');
    const provisions = splitArticles(text);
    expect(
      provisions.map((p) => [
        p.location,
        p.chapterNumber,
        p.chapterTitle,
        p.sectionTitle,
        p.articleNumber,
        p.articleTitle,
      ]),
    ).toEqual([
      [ProvisionLocation.PREAMBLE, null, null, null, null, null],
      [
        ProvisionLocation.OPERATIVE,
        '3',
        'Comercio Electrónico',
        'Disposiciones Generales',
        '3.1',
        'Definiciones',
      ],
      [ProvisionLocation.OPERATIVE, '3', 'Comercio Electrónico', 'Disposiciones Generales', '3.2', null],
    ]);
    expect(provisions[0].text).toBe('Las Partes desean comerciar.');
    expect(provisions[2].text).toBe('Cada Parte cooperará.');
  });

  it('reads French headings, with "Article premier" and "Article 1er"', () => {
    const text = [
      'Les Parties conviennent de ce qui suit :',
      'Chapitre I – Dispositions générales',
      'Article premier',
      'Objet',
      "L'accord crée une zone de libre-échange.",
      'Article 2',
      'Les Parties coopèrent.',
      'Chapitre II',
      'Article 1er',
      'Un second texte numéroté autrement.',
    ].join('\n');
    const provisions = splitArticles(text);
    expect(
      provisions.map((p) => [p.location, p.chapterNumber, p.chapterTitle, p.articleNumber, p.articleTitle]),
    ).toEqual([
      [ProvisionLocation.PREAMBLE, null, null, null, null],
      [ProvisionLocation.OPERATIVE, 'I', 'Dispositions générales', '1', 'Objet'],
      [ProvisionLocation.OPERATIVE, 'I', 'Dispositions générales', '2', null],
      [ProvisionLocation.OPERATIVE, 'II', null, '1', null],
    ]);
  });

  it('keeps running text that merely mentions an article or a chapter', () => {
    const text = [
      'Article 4',
      'The Parties recall that',
      'article 4 of the old treaty and',
      'Chapter 2 of the charter apply.',
    ].join('\n');
    const [article] = splitArticles(text);
    expect(article.articleNumber).toBe('4');
    expect(article.text).toBe(
      'The Parties recall that\narticle 4 of the old treaty and\nChapter 2 of the charter apply.',
    );
  });

  it('places articles after an annex or protocol heading in that location', () => {
    const text = [
      'Article 1',
      'Main text.',
      'ANNEX 14A',
      'Framework for Media Cooperation',
      'The regulators meet yearly.',
      'Protocol on Cultural Cooperation',
      'Article 1',
      'Co-productions are welcome.',
    ].join('\n');
    const provisions = splitArticles(text);
    expect(provisions.map((p) => [p.location, p.articleNumber, p.articleTitle, p.text])).toEqual([
      [ProvisionLocation.OPERATIVE, '1', null, 'Main text.'],
      [
        ProvisionLocation.ANNEX,
        null,
        'Annex 14A: Framework for Media Cooperation',
        'The regulators meet yearly.',
      ],
      [ProvisionLocation.PROTOCOL, null, 'Protocol on Cultural Cooperation', ''],
      [ProvisionLocation.PROTOCOL, '1', null, 'Co-productions are welcome.'],
    ]);
  });

  it('reads an article written inline with its heading', () => {
    const [article] = splitArticles(
      'Article 9 Each Party shall publish its laws on electronic commerce and make them available to the public.',
    );
    expect(article).toMatchObject({ articleNumber: '9', articleTitle: null });
    expect(article.text).toMatch(/^Each Party shall publish/);
  });

  it('returns nothing for an empty text', () => {
    expect(splitArticles('  \n\n ')).toEqual([]);
  });

  it('reads articles numbered without the word ("1. Scope") in a text with no "Article" heading', () => {
    const text = [
      'ELECTRONIC COMMERCE',
      '',
      '1. Scope',
      '',
      '1.1 This Chapter shall apply to measures affecting trade by electronic means.',
      '',
      '1.2 This Chapter shall not apply to government procurement.',
      '',
      '2. Customs Duties',
      '',
      '2.1 No Party shall impose customs duties on electronic transmissions.',
      '',
      '## 3) Online Consumer Protection',
      'Each Party shall protect consumers engaged in electronic commerce.',
    ].join('\n');
    const provisions = splitArticles(text);
    expect(provisions.map((p) => [p.location, p.articleNumber, p.articleTitle])).toEqual([
      [ProvisionLocation.OPERATIVE, '1', 'Scope'],
      [ProvisionLocation.OPERATIVE, '2', 'Customs Duties'],
      [ProvisionLocation.OPERATIVE, '3', 'Online Consumer Protection'],
    ]);
    expect(provisions[0].text).toBe(
      '1.1 This Chapter shall apply to measures affecting trade by electronic means.\n\n1.2 This Chapter shall not apply to government procurement.',
    );
    expect(provisions.every((p) => p.documentTitle === 'ELECTRONIC COMMERCE')).toBe(true);
  });

  it('keeps numbered lines as text where the articles have the word, or where the numbers fall back', () => {
    const withWord = splitArticles('Article 1: Scope\n1. Definitions\nWords mean what they say.');
    expect(withWord.map((p) => p.articleNumber)).toEqual(['1']);
    const falling = splitArticles('2. Scope\nText.\n1. Definitions\nMore text.');
    expect(falling.map((p) => [p.articleNumber, p.articleTitle])).toEqual([['2', 'Scope']]);
  });

  it('keeps the title above the first chapter, section or article as the text title, not a section', () => {
    const text = [
      '# Joint Statement Initiative on Electronic Commerce',
      'A cover note.',
      '# AGREEMENT ON ELECTRONIC COMMERCE',
      '## PREAMBLE',
      'The Parties, recognising the opportunities of digital trade, hereby agree as follows:',
      '## SECTION A',
      '## SCOPE AND GENERAL PROVISIONS',
      '### Article 1: Scope',
      'This Agreement shall apply to measures affecting trade by electronic means.',
    ].join('\n');
    const provisions = splitArticles(text);
    expect(provisions.map((p) => [p.location, p.sectionTitle, p.articleTitle])).toEqual([
      [ProvisionLocation.PREAMBLE, null, null],
      [ProvisionLocation.OPERATIVE, 'SCOPE AND GENERAL PROVISIONS', 'Scope'],
    ]);
    expect(provisions.map((p) => p.documentTitle)).toEqual([
      'AGREEMENT ON ELECTRONIC COMMERCE',
      'AGREEMENT ON ELECTRONIC COMMERCE',
    ]);
    expect(splitArticles('Article 1\nText.')[0].documentTitle).toBeNull();
  });

  it('reads a clause pasted alone as operative text, and a text that agrees as follows as a preamble', () => {
    expect(
      splitArticles('This Chapter shall not apply to audiovisual services.\nNor to broadcasting.'),
    ).toMatchObject([{ location: ProvisionLocation.OPERATIVE, articleNumber: null }]);
    expect(
      splitArticles('The Parties, recognising the value of culture,\nHave agreed as follows:')[0].location,
    ).toBe(ProvisionLocation.PREAMBLE);
  });
});

describe('splitArticles on hostile input (red team)', () => {
  // Each of these, 200,000 characters (the draft checker's limit) in one line, held the event loop for tens of
  // seconds to minutes: a trailing pattern (`\s+#+\s*$`, `[*_]+$`, `\s*\.{3,}\s*\d*$`, `(.*)$` stopping at
  // U+2028) retried at every character of a long run. Linear now: well under a second each, even on a loaded machine.
  const RUNS: [string, string][] = [
    ['blanks', ' '],
    ['tabs', '\t'],
    ['dots', '.'],
    ['stars', '*'],
    ['underscores', '_'],
    ['hashes after blanks', ' #'],
    ['line separators after blanks', ' \u2028'],
  ];
  // Counted, not timed (a bound of 2 s a text failed under load): the trailing patterns that retried at every
  // character of the run (`\s+#+$`, `[*_]+$`: 27 s to 167 s for 200,000 characters) made as many backtracks a
  // character as the run has characters; each pattern run here is run again, stopped past 256 a character. A run of
  // 20,000 characters is one such fault's 20,000 a character; splitting it otherwise than at a pattern is linear.
  it.each(RUNS)('splits a draft of one line of %s in linear time', async (_name, unit) => {
    const run = unit.repeat(20_000 / unit.length).slice(0, 19_980);
    for (const text of [`Article 1\n${run}x`, `Article 1 ${run}x`, `## Article 1\n# ${run}x #`]) {
      const { answer: articles, over } = await overBacktrackLimit(256, () => splitArticles(text));
      expect(over).toEqual([]);
      expect(articles.length).toBeGreaterThan(0);
    }
  });

  it('still reads closing hashes and emphasis marks as before', () => {
    expect(splitArticles('## Article 5 ##\nCulture\nThe Parties keep it.')[0]).toMatchObject({
      articleNumber: '5',
      articleTitle: 'Culture',
    });
    expect(splitArticles('**Article 5: Culture** ##\nText.')[0]).toMatchObject({ articleTitle: 'Culture' });
    expect(splitArticles('Article 8\n# Films #\nText.')[0]).toMatchObject({ articleTitle: 'Films' });
    expect(splitArticles('Article 6: Films ###\nText.')[0]).toMatchObject({ articleTitle: 'Films' });
    expect(splitArticles('Article 7: Films#\nText.')[0]).toMatchObject({ articleTitle: 'Films#' });
  });
});
