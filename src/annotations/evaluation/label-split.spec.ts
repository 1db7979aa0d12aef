import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { evaluateDevelopmentSide, evaluateSplit } from './label-split';

// `npm run cli -- evaluate` reads the corpus texts from CORPUS_DIR (default ../shared/corpus, beside the
// project). A clone elsewhere has no corpus there: the user must be told to set CORPUS_DIR, not shown an ENOENT.
describe('the evaluation without the corpus', () => {
  let empty: string;
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'ct-no-corpus-'));
  });
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it.each([
    ['a missing directory', () => join(empty, 'no-such-corpus')],
    ['a directory without tota/xml', () => empty],
  ])('names CORPUS_DIR and the directory for %s (test part and development side)', (_what, dir) => {
    const corpus = dir();
    const expected = new RegExp(`^CORPUS_DIR: no ToTA texts in ${corpus}/tota/xml; set CORPUS_DIR`);
    expect(() => evaluateSplit(undefined, corpus)).toThrow(expected);
    expect(() => evaluateDevelopmentSide(undefined, corpus)).toThrow(expected);
  });
});
