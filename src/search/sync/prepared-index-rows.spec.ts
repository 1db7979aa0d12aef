import { forgetPreparedRows, prepareIndexRows, preparedRows } from './prepared-index-rows';
import { comparisonText, fingerprint, ProvisionSource, searchDocument } from './provision-index-rows';

const columns = {
  chapter_title: 'Chapter 8 Cultural cooperation',
  section_title: null,
  article_number: '8.3',
  article_title: 'Audio-visual co-productions',
  text: 'The Parties shall encourage the negotiation of new co-production agreements and the implementation of existing ones between one or more member states and the other party.',
  summary: null,
};

describe('index rows computed ahead of an import', () => {
  afterEach(() => forgetPreparedRows());

  it('gives a provision written with the announced columns the rows the flush would compute, once', async () => {
    await prepareIndexRows([columns]);
    const source: ProvisionSource = { id: 42, ...columns };
    const rows = preparedRows(source);
    expect(rows?.document).toEqual(searchDocument(source));
    expect(rows?.fingerprint).toEqual(fingerprint(comparisonText(source)));
    expect(rows?.fingerprint).not.toBeNull();
    expect(preparedRows(source)).toBeUndefined();
  });

  it('gives nothing to a provision written with other columns, nor after the import lets them go', async () => {
    await prepareIndexRows([columns]);
    expect(preparedRows({ id: 1, ...columns, article_title: 'Co-productions' })).toBeUndefined();
    forgetPreparedRows();
    expect(preparedRows({ id: 1, ...columns })).toBeUndefined();
  });

  it('gives provisions announced with the same columns (a clause two files share) the rows each, as many times as announced', async () => {
    await prepareIndexRows([columns]);
    await prepareIndexRows([columns]);
    const first = preparedRows({ id: 1, ...columns });
    expect(first?.document).toEqual(searchDocument({ id: 1, ...columns }));
    expect(preparedRows({ id: 2, ...columns })).toEqual(first);
    expect(preparedRows({ id: 3, ...columns })).toBeUndefined();
  });
});
