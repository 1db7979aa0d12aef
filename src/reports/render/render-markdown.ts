import { sectionTable } from './chart-data-table';
import {
  cellDisplayText,
  cellHref,
  formatTimestamp,
  isNumericColumn,
  LIST_SEPARATOR,
  listItems,
} from './cell-format';
import { isListCell, isRichCell, readerColumns, ReportDocument, Section, Table } from './report-document';
import type { Language } from '../../common/i18n';
import { reportTranslator, ReportTranslate, say, text as reportText } from '../common/report-texts';

/** GitHub-flavoured Markdown: headings, parameters, notes, then one pipe table per section. */
export function renderMarkdown(document: ReportDocument): string {
  const lang = document.language ?? 'en';
  const t = reportTranslator(lang);
  const lines: string[] = [`# ${inline(document.title)}`, ''];
  if (document.subtitle) lines.push(`_${inline(document.subtitle)}_`, '');
  lines.push(inline(t('file.generatedOn', { date: formatTimestamp(document.generatedAt, lang) })), '');

  const parameters = Object.entries(document.parameters);
  if (parameters.length > 0) {
    lines.push(`## ${inline(t('file.parameters'))}`, '');
    for (const [name, value] of parameters)
      lines.push(`- ${t('file.parameterLine', { name: `**${inline(name)}**`, value: inline(value) })}`);
    lines.push('');
  }
  if (document.notes.length > 0) {
    lines.push(`## ${inline(t('file.notes'))}`, '');
    for (const note of document.notes) lines.push(`- ${inline(note)}`);
    lines.push('');
  }
  for (const section of document.sections) lines.push(...sectionLines(section, lang, t));
  return `${lines.join('\n').trimEnd()}\n`;
}

function sectionLines(section: Section, lang: Language, t: ReportTranslate): string[] {
  const lines = [`## ${inline(section.title)}`, ''];
  if (section.description) lines.push(inline(section.description), '');
  if (section.csv)
    lines.push(
      `${inline(t('file.sectionCsv', { id: '\u0000' })).replace('\u0000', `\`${section.id.replace(/`/g, '')}\``)} <${markdownUrl(section.csv)}>`,
      '',
    );
  const table = sectionTable(section);
  if (!table) return lines;
  if (!section.table) lines.push(`_${inline(t('file.chartDataIntro'))}_`, '');
  if (table.rows.length === 0) return [...lines, `_${inline(t('file.noRowsShort'))}_`, ''];
  return [...lines, ...pipeTable(table, lang), ''];
}

function pipeTable(table: Table, lang: Language): string[] {
  const columns = readerColumns(table);
  const header = columns.map((c) => tableText(c.label) || ' ');
  const rule = columns.map((c) => (isNumericColumn(c) ? '---:' : '---'));
  const rows = table.rows.map((row) =>
    columns.map((column) => {
      const cell = row[column.key];
      // A list: every item with its own link.
      if (isListCell(cell))
        return listItems(cell, column)
          .map((item) => {
            const text = tableText(item.text);
            return item.href ? `[${text}](${markdownUrl(item.href)})` : text;
          })
          .join(LIST_SEPARATOR);
      const text = tableText(cellDisplayText(cell, column, lang));
      const href = cellHref(cell);
      const word =
        isRichCell(cell) && cell.severity ? say(lang, reportText(`severity.${cell.severity}`)) : '';
      const severity =
        isRichCell(cell) && cell.severity && word !== cellDisplayText(cell, column, lang)
          ? `**${word}** `
          : '';
      return severity + (href ? `[${text}](${markdownUrl(href)})` : text);
    }),
  );
  return [header, rule, ...rows].map((cells) => `| ${cells.join(' | ')} |`);
}

/** Backslash-escapes the characters that Markdown (or inline HTML) would interpret; newlines become spaces. */
export function inline(text: string): string {
  return text.replace(/\r\n?|\n/g, ' ').replace(/[\\`*_[\]<>|~&#!]/g, (c) => `\\${c}`);
}

/** Inside a table cell a newline would end the row; lines are joined with "; " (no HTML in cells). */
function tableText(text: string): string {
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map(inline)
    .join('; ');
}

/** Link destinations cannot hold spaces, unbalanced parentheses, angle brackets or (in tables) pipes. */
function markdownUrl(href: string): string {
  return href.replace(
    /[\s()<>|\\]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
}
