import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

import { totaFiles } from '../support/corpus';
import { parseTota, TotaTreaty } from '../../src/ingest/tota/parse-tota';
import { totaProvisions } from '../../src/ingest/tota/tota-provisions';
import { ProvisionLocation } from '../../src/provisions/provision-location.enum';

describe('parseTota on the whole ToTA corpus', () => {
  const files = totaFiles();
  const texts = files.map((file) => ({ name: basename(file), xml: readFileSync(file, 'utf8') }));
  let treaties: TotaTreaty[] = [];
  let milliseconds = 0;

  beforeAll(() => {
    const started = performance.now();
    treaties = texts.map(({ name, xml }) => parseTota(xml, name));
    milliseconds = performance.now() - started;
    const megabytes = texts.reduce((total, { xml }) => total + Buffer.byteLength(xml), 0) / 1e6;
    console.log(
      `parsed ${treaties.length} ToTA files (${megabytes.toFixed(1)} MB) in ${milliseconds.toFixed(0)} ms`,
    );
  });

  it('parses every file quickly', () => {
    expect(treaties).toHaveLength(450);
    // Measured about 1.5 s on the 2-core dev machine; the bound leaves room for slower runners.
    expect(milliseconds).toBeLessThan(15_000);
  });

  it('finds every article, with unique identifiers', () => {
    const articles = treaties.flatMap((treaty) => treaty.chapters.flatMap((chapter) => chapter.articles));
    expect(articles).toHaveLength(40_993);
    expect(new Set(articles.map((article) => article.articleIdentifier)).size).toBe(articles.length);
  });

  it('reads the meta fields', () => {
    const languages = treaties.reduce<Record<string, number>>((counts, treaty) => {
      const language = treaty.language ?? 'none';
      counts[language] = (counts[language] ?? 0) + 1;
      return counts;
    }, {});
    expect(languages).toEqual({ en: 424, es: 24, fr: 2 });
    expect(treaties.every((treaty) => treaty.treatyIdentifier && treaty.partiesOriginal.length > 0)).toBe(
      true,
    );
    // Some inactive agreements list no current party (an empty <partyisocode/>).
    expect(treaties.filter((treaty) => treaty.parties.length === 0).length).toBeGreaterThan(0);
    const japanThailand = treaties.find((treaty) => treaty.treatyIdentifier === '1');
    expect(japanThailand).toMatchObject({
      dateSigned: '2007-04-03',
      dateIntoForce: '2007-11-01',
      dateInactive: null,
      parties: ['JPN', 'THA'],
      partiesWto: true,
    });
  });

  it('makes the Preamble pseudo-chapters PREAMBLE provisions', () => {
    const provisions = treaties.flatMap((treaty) => totaProvisions(treaty));
    const preambles = provisions.filter((provision) => provision.location === ProvisionLocation.PREAMBLE);
    // 324 files have a Preamble pseudo-chapter, some with several pseudo-articles.
    expect(preambles).toHaveLength(357);
    expect(preambles.every((provision) => provision.chapterTitle === 'Preamble')).toBe(true);
  });
});
