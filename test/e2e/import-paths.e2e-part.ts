import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EntityManager } from '@mikro-orm/knex';
import { Agreement } from '../../src/agreements/agreement.entity';
import { formatSummary } from '../../src/ingest/import-summary';
import { importers } from '../../src/ingest/importers';
import { startTestApp, TestApp } from '../support/test-app';

const TOTA_DIR = join(__dirname, '..', 'fixtures', 'tota');

/**
 * Paths an unlucky operator gives the imports: a folder to `import json` or `import text`, a missing file, a named
 * pipe, the corpus's `tota/` folder (its files are in `tota/xml/`). Each is named with what it is, and nothing is
 * written. Before hostile16 a folder was "not a regular file (a device, a pipe or a socket); give a file or a
 * folder of files", a missing file Node's "ENOENT: no such file or directory, stat ..." (`import json`: "not valid
 * JSON: ENOENT ..."), and a folder holding no .xml file "0 of 0 files imported" with exit status 0.
 */
describe('import: paths that are no file to read', () => {
  let t: TestApp;
  let dir: string;
  const agreements = () => (t.orm.em.fork() as EntityManager).count(Agreement);

  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'ct-import-paths-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a folder, a named pipe and a missing file as such, once, for every format', async () => {
    const folder = join(dir, 'export.json');
    mkdirSync(folder);
    const pipe = join(dir, 'pipe.xml');
    execFileSync('mkfifo', [pipe]);
    const missing = join(dir, 'missing.json');
    const before = await agreements();
    const expected: [string, RegExp][] = [
      [folder, /^export\.json: a folder, not a file$/],
      [pipe, /^pipe\.xml: a named pipe, not a regular file \(read without end\)$/],
      [missing, /^missing\.json: no such file or folder \(.*missing\.json\)$/],
    ];
    for (const [path, reason] of expected) {
      const json = await importers(t.app).json.import({ paths: [path] });
      expect(json.failures.map((f) => f.reason)).toEqual([expect.stringMatching(reason)]);
      const text = await importers(t.app).text.import({ paths: [path], agreement: 'ceta', annotate: false });
      expect(text.failures.map((f) => f.reason)).toEqual([expect.stringMatching(reason)]);
      // The printed summary names the file once (it said "FAILED: pipe.xml: pipe.xml: ...").
      const printed = formatSummary(text, 1);
      expect(printed).toContain(`FAILED: ${text.failures[0].reason}`);
    }
    const tota = await importers(t.app).tota.import({ paths: [pipe], annotate: false });
    expect(tota.failures.map((f) => f.reason)).toEqual([expect.stringMatching(expected[1][1])]);
    expect(await agreements()).toBe(before);
  });

  it('refuses a ToTA folder with no .xml file, or a missing path among good ones, naming each, before writing anything', async () => {
    // The corpus's layout: tota/ holds README.md and the folder xml/ with the files.
    const corpus = join(dir, 'tota');
    mkdirSync(join(corpus, 'xml'), { recursive: true });
    copyFileSync(join(TOTA_DIR, 'sample_1.xml'), join(corpus, 'xml', 'pta_1.xml'));
    copyFileSync(join(TOTA_DIR, 'sample_1.xml'), join(corpus, 'README.md'));
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    const before = await agreements();

    await expect(importers(t.app).tota.import({ paths: [corpus], annotate: false })).rejects.toThrow(
      /^tota: a folder with no \.xml file \(the import does not look into its folders: xml; give the one that holds the files\); nothing was imported$/,
    );
    await expect(
      importers(t.app).tota.import({
        paths: [join(corpus, 'xml'), empty, join(dir, 'pta_2.xml')],
        annotate: false,
      }),
    ).rejects.toThrow(
      /^empty: a folder with no \.xml file; pta_2\.xml: no such file or folder \(.*pta_2\.xml\); nothing was imported$/,
    );
    expect(await agreements()).toBe(before);

    // A file named in capitals is a ToTA file too (it was left out of its folder without a word).
    const upper = join(dir, 'upper');
    mkdirSync(upper);
    copyFileSync(join(TOTA_DIR, 'sample_1.xml'), join(upper, 'PTA_1.XML'));
    const summary = await importers(t.app).tota.import({ paths: [upper], annotate: false });
    expect({ files: summary.files, failures: summary.failures }).toEqual({ files: 1, failures: [] });
  });
});
