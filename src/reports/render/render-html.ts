import { sectionTable } from './chart-data-table';
import {
  cellDisplayText,
  cellHref,
  formatTimestamp,
  isNumericColumn,
  LIST_SEPARATOR,
  listItems,
} from './cell-format';
import { escapeHtmlIn } from './html-escape';
import type { Language } from '../../common/i18n';
import { kindIn, reportTranslator, ReportTranslate, say, text } from '../common/report-texts';
import { REPORT_CSS } from './html-styles';
import {
  CellValue,
  Column,
  isListCell,
  isRichCell,
  ReportDocument,
  readerColumns,
  Section,
  Table,
} from './report-document';
import { needsLightText, shadeHex } from './shading';
import { renderChartSvg } from './svg-charts';

/**
 * One self-contained, print-friendly page: inline CSS, inline SVG charts, no script and no reference to
 * anything outside the page except the document's own links. Every text and attribute is escaped.
 */
export function renderHtml(document: ReportDocument): string {
  const lang = document.language ?? 'en';
  const t = reportTranslator(lang);
  const anchors = sectionAnchors(document.sections);
  const e = escapeHtmlIn(lang);
  const parameters = Object.entries(document.parameters);
  const meta: string[] = [];
  if (parameters.length > 0) {
    meta.push(
      `<section aria-labelledby="parameters-heading"><h2 id="parameters-heading">${e(t('file.parameters'))}</h2><dl class="parameters">` +
        parameters.map(([name, value]) => `<dt>${e(name)}</dt><dd>${e(value)}</dd>`).join('') +
        '</dl></section>',
    );
  }
  if (document.notes.length > 0) {
    meta.push(
      `<section aria-labelledby="notes-heading"><h2 id="notes-heading">${e(t('file.notes'))}</h2><ul class="notes">` +
        document.notes.map((note) => `<li>${e(note)}</li>`).join('') +
        '</ul></section>',
    );
  }
  // Every section by title and id (the id names its table: `section=<id>` on the CSV address).
  const contents =
    document.sections.length > 0
      ? `<nav class="contents" aria-labelledby="contents-heading"><h2 id="contents-heading">${e(t('file.sections'))}</h2><ol>` +
        document.sections
          .map(
            (s, i) =>
              `<li><a href="#${anchors[i]}">${e(s.title)}</a> <code class="section-id">${e(s.id)}</code>` +
              (s.csv ? ` <a class="section-csv" href="${e(s.csv)}">CSV</a>` : '') +
              '</li>',
          )
          .join('') +
        '</ol></nav>'
      : '';
  const generated = formatTimestamp(document.generatedAt, lang);

  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Clause Tracker">',
    `<title>${e(document.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<header class="report-header">',
    `<p class="report-kind">${e(t('file.kind', { kind: kindIn(lang, document.kind) }))}</p>`,
    `<h1>${e(document.title)}</h1>`,
    document.subtitle ? `<p class="subtitle">${e(document.subtitle)}</p>` : '',
    `<p class="generated">${e(t('file.generated'))} <time datetime="${e(document.generatedAt)}">${e(generated)}</time></p>`,
    meta.length > 0 ? `<div class="meta">${meta.join('')}</div>` : '',
    contents,
    '</header>',
    '<main>',
    ...document.sections.map((section, i) => sectionHtml(section, anchors[i], lang, t)),
    '</main>',
    `<footer>${e(t('file.footer', { title: document.title, date: generated }))}</footer>`,
    '</body>',
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function sectionHtml(section: Section, anchor: string, lang: Language, t: ReportTranslate): string {
  const e = escapeHtmlIn(lang);
  const parts = [
    `<section class="report-section" id="${anchor}" data-section-id="${e(section.id)}" aria-labelledby="${anchor}-heading">`,
    `<h2 id="${anchor}-heading">${e(section.title)}</h2>`,
  ];
  if (section.description) parts.push(`<p class="description">${e(section.description)}</p>`);
  if (section.chart) {
    parts.push(
      `<figure class="chart-figure"><div class="chart-wrap" tabindex="0" role="region" aria-label="${e(t('file.chart', { title: section.title }))}">${renderChartSvg({ ...section.chart, language: lang }, `${anchor}-chart`, section.title)}</div></figure>`,
    );
  }
  if (section.table) {
    parts.push(tableHtml(section.table, section.title, lang, t));
  } else if (section.chart) {
    const data = sectionTable(section);
    if (data) {
      parts.push(
        `<details class="chart-data"><summary>${e(t('file.chartData'))}</summary>${tableHtml(data, t('file.data', { title: section.title }), lang, t)}</details>`,
      );
    }
  }
  if (!section.table && !section.chart) parts.push(`<p class="empty">${e(t('file.nothing'))}</p>`);
  parts.push('</section>');
  return parts.join('\n');
}

function tableHtml(table: Table, caption: string, lang: Language, t: ReportTranslate): string {
  const e = escapeHtmlIn(lang);
  if (table.rows.length === 0) return `<p class="empty">${e(t('file.noRows', { title: caption }))}</p>`;
  const columns = readerColumns(table);
  const rowHeaderKey = table.rowHeaderKey ?? columns[0]?.key;
  const head = columns
    .map((c) => `<th scope="col"${classAttr([isNumericColumn(c) ? 'num' : ''])}>${e(c.label)}</th>`)
    .join('');
  const body = table.rows
    .map(
      (row) =>
        '<tr>' +
        columns
          .map((column) => cellHtml(row[column.key], column, column.key === rowHeaderKey, lang))
          .join('') +
        '</tr>',
    )
    .join('\n');
  return (
    // A wide table scrolls inside its box: focusable and named, so a keyboard user can reach and scroll it.
    `<div class="table-wrap" tabindex="0" role="region" aria-label="${e(t('file.table', { title: caption }))}"><table><caption>${e(caption)}</caption>` +
    `<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>`
  );
}

function cellHtml(cell: CellValue | undefined, column: Column, isRowHeader: boolean, lang: Language): string {
  const e = escapeHtmlIn(lang);
  const shown = cellDisplayText(cell, column, lang);
  const href = cellHref(cell);
  const rich = isRichCell(cell) ? cell : undefined;
  const classes = [
    isNumericColumn(column) ? 'num' : '',
    column.kind === 'code' && !column.labels ? 'code' : '',
    column.kind === 'date' ? 'date' : '',
  ];
  let style = '';
  if (rich?.pending) classes.push('pending');
  if (rich?.level !== undefined) {
    classes.push('shaded');
    style = ` style="background-color:${shadeHex(rich.level)};color:${needsLightText(rich.level) ? '#fff' : '#000'}"`;
  }
  const link = (inner: string) =>
    href
      ? `<a href="${e(href)}"${rich?.level !== undefined ? ' style="color:inherit"' : ''}>${inner}</a>`
      : inner;
  // A list: every item with its own link.
  let content = isListCell(cell)
    ? listItems(cell, column)
        .map((item) => (item.href ? `<a href="${e(item.href)}">${e(item.text)}</a>` : e(item.text)))
        .join(LIST_SEPARATOR)
    : link(e(shown));
  if (rich?.severity) {
    const word = say(lang, text(`severity.${rich.severity}`));
    const badge = `<span class="badge badge-${rich.severity.toLowerCase()}">${e(word)}</span>`;
    content = shown === word ? link(badge) : `${badge}<span class="cell-text">${content}</span>`;
  }
  const tag = isRowHeader ? 'th' : 'td';
  const scope = isRowHeader ? ' scope="row"' : '';
  return `<${tag}${scope}${classAttr(classes)}${style}>${content}</${tag}>`;
}

function classAttr(classes: string[]): string {
  const names = classes.filter(Boolean);
  return names.length > 0 ? ` class="${names.join(' ')}"` : '';
}

/** Ids safe in HTML and CSS, unique even when two section ids only differ by characters that get dropped. */
function sectionAnchors(sections: Section[]): string[] {
  return sections.map((section, i) => {
    const slug = section.id
      .toLowerCase()
      .replace(/[^a-z0-9_-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40);
    return `s${i + 1}${slug ? `-${slug}` : ''}`;
  });
}
