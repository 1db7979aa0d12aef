import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOTA_MAX_TAG_CHARACTERS, TOTA_MAX_TEXT_RUN, totaShapeProblem } from './tota-shape';

const sample = readFileSync(
  join(__dirname, '..', '..', '..', 'test', 'fixtures', 'tota', 'sample_1.xml'),
  'utf8',
);

describe('totaShapeProblem', () => {
  it('passes a treaty, and leaves what is malformed otherwise to the validator', () => {
    expect(totaShapeProblem(sample)).toBeNull();
    // a quoted '>' belongs to its attribute; a '<' before a space is no tag; a file cut short is the validator's
    expect(totaShapeProblem('<a b="x>y" c=\'>\'>1 < 2</a>')).toBeNull();
    expect(totaShapeProblem(`<a b="${'x'.repeat(100)}`)).toBeNull();
    expect(totaShapeProblem(`<a b='x'>${'y'.repeat(TOTA_MAX_TEXT_RUN)}</a>`)).toBeNull();
  });

  it('counts a tag to its end, quotes included, and the text between two tags across comments and CDATA', () => {
    const quoted = `<a b="${'>'.repeat(TOTA_MAX_TAG_CHARACTERS)}"></a>`;
    expect(totaShapeProblem(quoted)).toContain('line 1: a tag of more than 20,000 characters');
    const half = 'y'.repeat(TOTA_MAX_TEXT_RUN / 2);
    expect(totaShapeProblem(`<a>\n${half}<!-- -->${half}<![CDATA[z]]></a>`)).toContain(
      'line 1: a text of more than 2,000,000 characters',
    );
  });
});
