import { markup, raw } from './html';
import { codeNameIn, LANGUAGES, MESSAGES, pickLanguage, translator } from './i18n';
import { MAX_LANGUAGE_RANGES } from '../common/i18n';
import { highlightEvidence } from './pages/provision.page';
import { basePath, queryString } from './web-context';
import { provisionLabel, shortProvisionLabel } from '../reports/common/report-facts';
import { citedChapter, codeName, sourceNote } from './views/common';
import { CoherenceData, noFindingKey } from './views/party-dashboard';
import { membersCount } from './pages/party.page';
import { articleCellLabel, articleNumberForm } from '../provisions/article-number';

describe('web explorer building blocks', () => {
  it('has every interface text in every language, with the same parameters', () => {
    const english = MESSAGES.en;
    for (const lang of LANGUAGES) {
      const messages = MESSAGES[lang];
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(messages)) {
        // A plural form counts as its parameter; the words of its forms are not parameters.
        const params = (s: string) =>
          [
            ...new Set(
              [...s.replace(/\{(\w+), plural,(?:[^{}]|\{[^{}]*\})*\}/g, '{$1}').matchAll(/\{(\w+)\}/g)].map(
                (m) => m[1],
              ),
            ),
          ].sort();
        expect({ lang, key, params: params(text) }).toEqual({
          lang,
          key,
          params: params(english[key as keyof typeof english]),
        });
        expect(text.trim()).not.toBe('');
      }
    }
  });

  it('picks the language from ?lang=, the cookie, then Accept-Language by weight', () => {
    expect(pickLanguage('fr', 'es', 'en')).toBe('fr');
    expect(pickLanguage('xx', 'es', 'fr')).toBe('es');
    expect(pickLanguage(undefined, undefined, 'de-DE,es;q=0.8,fr;q=0.9')).toBe('fr');
    expect(pickLanguage(undefined, undefined, 'de, it')).toBe('en');
    expect(pickLanguage(undefined, undefined, 'fr;q=0, es')).toBe('es');
    // A header of 16 kB (Node's bound on all headers) held 16,000 ranges, each split, matched and sorted, twice per
    // page (3 to 6 ms of the event loop each, under load): the first MAX_LANGUAGE_RANGES are read, as any browser's.
    expect(pickLanguage(undefined, undefined, `${'de,'.repeat(MAX_LANGUAGE_RANGES)}fr`)).toBe('en');
    expect(pickLanguage(undefined, undefined, `${'de,'.repeat(MAX_LANGUAGE_RANGES - 1)}fr`)).toBe('fr');
    expect(translator('fr')('search.hits', { count: 1234 })).toBe('1\u202f234 dispositions correspondent');
  });

  it('escapes every interpolated value unless it is markup built as such', () => {
    const name = '<script>alert("x")</script>';
    expect(markup`<p title="${name}">${name}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>',
    );
    expect(markup`<p>${[raw('<b>a</b>'), 'b&c', null, false, 3]}</p>`.value).toBe('<p><b>a</b>b&amp;c3</p>');
  });

  it('marks evidence spans, splitting overlaps and escaping the text', () => {
    const text = 'a <b> cultural industries & more';
    const annotation = (id: string, code: string, start: number, end: number) => ({
      id,
      code: { code, name: code },
      evidence: { start, end, quote: text.slice(start, end) },
    });
    const out = highlightEvidence(text, [
      annotation('1', 'CULTURAL_EXEMPTION', 6, 26),
      annotation('2', 'POLICY_SPACE_CULTURE', 15, 28),
      annotation('3', 'BAD', 20, 999),
    ] as never).value;
    expect(out).toBe(
      'a &lt;b&gt; <mark class="evidence" title="CULTURAL_EXEMPTION" data-annotations="1">cultural </mark>' +
        '<mark class="evidence" title="CULTURAL_EXEMPTION, POLICY_SPACE_CULTURE" data-annotations="1 2">industries </mark>' +
        '<mark class="evidence" title="POLICY_SPACE_CULTURE" data-annotations="2">&amp; </mark>more',
    );
  });

  it('builds links under the path of PUBLIC_URL', () => {
    expect(basePath(undefined)).toBe('');
    expect(basePath('http://example.org/')).toBe('');
    expect(basePath('https://example.org/clause-tracker/')).toBe('/clause-tracker');
    expect(queryString({ q: 'a b', code: ['X', 'Y'], empty: '', no: false, n: 3 })).toBe(
      '?q=a+b&code=X&code=Y&n=3',
    );
  });

  it('labels an article once when the number in the record carries the word (ToTA: "ARTICLE 22.6")', () => {
    expect(['ARTICLE 22.6', 'Art. 7', 'artículo 3', '22.6', 'Article'].map(articleNumberForm)).toEqual([
      '22.6',
      '7',
      '3',
      '22.6',
      'Article',
    ]);
    // With a dash or a colon after the word (India-Bhutan's "ARTICLE - VI" was shown as "Article - VI").
    expect(['ARTICLE - VI', 'ARTICLE: 8.4', 'Article – 3'].map(articleNumberForm)).toEqual([
      'VI',
      '8.4',
      '3',
    ]);
    // The reports and the report pages label with the same rule.
    const provision = { articleTitle: null, pinpoint: 'nafta/art-2005' };
    expect(provisionLabel({ ...provision, articleNumber: 'ARTICLE 2005' })).toBe('Art. 2005');
    expect(provisionLabel({ ...provision, articleNumber: '2005' })).toBe('Art. 2005');
  });

  it('names the protocol of an article whose number the main text also has, in every short label', () => {
    // fixtures/agreements/eu-cariforum-epa.json: Article 3 of Protocol III (entry of artists) is not the EPA's own
    // Article 3 (Sustainable Development, ToTA pta_368); the flows and the comparison showed both as "Art. 3".
    const protocol = {
      articleTitle: null,
      pinpoint: 'eu-cariforum-epa/protocol-iii-cultural-cooperation/art-3',
    };
    expect(shortProvisionLabel({ ...protocol, articleNumber: '3' })).toBe(
      'Protocol III cultural cooperation, Art. 3',
    );
    expect(provisionLabel({ ...protocol, articleNumber: '3' })).toBe(
      'Protocol III cultural cooperation, Art. 3',
    );
    expect(shortProvisionLabel({ articleNumber: '3', pinpoint: 'eu-cariforum-epa/art-3' })).toBe('Art. 3');
    // With no number, the key in words (without the agreement's slug, which the row names), never a raw key.
    const clause = 'eu-cariforum-epa/protocol-iii-cultural-cooperation/audiovisual-co-productions';
    expect(shortProvisionLabel({ articleNumber: null, pinpoint: clause })).toBe(
      'Protocol III cultural cooperation, audiovisual co-productions',
    );
    expect(provisionLabel({ articleNumber: null, articleTitle: null, pinpoint: clause })).toBe(
      'Protocol III cultural cooperation, audiovisual co-productions',
    );
    expect(shortProvisionLabel({ articleNumber: null, pinpoint: 'x/annex-ii-e-commerce' })).toBe(
      'Annex II e-commerce',
    );
  });

  it("names a protocol's or annex's key in the report's language: the words of the key are ours, not the agreement's", () => {
    // "Protocol III cultural cooperation" stayed English in French and Spanish reports and pages.
    const protocol = {
      articleNumber: '3',
      pinpoint: 'eu-cariforum-epa/protocol-iii-cultural-cooperation/art-3',
    };
    const clause = {
      articleNumber: null,
      articleTitle: null,
      pinpoint: 'eu-cariforum-epa/protocol-iii-cultural-cooperation/audiovisual-co-productions',
    };
    const preamble = {
      articleNumber: null,
      articleTitle: 'Preamble',
      pinpoint: 'eu-central-america-aa/protocol-cultural-cooperation/preamble',
    };
    const annex = { articleNumber: null, pinpoint: 'x/annex-ii-e-commerce' };
    const letter = { articleNumber: null, pinpoint: 'cptpp/side-letter-culture-aus' };
    expect(
      (['en', 'fr', 'es'] as const).map((lang) => [
        shortProvisionLabel(protocol, lang),
        provisionLabel(clause, lang),
        provisionLabel(preamble, lang),
        shortProvisionLabel(annex, lang),
        shortProvisionLabel(letter, lang),
      ]),
    ).toEqual([
      [
        'Protocol III cultural cooperation, Art. 3',
        'Protocol III cultural cooperation, audiovisual co-productions',
        'Protocol cultural cooperation, Preamble',
        'Annex II e-commerce',
        'Side letter culture aus',
      ],
      [
        'Protocole III coopération culturelle, Art. 3',
        'Protocole III coopération culturelle, coproductions audiovisuelles',
        'Protocole coopération culturelle, Préambule',
        'Annexe II commerce électronique',
        'Lettre d’accompagnement culture aus',
      ],
      [
        'Protocolo III cooperación cultural, Art. 3',
        'Protocolo III cooperación cultural, coproducciones audiovisuales',
        'Protocolo cooperación cultural, Preámbulo',
        'Anexo II comercio electrónico',
        'Carta paralela cultura aus',
      ],
    ]);
  });

  it("names a protocol's article by its protocol alone, whatever its chapter, in every label", () => {
    // pages23: the agreement's CSV said "Protocol III on Cultural Cooperation, Art. 1" (its chapter), the comparison
    // and the flows "Protocol III cultural cooperation, Protocol III on Cultural Cooperation, Art. 1" (key and
    // chapter), and Article 2, whose record gives the protocol's Section 1 as chapter "1", "Ch. 1, Art. 2".
    const key = 'protocol-iii-cultural-cooperation/art-1';
    const asChapter = { number: null, title: 'Protocol III on Cultural Cooperation' };
    const label = 'Protocol III cultural cooperation, Art. 1';
    expect(
      shortProvisionLabel({ articleNumber: '1', pinpoint: `eu-cariforum-epa/${key}`, chapter: asChapter }),
    ).toBe(label);
    expect(articleCellLabel('1', asChapter, 'Ch.', key)).toBe(label);
    expect(articleCellLabel('1', null, 'Ch.', key)).toBe(label);
    const section = {
      number: '1',
      title: 'Section 1, Horizontal provisions (Protocol III on Cultural Cooperation)',
    };
    expect(articleCellLabel('2', section, 'Ch.', 'protocol-iii-cultural-cooperation/art-2')).toBe(
      'Protocol III cultural cooperation, Art. 2',
    );
    // The page's citation: the protocol, not "Chapter 1".
    const ctx = { lang: 'en', t: translator('en') } as unknown as Parameters<typeof citedChapter>[0];
    expect(
      citedChapter(ctx, {
        articleNumber: '2',
        chapterNumber: '1',
        chapterTitle: section.title,
        numberedPerChapter: true,
        pinpoint: 'eu-cariforum-epa/protocol-iii-cultural-cooperation/art-2',
      }),
    ).toBe('Protocol III cultural cooperation');
    // A main-text article keeps its chapter where its agreement numbers per chapter.
    expect(articleCellLabel('1', { number: 'CHAPTER 11', title: null }, 'Ch.', 'art-1-tota-1')).toBe(
      'Ch. 11, Art. 1',
    );
  });

  it("never shows an importer's id as a label: a ToTA text with neither number nor title is named by its chapter", () => {
    // pages23: the comparison showed EU-Korea's "Tota 12877", its signatures with the agreement's footnotes (one of
    // them on the audiovisual co-productions), which ToTA files under "Conclusion".
    const conclusion = { articleNumber: null, pinpoint: 'eu-korea-fta/tota-12877' };
    expect(shortProvisionLabel({ ...conclusion, chapter: { number: null, title: 'Conclusion' } })).toBe(
      'Conclusion',
    );
    expect(
      provisionLabel({ ...conclusion, articleTitle: null, chapter: { number: null, title: 'Conclusion' } }),
    ).toBe('Conclusion');
    expect(shortProvisionLabel({ ...conclusion, chapter: null })).toBe('Text without an article number');
    expect(shortProvisionLabel({ ...conclusion, chapter: null }, 'fr')).toBe('Texte sans numéro d’article');
  });

  it('names the chapter of an article of an agreement that numbers its articles per chapter, in every short label', () => {
    // AANZFTA's Chapters 7 and 11 each have an Article 1: "Art. 1" named neither (truth22).
    const scope = { articleNumber: '1', articleTitle: 'Scope', pinpoint: 'aanzfta/art-1-tota-1' };
    expect(shortProvisionLabel({ ...scope, chapter: { number: 'CHAPTER 11', title: 'Investment' } })).toBe(
      'Ch. 11, Art. 1',
    );
    expect(provisionLabel({ ...scope, chapter: { number: null, title: 'Investment' } })).toBe(
      'Investment, Art. 1 Scope',
    );
    expect(shortProvisionLabel({ ...scope, chapter: null })).toBe('Art. 1');
    // A protocol's preamble, titled "Preamble", read as the agreement's own preamble.
    const protocolPreamble = {
      articleNumber: null,
      articleTitle: 'Preamble',
      pinpoint: 'eu-central-america-aa/protocol-cultural-cooperation/preamble',
    };
    expect(provisionLabel(protocolPreamble)).toBe('Protocol cultural cooperation, Preamble');
    expect(provisionLabel({ ...protocolPreamble, pinpoint: 'ceta/preamble' })).toBe('Preamble');
    // In the report's language: "Ch." stayed English in French and Spanish reports.
    expect(shortProvisionLabel({ ...scope, chapter: { number: 'CHAPTER 11', title: null } }, 'fr')).toBe(
      'Chap. 11, Art. 1',
    );
    expect(shortProvisionLabel({ ...scope, chapter: { number: 'CAPÍTULO 11', title: null } }, 'es')).toBe(
      'Cap. 11, Art. 1',
    );
  });

  it('shows a code whose lines break at its underscores, not inside a word', () => {
    expect(String(codeName('ECOMMERCE_CULTURAL_CARVE_OUT'))).toBe(
      '<code>ECOMMERCE_<wbr>CULTURAL_<wbr>CARVE_<wbr>OUT</code>',
    );
  });

  it('links the addresses of a source note by their host', () => {
    expect(String(sourceNote('checked against https://example.org/a-b?c=1, http://x.test/page.'))).toBe(
      'checked against <a href="https://example.org/a-b?c=1" rel="noopener noreferrer">example.org</a>, ' +
        '<a href="http://x.test/page" rel="noopener noreferrer">x.test</a>.',
    );
  });

  it("drops the templates' source indentation, never the indentation of the values it interpolates", () => {
    const text = 'line one\n    indented by the agreement';
    const html = markup`<ul>
      <li>${text}</li>
    </ul>`;
    expect(String(html)).toBe('<ul>\n<li>line one\n    indented by the agreement</li>\n</ul>');
  });

  it("names a code in the page's language, else by the taxonomy's English name", () => {
    expect(codeNameIn('fr', 'CULTURAL_EXEMPTION', 'Cultural exemption')).toBe('Exemption culturelle');
    expect(codeNameIn('es', 'ECOMMERCE_PROVISION', 'E-commerce provision')).toBe(
      'Disposición sobre comercio electrónico',
    );
    expect(codeNameIn('en', 'CULTURAL_EXEMPTION', 'Cultural exemption')).toBe('Cultural exemption');
    expect(codeNameIn('fr', 'A_NEW_CODE', 'A new code')).toBe('A new code');
  });

  it('says why a coherence report has no finding: met checks, no agreement, or no rule that applies', () => {
    const report = (outcomes: [string, number][], agreements: number, information: [string, number][] = []) =>
      ({
        outcomes: outcomes.map(([outcome, checks]) => ({ outcome, checks })),
        informationOutcomes: information.map(([outcome, checks]) => ({ outcome, checks })),
        agreements: Array.from({ length: agreements }, (_, i) => ({
          agreement: { slug: `a${i}` },
          via: null,
        })),
      }) as unknown as CoherenceData;
    expect(
      noFindingKey(
        report(
          [
            ['MET', 3],
            ['NOT_APPLICABLE', 5],
          ],
          2,
        ),
      ),
    ).toBe('party.noFindings');
    expect(noFindingKey(report([], 0))).toBe('party.noAgreement');
    // An information rule met (every partner a Party) is a rule assessed and met.
    expect(noFindingKey(report([['NOT_APPLICABLE', 4]], 2, [['MET', 2]]))).toBe('party.noFindings');
    expect(
      noFindingKey(
        report(
          [
            ['MET', 0],
            ['NOT_APPLICABLE', 4],
          ],
          2,
        ),
      ),
    ).toBe('party.noRuleApplies');
  });

  it("counts a bloc's members now apart from those that have left", () => {
    const members = [
      { dateJoined: null, dateLeft: null },
      { dateJoined: '1958-01-01', dateLeft: null },
      { dateJoined: '1973-01-01', dateLeft: '2020-01-31' },
      { dateJoined: '1995-01-01', dateLeft: '2031-01-01' },
    ];
    expect(membersCount(members, translator('en'), '2026-12-05')).toBe('3 members, and 1 former member');
    expect(membersCount(members, translator('fr'), '2019-01-01')).toBe('4 membres');
    expect(membersCount(members.slice(2, 3), translator('es'), '2026-12-05')).toBe(
      '0 miembros, y 1 antiguo miembro',
    );
  });

  it("counts a bloc's members on the page's date: those that had not joined are no members then", () => {
    // The EU's page as of 1960 said "27 members, and 1 former member": today's members, and the United Kingdom,
    // which joined in 1973, as a former member.
    const members = [
      { dateJoined: '1958-01-01', dateLeft: null },
      { dateJoined: '1958-01-01', dateLeft: null },
      { dateJoined: '1973-01-01', dateLeft: '2020-01-31' },
      { dateJoined: '1995-01-01', dateLeft: null },
      { dateJoined: '2013-07-01', dateLeft: null },
    ];
    expect(membersCount(members, translator('en'), '1960-01-01')).toBe('2 members; 3 more joined later');
    expect(membersCount(members, translator('fr'), '1996-01-01')).toBe(
      '4 membres\u00a0; 1 autre a adhéré plus tard',
    );
    expect(membersCount(members, translator('es'), '2013-07-01')).toBe('5 miembros');
    expect(membersCount(members, translator('en'), '2020-01-31')).toBe('4 members, and 1 former member');
    // Joined on the day: a member that day (memberOn, the bindings' rule).
    expect(membersCount(members, translator('en'), '2013-06-30')).toBe('4 members; 1 more joined later');
  });
});
