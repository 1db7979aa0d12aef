/**
 * The explorer's stylesheet (served as /assets/web.<hash>.css, cached for a year). Colours meet WCAG AA
 * contrast on white; layouts collapse to one column under 700 px (down to a 390 px phone); print drops the
 * navigation and forms and keeps the content.
 */
export const WEB_CSS = `
:root { color-scheme: light; --ink: #111; --muted: #4a4a4a; --rule: #c8c8c8; --head: #eef1f5; --link: #0b4f9c;
  --accent: #0b4f9c; --mark: #ffe066; --ok: #1b5e20; --bad: #a50f15; --warn: #7a4a00; --bg-soft: #f6f7f9; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible,
summary:focus-visible, main:focus-visible, .review-item:focus-visible, .table-wrap:focus-visible { outline: 3px solid #ff9f1a; outline-offset: 2px; }
.skip { position: absolute; left: -9999px; top: 0; background: #fff; padding: 8px 12px; z-index: 10; }
.skip:focus { left: 8px; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 20px; padding: 10px 20px;
  background: #0d2c54; color: #fff; }
.site-header a { color: #fff; }
.brand a { font-weight: 700; font-size: 1.15rem; text-decoration: none; }
.menu, .languages ul { list-style: none; display: flex; flex-wrap: wrap; gap: 2px 14px; margin: 0; padding: 0; }
.menu a[aria-current] { font-weight: 700; text-decoration-thickness: 3px; }
.languages { margin-left: auto; font-size: 0.9rem; }
.languages span[aria-current] { font-weight: 700; }
main { display: block; max-width: 1180px; margin: 0 auto; padding: 16px 20px 40px; }
main:focus { outline: none; }
h1 { font-size: 1.7rem; line-height: 1.2; margin: 0.6rem 0 0.6rem; }
h2 { font-size: 1.25rem; margin: 1.6rem 0 0.5rem; }
h3 { font-size: 1.05rem; margin: 1rem 0 0.3rem; }
.lead { font-size: 1.1rem; color: #333; max-width: 75ch; }
.muted { color: var(--muted); }
.kicker { margin: 0; color: var(--muted); font-size: 0.9rem; }
code, .code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.88em; overflow-wrap: anywhere; }
table { border-collapse: collapse; font-size: 0.93rem; width: 100%; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: 0 0 6px; }
th, td { border: 1px solid var(--rule); padding: 5px 8px; vertical-align: top; text-align: left; }
thead th { background: var(--head); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.table-wrap { overflow-x: auto; margin: 0.6rem 0; }
.chart-wrap { overflow-x: auto; margin: 0.8rem 0; }
svg.chart { display: block; max-width: 100%; height: auto; }
.chart-narrow { display: none; }
/* A field and its button, or buttons side by side: apart, on one line or on two ("Search" touched its box). */
form.inline, .inline, .actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
label { font-weight: 600; display: block; margin-bottom: 2px; }
.field { display: flex; flex-direction: column; min-width: 0; }
input[type=text], input[type=search], input[type=password], input[type=number], select, textarea {
  font: inherit; padding: 6px 8px; border: 1px solid #6b6b6b; border-radius: 4px; background: #fff; color: var(--ink); max-width: 100%; }
input[type=search].big { font-size: 1.15rem; width: min(640px, 100%); }
textarea { width: 100%; min-height: 10rem; }
button, .button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid var(--accent);
  background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
button.secondary, .button.secondary { background: #fff; color: var(--accent); }
button.danger { background: var(--bad); border-color: var(--bad); }
.hint { color: var(--muted); font-size: 0.9rem; margin: 4px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(260px, 1fr)); gap: 16px; margin: 1rem 0; }
.card { border: 1px solid var(--rule); border-radius: 6px; padding: 12px 16px; background: #fff; }
.card h3 { margin-top: 0.2rem; }
.stats { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; list-style: none;
  padding: 0; margin: 0.6rem 0; }
.stats li { background: var(--bg-soft); border: 1px solid var(--rule); border-radius: 6px; padding: 10px 12px; }
.stats strong { display: block; font-size: 1.6rem; line-height: 1.2; font-variant-numeric: tabular-nums; }
.with-sidebar { display: grid; grid-template-columns: minmax(0, 1fr) 280px; gap: 28px; align-items: start; }
.with-sidebar > aside { border-left: 1px solid var(--rule); padding-left: 16px; }
.facet ul { list-style: none; padding: 0; margin: 0 0 0.8rem; }
.facet li { display: flex; justify-content: space-between; gap: 8px; }
.facet li a { overflow-wrap: anywhere; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; list-style: none; padding: 0; margin: 0.4rem 0; }
.chips a { display: inline-block; border: 1px solid var(--accent); border-radius: 12px; padding: 0 10px; text-decoration: none; }
.filters { display: grid; grid-template-columns: repeat(auto-fill, minmax(170px, 1fr)); gap: 8px 14px; margin: 0.6rem 0; }
.filters fieldset { border: 1px solid var(--rule); }
/* A row of fields (a grid of boxes to tick stays one): each at least 170 px wide, a drop-down at least as wide as its
   longest option, which a cell of the grid cut ("Cultural exemptic"), the row's fields sharing what is left. */
.filters:has(> .field) { display: flex; flex-wrap: wrap; align-items: flex-end; }
.filters > .field { flex: 1 1 170px; }
.filters > .field:has(select) { flex-basis: auto; }
/* A list of parties ("Canada, Corée du Sud") or of agreements is longer than one field: two of them, the whole row on
   a phone. */
.filters > .field:has(input[name="parties"], input[name="party"], input[name="grantors"], input[name="beneficiaries"], input[name="agreements"]) { flex-basis: 354px; }
ol.hits { list-style: none; padding: 0; }
ol.hits > li { border-bottom: 1px solid var(--rule); padding: 10px 0; }
.hit-title { font-weight: 600; }
.snippet { margin: 4px 0; }
mark { background: var(--mark); color: #000; padding: 0 1px; }
mark.evidence { border-bottom: 2px solid #000; }
.badge { display: inline-block; padding: 0 6px; border-radius: 3px; font-size: 0.8rem; font-weight: 600;
  border: 1px solid #000; background: #fff; color: #000; margin: 0 2px 2px 0; line-height: 1.5; }
.badge.ACCEPTED, .badge.MET { background: #e3f2e5; color: var(--ok); border-color: var(--ok); }
.badge.PROPOSED, .badge.PENDING_REVIEW, .badge.UNKNOWN { background: #fff4e0; color: var(--warn); border-color: var(--warn); border-style: dashed; }
.badge.REJECTED, .badge.NOT_MET, .badge.HIGH { background: #fde8e8; color: var(--bad); border-color: var(--bad); }
.badge.NOT_APPLICABLE, .badge.INFO { color: var(--muted); border-color: #767676; }
.badge.MEDIUM { background: #fdd49e; }
dl.facts { display: grid; grid-template-columns: fit-content(40%) 1fr; gap: 4px 18px; margin: 0; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
.text { white-space: pre-wrap; background: var(--bg-soft); padding: 12px 14px; border: 1px solid var(--rule);
  border-radius: 4px; max-width: 85ch; }
.toc ol { padding-left: 1.2rem; }
.toc li { margin: 2px 0; }
.toc .chapter { font-weight: 700; margin-top: 0.6rem; list-style: none; margin-left: -1.2rem; }
.timeline { list-style: none; padding: 0; border-left: 3px solid var(--accent); margin-left: 8px; }
.timeline li { position: relative; padding: 4px 0 10px 16px; }
.timeline li::before { content: ''; position: absolute; left: -8px; top: 10px; width: 13px; height: 13px;
  border-radius: 50%; background: #fff; border: 3px solid var(--accent); }
.timeline li.current::before { background: var(--accent); }
.diff { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
.diff > div { background: var(--bg-soft); border: 1px solid var(--rule); padding: 10px; }
del { background: #fde8e8; color: #6b0000; text-decoration: line-through; }
ins { background: #e3f2e5; color: #0b3d10; text-decoration: underline; }
.notice { border-left: 4px solid var(--accent); background: var(--bg-soft); padding: 8px 12px; margin: 0.8rem 0; }
.notice.error { border-left-color: var(--bad); }
.notice.ok { border-left-color: var(--ok); }
.citation-text { display: block; overflow-wrap: anywhere; font-family: Georgia, 'Times New Roman', serif; background: var(--bg-soft);
  padding: 8px 10px; border: 1px solid var(--rule); }
.downloads ul { display: flex; flex-wrap: wrap; gap: 6px 16px; list-style: none; padding: 0; }
.review-item { border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; margin: 12px 0; }
.review-item.active { border: 2px solid var(--accent); }
.review-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: flex-end; }
.review-actions .field { flex: 1 1 240px; }
.review-actions input[type=text] { width: 100%; }
.meter { height: 12px; background: var(--head); border: 1px solid var(--rule); border-radius: 6px; overflow: hidden; max-width: 420px; }
.meter > span { display: block; height: 100%; background: var(--ok); }
.site-footer { border-top: 1px solid var(--rule); color: var(--muted); font-size: 0.9rem; padding: 10px 20px; max-width: 1180px; margin: 0 auto; }
.pager { display: flex; gap: 16px; margin: 1rem 0; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (max-width: 700px) {
  main { padding: 12px 12px 32px; }
  .site-header { padding: 8px 12px; }
  .with-sidebar { grid-template-columns: 1fr; }
  .with-sidebar > aside { border-left: none; padding-left: 0; border-top: 1px solid var(--rule); }
  .diff { grid-template-columns: 1fr; }
  dl.facts { grid-template-columns: 1fr; }
  dl.facts dd { margin-bottom: 6px; }
  /* A drop-down's options are longer than a half-width cell ("année de signature"): it takes the whole row. */
  .filters > .field:has(select),
  .filters > .field:has(input[name="parties"], input[name="party"], input[name="grantors"], input[name="beneficiaries"], input[name="agreements"]) { flex-basis: 100%; }
  h1 { font-size: 1.4rem; }
  /* A chart drawn for a phone (its text stays legible) in place of the page's (shrunk to half its size). */
  .chart-wide { display: none; }
  .chart-narrow { display: block; }
  /* A heatmap's columns are its codes, too many for a phone: drawn at its size, its figure scrolls sideways. */
  .chart-wrap svg.chart-heatmap { max-width: none; }
  table.responsive thead { display: none; }
  table.responsive tr { display: block; border-bottom: 2px solid var(--rule); }
  table.responsive td, table.responsive th { display: block; border: none; padding: 2px 4px; }
  table.responsive td[data-label]::before { content: attr(data-label) ': '; font-weight: 600; }
  /* French puts a no-break space before a colon, as the pages' own French text does. */
  html[lang="fr"] table.responsive td[data-label]::before { content: attr(data-label) '\\a0: '; }
}
@page { size: A4; margin: 14mm 12mm; }
@media print {
  body { font-size: 10pt; }
  .site-header, .site-footer, form, .skip, .pager, button, .downloads, .no-print { display: none !important; }
  main { max-width: none; padding: 0; }
  a { color: #000; }
  .with-sidebar { display: block; }
  .with-sidebar > aside { display: none; }
  .text, .diff > div { background: #fff; }
  mark { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  tr, li { break-inside: avoid; }
}
`;
