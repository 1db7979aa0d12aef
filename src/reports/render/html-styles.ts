/**
 * The page's only stylesheet, inlined. Screen: readable widths, scrollable wide tables and charts. Print:
 * A4, black text, each section on a new page, table headers repeated, shading and badges kept
 * (print-color-adjust) and shaped so that they still differ in black and white.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #555; --rule: #c8c8c8; --head: #eef1f5; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0 auto; max-width: 1100px; padding: 24px 28px 48px; color: var(--ink); background: #fff;
  font: 15px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0.2rem 0 0.4rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 0.5rem; }
.report-kind { margin: 0; color: var(--muted); font-size: 0.85rem; text-transform: uppercase; letter-spacing: 0.06em; }
.subtitle { margin: 0 0 0.3rem; font-size: 1.05rem; color: #333; }
.generated { margin: 0; color: var(--muted); font-size: 0.9rem; }
.meta { display: flex; flex-wrap: wrap; gap: 0 40px; }
.meta > section { flex: 1 1 320px; }
dl.parameters { display: grid; grid-template-columns: fit-content(50%) minmax(0, 1fr); gap: 2px 16px; margin: 0; }
dl.parameters dt { font-weight: 600; }
dl.parameters dd { margin: 0; overflow-wrap: anywhere; }
ul.notes { margin: 0; padding-left: 1.2rem; }
nav.contents ol { margin: 0; padding-left: 1.4rem; }
a { color: #0b4f9c; }
.report-section { border-top: 2px solid var(--ink); margin-top: 2rem; }
.description { margin: 0.2rem 0 0.8rem; max-width: 75ch; }
.chart-wrap, .table-wrap { overflow-x: auto; margin: 0.8rem 0; }
.chart-wrap:focus-visible, .table-wrap:focus-visible, a:focus-visible { outline: 3px solid #ff9f1a; outline-offset: 2px; }
code.section-id { font-size: 0.85em; color: var(--muted); }
figure.chart-figure { margin: 0; }
svg.chart { display: block; max-width: none; height: auto; }
table { border-collapse: collapse; font-size: 0.9rem; min-width: 50%; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 6px; }
th, td { border: 1px solid var(--rule); padding: 4px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--head); border-bottom: 2px solid var(--ink); }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) td { background-color: #fafafa; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; }
td.code, th.code, code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.85em; }
td.shaded, tbody tr:nth-child(even) td.shaded { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.pending, tbody tr:nth-child(even) td.pending { font-style: italic; border: 2px dashed #8a5a00;
  background: repeating-linear-gradient(135deg, #fff 0 5px, #fde3b8 5px 8px);
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.empty { color: var(--muted); font-style: italic; }
.badge { display: inline-block; min-width: 4.6em; padding: 0 6px; border-radius: 3px; font-size: 0.78rem;
  font-weight: 700; text-align: center; letter-spacing: 0.03em; line-height: 1.5;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.badge-high { background: #a50f15; color: #fff; border: 2px solid #000; }
.badge-medium { background: #fdd49e; color: #000; border: 2px solid #000; }
.badge-low { background: #fff; color: #000; border: 1px solid #000; font-weight: 600; }
.badge-info { background: #fff; color: #333; border: 1px dashed #555; font-weight: 400; font-style: italic; }
.badge + .cell-text { margin-left: 6px; }
details.chart-data summary { cursor: pointer; color: var(--muted); }
footer { margin-top: 3rem; padding-top: 0.6rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.85rem; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; color: #000; }
  a { color: #000; }
  nav.contents { display: none; }
  .report-section { border-top: none; margin-top: 0; break-before: page; page-break-before: always; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .chart-wrap, .table-wrap { overflow: visible; }
  svg.chart { max-width: 100%; break-inside: avoid; page-break-inside: avoid; }
  figure.chart-figure { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  thead th { background: #fff; }
  tbody tr:nth-child(even) td { background-color: transparent; }
  .badge-high { background: #000; color: #fff; }
  .badge-medium { background: #fff; }
  details.chart-data summary { display: none; }
  footer { break-before: avoid; }
}
`;
