import type { Language } from '../../common/i18n';

/**
 * The document model shared by every report renderer (CSV, XLSX, Markdown, JSON, HTML).
 *
 * A report is computed once into a `ReportDocument` (plain JSON-serialisable data, no functions, no Dates)
 * and then rendered into any format by pure functions. The model knows nothing about agreements or
 * annotations: coherence, comparison, trends and flows reports all map onto sections of tables and charts.
 *
 * ReportDocument
 * - `kind`: machine name of the report ('coherence', 'comparison', 'trends', 'flows', ...); used in file names.
 * - `title`, `subtitle?`: shown at the top of every format.
 * - `language`: the language of every text in it (en, fr, es): the HTML's `lang`, the renderers' own words
 *   (headings, chart texts) and how numbers and dates are written for a reader.
 * - `generatedAt`: ISO 8601 timestamp (e.g. `new Date().toISOString()`); renderers never read the clock.
 * - `parameters`: the inputs that produced the report (country, years, codes...), already as display strings,
 *   in the order they should be shown.
 * - `notes`: caveats that travel with the data ("Counts ACCEPTED annotations only").
 * - `sections`: rendered in order; each has a table, a chart, or both.
 *
 * Section
 * - `id`: unique within the document, stable (used for HTML anchors, `renderSectionCsv` and the names of the
 *   CSV files in a report's ZIP); `csv?`: the address of the section's table as one CSV.
 * - `title` (also the XLSX sheet name, sanitised), `description?` (one paragraph of plain text).
 *
 * Table
 * - `columns`: ordered; `key` indexes the rows, `label` is the header. `kind` drives formatting:
 *   - 'text' (default) and 'code' (taxonomy codes, identifiers: monospace in HTML, never converted to numbers);
 *   - 'number': finite numbers; `decimals` fixes the shown precision (default: integers as is, else 2);
 *   - 'percent': a FRACTION (0.25 means 25 %); shown as "25.0%", written in CSV as the percentage rounded to
 *     `decimals` (25) under a header ending "(%)" (`csvPercent`), kept as 0.25 in JSON (the document itself, its
 *     column `kind` saying so), and written as 0.25 with a % number format in XLSX; `decimals` defaults to 1;
 *   - 'date': an ISO date or timestamp string; shown as YYYY-MM-DD, a real date in XLSX;
 *   - 'year': whole numbers shown without digit grouping (2015, not "2,015"); numbers in CSV, JSON and XLSX.
 * - `labels?`: words for a code column's values (a binding force, a review status): shown to a reader, while CSV
 *   and JSON keep the codes.
 * - `dataOnly?`: a column CSV, XLSX and JSON carry and HTML and Markdown leave out (`readerColumns`), where the
 *   text of another column already says it to a reader.
 * - `rows`: one record per row; a missing key or `null` is an empty cell.
 * - `rowHeaderKey?`: the column whose cells name the row (HTML `<th scope="row">`); defaults to the first column.
 *
 * CellValue
 * - `string | number | boolean | null`, a list, or a rich cell `{ text, href?, severity?, level?, value? }`:
 *   - a boolean is shown "yes"/"no" in HTML and Markdown, written `true`/`false` in CSV, a boolean cell in XLSX
 *     and `true`/`false` in JSON;
 *   - a list (an array of strings or `{ text, href? }` items: codes, parties, pinpoints with their links) is an
 *     array in JSON; HTML and Markdown show the items joined by ", ", each with its own link; CSV joins the
 *     texts with ";" in one field (as the annotation exports do) and, in the "<label> (link)" column, the links
 *     with ";" in the same order (an item without a link leaves its place empty); XLSX shows the texts joined by
 *     ", ", links the first item and lists every item's link in the cell's note (a cell holds one hyperlink);
 *     an empty list is an empty cell;
 *   - `text`: what is shown; `value`: the number behind it, if any (written as the number in CSV, and in XLSX
 *     when the cell has no link);
 *   - `href`: opaque link (e.g. to a provision); escaped everywhere; `javascript:`, `data:` and `vbscript:`
 *     links are dropped (the text stays). In CSV a linked column gets an extra "<label> (link)" column. In
 *     XLSX relative links can be made absolute with `RenderOptions.linkBaseUrl`;
 *   - `severity`: shown as a badge in HTML (readable in black and white); other formats show `text`, so put
 *     the severity word itself in the text when it matters there;
 *   - `level`: 0..1 shading (heatmap-like tables) in HTML and XLSX;
 *   - `date`: the ISO date behind `text` (a date in a mixed column, e.g. the comparison's "Signed" row): a real
 *     date in XLSX, the ISO text elsewhere;
 *   - `pending`: evidence that awaits review (proposed, not counted): a hatched cell with a dashed border in HTML,
 *     italic on a patterned fill in XLSX; other formats show `text`, so say "proposed" in the text.
 *
 * Chart (drawn as inline SVG in HTML; the other formats carry its data as a table when the section has none)
 * - 'line': one polyline per series; numeric x values (years) use a linear axis, string x values are
 *   categories in order of first appearance. `yMin` defaults to 0, `yMax` to a rounded data maximum;
 *   `yFormat: 'percent'` treats y as fractions. In the chart's data table, numeric x values that are all
 *   whole numbers are a 'year' column (no digit grouping), other numeric x values a 'number' column.
 * - 'heatmap': `values[r][c]` for `rows[r]` x `columns[c]` (null = no data); `cellLabels` overrides the text
 *   printed in a cell; shading runs from `legend.min` (default data min, or 0 for percent) to `legend.max`.
 *   `pending[r][c]` marks a cell whose only evidence awaits review: drawn hatched, with a legend entry
 *   (`legend.pendingLabel`); in the data table of other formats the cell is the value counted, worded with the
 *   label for a reader (Markdown), and a yes/no column per column (`dataOnly`) says which cells rest on proposals.
 * - 'bar': horizontal bars, one row per category (e.g. "EU -> CARIFORUM"), one bar per series, grouped or
 *   stacked. Fits preferential-treatment flows from granting parties to beneficiaries.
 * Every chart gets an SVG `<title>` (the section title, or `chart.title`) and an aria-label; `description`
 * becomes the SVG `<desc>` (a generated summary otherwise).
 */

export type Severity = 'HIGH' | 'MEDIUM' | 'LOW' | 'INFO';

export const SEVERITIES: readonly Severity[] = ['HIGH', 'MEDIUM', 'LOW', 'INFO'];

export type ColumnKind = 'text' | 'number' | 'percent' | 'date' | 'code' | 'year';

export interface RichCell {
  text: string;
  href?: string;
  severity?: Severity;
  /** 0..1, shading intensity. */
  level?: number;
  /** The number behind `text`, when the text is a formatted or annotated number. */
  value?: number;
  /** Evidence awaiting review: a style of its own. */
  pending?: boolean;
  /** The ISO date (YYYY-MM-DD) behind `text`, in a column that is not all dates: a real date in XLSX. */
  date?: string;
}

/** One item of a list cell: a text, with a link when it names something the service shows. */
export interface ListItem {
  text: string;
  href?: string;
}

export type ListCell = (string | ListItem)[];

export type CellValue = string | number | boolean | null | RichCell | ListCell;

export interface Column {
  key: string;
  label: string;
  kind?: ColumnKind;
  decimals?: number;
  /**
   * Words for the codes of a text or code column, in the document's language ({ BINDING: "contraignante" }): HTML,
   * Markdown and XLSX show the word (in the text's type, not as code), CSV and JSON keep the code in the rows,
   * so that a script reads the same values in every language (JSON carries this table beside them).
   */
  labels?: Record<string, string>;
  /**
   * A column for programs only: CSV, XLSX and JSON carry it, HTML and Markdown leave it out, because the reader's
   * text of another column already says it (the trends' proposals per clause, which the share cells word).
   */
  dataOnly?: boolean;
  /**
   * Cells of this column may link (a provision, a list of pinpoints): CSV gives it its "<label> (link)" column in
   * every file, empty where no row links, so that a section's columns do not depend on what its rows hold.
   */
  links?: boolean;
}

/** The columns a reader's format (HTML, Markdown) shows: all but those for programs only. */
export const readerColumns = (table: Table): Column[] => table.columns.filter((c) => !c.dataOnly);

export interface Table {
  columns: Column[];
  rows: Record<string, CellValue>[];
  rowHeaderKey?: string;
}

export type ValueFormat = 'number' | 'percent';

export interface LinePoint {
  x: string | number;
  y: number;
  /** A value resting on few observations (a share of one or two agreements): drawn as a hollow marker. */
  weak?: boolean;
  /** Added to the point's tooltip ("1 of 2 agreements"). */
  detail?: string;
}

export interface LineSeries {
  name: string;
  points: LinePoint[];
}

interface ChartBase {
  /** Overrides the section title as the chart's SVG <title>. */
  title?: string;
  /** Plain-text summary for the SVG <desc>; generated when absent. */
  description?: string;
  /** How its numbers are written (the document's language; the HTML renderer sets it). */
  language?: Language;
  /**
   * The header of each value column of the chart's data table (a series, or a heatmap's column), in order, saying
   * what its numbers are ("Cultural exemption: share of agreements with accepted evidence"); default its name,
   * which the chart's axis or legend qualifies but a CSV's header alone does not.
   */
  valueColumns?: string[];
}

export interface LineChart extends ChartBase {
  kind: 'line';
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  /**
   * Numeric x measured at this step (1: each year): where a series has no point at a step between two of its points
   * (a year with no agreement signed), its line breaks rather than joining them across values never measured
   * (`lineRuns`); absent, every point is joined.
   */
  xStep?: number;
  yMin?: number;
  yMax?: number;
  yFormat?: ValueFormat;
}

export interface HeatmapLegend {
  label: string;
  min?: number;
  max?: number;
  format?: ValueFormat;
  /** Legend text of the hatched cells (default: "awaiting review"). */
  pendingLabel?: string;
  /** Legend and cell text of the cells without a value (default: "no data"). */
  noDataLabel?: string;
  /**
   * A scale of whole values from `min` to `max`, one label each (the comparison's strength: "none", "D declaratory",
   * "BE best endeavour", "B binding"): the legend draws one swatch per value, each with its label, where a scale of
   * fractions labels its two ends only (the comparison's "none" was a blank swatch above "0").
   */
  steps?: string[];
}

export interface HeatmapChart extends ChartBase {
  kind: 'heatmap';
  /** What the rows are ("Code", "Group"): the header of the row column in the chart's data table. */
  rowLabel?: string;
  rows: string[];
  /** A count for each row (e.g. its agreements): beside the row's name in the chart, a column of its own in the data table. */
  rowCounts?: { label: string; values: number[] };
  columns: string[];
  values: (number | null)[][];
  cellLabels?: (string | null)[][];
  /** Cells whose only evidence awaits review. */
  pending?: boolean[][];
  legend: HeatmapLegend;
}

export interface BarSeries {
  name: string;
  /** One value per category, same order as `categories`. */
  values: (number | null)[];
  /** Evidence awaiting review: drawn striped, the look that means so in every chart; the others are plain colours. */
  pending?: boolean;
  /** A series whose meaning has a colour (a rule not met); otherwise the palette's colour of its position. */
  color?: string;
}

export interface BarChart extends ChartBase {
  kind: 'bar';
  categoryLabel: string;
  valueLabel: string;
  categories: string[];
  series: BarSeries[];
  stacked?: boolean;
  valueFormat?: ValueFormat;
  xMax?: number;
}

export type Chart = LineChart | HeatmapChart | BarChart;

export interface Section {
  id: string;
  title: string;
  /**
   * The XLSX worksheet's name, in the document's language (at most 31 characters), where the title cut to 31
   * would not tell the sheet from another's; absent: the title (`uniqueSheetNames`).
   */
  sheetName?: string;
  description?: string;
  /** The address of this section's table alone as one CSV (set by the service that knows the report's URL). */
  csv?: string;
  table?: Table;
  chart?: Chart;
}

export interface ReportDocument {
  kind: string;
  /** The language of its texts; absent: English. */
  language?: Language;
  title: string;
  subtitle?: string;
  generatedAt: string;
  parameters: Record<string, string>;
  /**
   * The day (YYYY-MM-DD) of each parameter that is a date, by its name in `parameters`, whose text is written the
   * language's way ("5 déc. 2026"): the XLSX About sheet writes it as a date cell, as the tables' dates are.
   */
  parameterDates?: Record<string, string>;
  notes: string[];
  sections: Section[];
}

export type ReportFormat = 'csv' | 'zip' | 'xlsx' | 'md' | 'json' | 'html';

/** `csv` is one table (a section's, or a one-table report's); `zip` is one CSV per table. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['csv', 'zip', 'xlsx', 'md', 'json', 'html'];

/** The formats that hold the whole report, whatever its number of tables: a report's `files`. */
export const WHOLE_REPORT_FORMATS: readonly ReportFormat[] = REPORT_FORMATS.filter((f) => f !== 'csv');

export interface RenderOptions {
  /** CSV only: the section (by id) whose table the file holds; needed when the report has several tables. */
  sectionId?: string;
  /** CSV only: prefix a UTF-8 byte order mark so that Excel reads accents right. Default true. */
  csvBom?: boolean;
  /** XLSX only: base that relative hrefs are resolved against (spreadsheets cannot follow relative links). */
  linkBaseUrl?: string;
}

export function isRichCell(value: CellValue | undefined): value is RichCell {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isListCell(value: CellValue | undefined): value is ListCell {
  return Array.isArray(value);
}
