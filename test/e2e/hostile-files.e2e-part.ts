import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agreement } from '../../src/agreements/agreement.entity';
import { importers } from '../../src/ingest/importers';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * What hostile22 found: ToTA files of a shape no treaty has (one tag of millions of characters or attributes, a
 * text of millions between two tags, millions of elements), which the XML validator and parser held a gigabyte
 * for, refused before parsing, naming the line.
 */
describe('hostile files: ToTA files of a shape no treaty has', () => {
  let t: TestApp;
  let dir: string;
  const sample = readFileSync(join(__dirname, '..', 'fixtures', 'tota', 'sample_1.xml'), 'utf8');
  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'ct-hostile-files-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const importTota = async (name: string, xml: string) => {
    const file = join(dir, name);
    writeFileSync(file, xml);
    return importers(t.app).tota.import({ paths: [file], annotate: false });
  };
  const article = '<article article_identifier="990101">';

  it('refuses a tag too long, a tag of many attributes, a text too long and too many elements, unparsed', async () => {
    expect(sample).toContain(article);
    const cases: [string, string, string][] = [
      // an attribute no field keeps, which the validator built a character at a time (30,000,000: 1.1 GB)
      [
        'long-attribute',
        sample.replace('<chapter ', `<chapter junk="${'a'.repeat(100_000)}" `),
        'line 32: a tag of more than 20,000 characters ("<chapter junk=\\"aaaa',
      ],
      [
        'many-attributes',
        sample.replace(
          '<chapter ',
          `<chapter ${Array.from({ length: 11 }, (_, i) => `a${i}="x"`).join(' ')} `,
        ),
        'line 32: a tag of 13 attributes',
      ],
      [
        'long-text',
        sample.replace(article, `${article}${'&#65;'.repeat(400_001)}`),
        'line 33: a text of more than 2,000,000 characters between two tags',
      ],
      [
        'many-elements',
        sample.replace(article, `${article}${'<b/>'.repeat(30_000)}`),
        'line 33: more than 30,000 elements',
      ],
    ];
    for (const [name, xml, reason] of cases) {
      const summary = await importTota(`${name}_1.xml`, xml.replace('990001', '990221'));
      expect(summary.imported).toBe(0);
      expect(summary.failures.map((f) => f.reason).join('\n')).toContain(reason);
    }
    expect(await t.orm.em.fork().count(Agreement, { totaId: '990221' })).toBe(0);
  });

  it('still imports a file at the bounds the corpus keeps far within', async () => {
    const xml = sample
      .replace('990001', '990222')
      .replace('<name>Canada - Testland</name>', '<name>Canada - Boundland</name>')
      .replace('name="Electronic Commerce"', `name="${'&#233;'.repeat(1_990)}"`)
      .replace(article, `${article}${'word '.repeat(39_000)}`);
    const summary = await importTota('bounds_1.xml', xml);
    expect(summary.failures).toEqual([]);
    expect(summary.imported).toBe(1);
  });
});
