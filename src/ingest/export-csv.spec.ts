import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../common/spreadsheet-formula';
import { formulasInSemicolonLocale, formulasWhenTrimmed } from '../../test/support/download-readers';
import { csvHeader, csvLine } from './export-csv';

/** csv-stringify with the options the export used before it wrote its lines itself. */
const reference = (columns: string[], rows: Record<string, unknown>[]) =>
  stringify(rows, {
    header: true,
    columns,
    cast: {
      string: neutraliseFormula,
      boolean: String,
      object: (value: unknown) => (Array.isArray(value) ? neutraliseFormula(value.join(';')) : ''),
    },
  });

const ours = (columns: string[], rows: Record<string, unknown>[]) =>
  csvHeader(columns) + rows.map((row) => csvLine(columns, row)).join('');

const CELLS: unknown[] = [
  'plain',
  '',
  null,
  undefined,
  0,
  -3,
  1.5,
  10n,
  true,
  false,
  [],
  ['a', 'b'],
  ['=x', 'y'],
  ['a,b', 'c"d'],
  { not: 'a list' },
  new Date(Date.UTC(2026, 11, 3)),
  'with, comma',
  'with "quotes"',
  '"',
  'line\nbreak',
  'carriage\rreturn',
  'windows\r\nline',
  '=SUM(A1)',
  '+1',
  '-3',
  '-3.5',
  '-x',
  '@user',
  '\tindented',
  '\rstarts with CR',
  "'already",
  'ünïcödé ✓ 条约',
  ' padded ',
  ';',
  '\u2028',
  'Films;=1+1;',
  'a;b',
  '-3;-4',
  ';@x;+y;\t=z;\r-w',
  ['y', '=x'],
  ['CAN', '+cmd', '-1'],
];

describe('the export CSV lines', () => {
  it('are the bytes csv-stringify wrote with the export options, for every kind of cell', () => {
    const columns = ['a', 'b', 'c'];
    const rows = CELLS.flatMap((cell, i) => [
      { a: cell, b: CELLS[(i + 1) % CELLS.length], c: CELLS[(i * 7) % CELLS.length] },
      { a: 'x', b: cell, c: null },
      { a: null, b: null, c: cell },
    ]);
    expect(ours(columns, rows)).toBe(reference(columns, rows));
  });

  it('hold no formula for a spreadsheet whose list separator is `;` (Films;=1+1; read as a formula there)', () => {
    const columns = ['a', 'b'];
    const rows = CELLS.map((cell) => ({ a: 'x', b: cell }));
    expect(formulasInSemicolonLocale(ours(columns, rows))).toEqual([]);
    expect(ours(['a'], [{ a: 'Films;=1+1;' }, { a: ['y', '=x'] }])).toBe("a\nFilms;'=1+1;\ny;'=x\n");
  });

  it('hold no formula for a reader that trims spaces first (LibreOffice, "Trim spaces" and "Evaluate formulas")', () => {
    // LibreOffice 7.4.7 ran ` =1+1` comma-separated, and `a; =1+1;b` and `a<LF> =1+1<LF>b` with `;` alone ticked.
    const trimmed = [
      ' =1+1',
      '   =SUM(A1)',
      'a; =1+1;b',
      'a\n  =1+1\nb',
      'x\r =y',
      'a\t =1',
      '- item\n - next\n =1',
    ];
    const columns = ['a', 'b'];
    const rows = [...CELLS, ...trimmed].map((cell) => ({ a: 'x', b: cell }));
    expect(formulasWhenTrimmed(ours(columns, rows))).toEqual([]);
    expect(formulasInSemicolonLocale(ours(columns, rows))).toEqual([]);
    expect(
      ours(
        ['a'],
        trimmed.map((a) => ({ a })),
      ),
    ).toBe(
      'a\n' +
        [
          "' =1+1",
          "'   =SUM(A1)",
          "a;' =1+1;b",
          `"a\n'  =1+1\nb"`,
          `"x\r' =y"`,
          "a\t' =1",
          `"'- item\n' - next\n' =1"`,
        ]
          .map((line) => `${line}\n`)
          .join(''),
    );
    // A list item after a line break, a signed number and a space before `+`, `-` or `@` stay as they are.
    expect(ours(['a'], [{ a: 'a\n - item' }, { a: ' -3' }, { a: ' +1+1' }, { a: ' @x' }])).toBe(
      'a\n"a\n - item"\n -3\n +1+1\n @x\n',
    );
  });

  it('write the header alone when there are no rows, and ignore keys outside the columns', () => {
    expect(ours(['a', 'b'], [])).toBe(reference(['a', 'b'], []));
    const rows = [{ b: 'second', extra: 'left out', a: 'first' }, { a: 'only a' }];
    expect(ours(['a', 'b'], rows)).toBe(reference(['a', 'b'], rows));
  });
});
