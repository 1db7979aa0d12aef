import { inline, renderMarkdown } from './render-markdown';
import { readMarkdown } from '../../../test/support/download-readers';
import { csvSections } from './render-csv';
import { sampleReportDocument } from './sample-report-document';

describe('renderMarkdown', () => {
  const markdown = renderMarkdown(sampleReportDocument());
  const lines = markdown.split('\n');

  it('has the title, parameters, notes and one heading per section', () => {
    expect(lines[0]).toBe('# Coherence of \\<script\\>alert("x")\\</script\\> \\& co');
    expect(markdown).toContain('Generated 2026-11-29 05:10 UTC.');
    expect(markdown).toContain('## Parameters\n\n- **country**: Exampleland\n');
    expect(markdown).toContain('- Counts ACCEPTED annotations only\n');
    expect(lines.filter((l) => l.startsWith('## ')).length).toBe(2 + sampleReportDocument().sections.length);
  });

  it('writes pipe tables with escaped pipes, "; " for line breaks, links and right-aligned numbers', () => {
    expect(markdown).toContain(
      '| Severity | Finding | Agreement | Provisions | Signed |\n| --- | --- | --- | ---: | --- |',
    );
    expect(markdown).toContain(
      '| HIGH | [Audiovisual excluded \\| but not in e-commerce](/graphql?pinpoint=A1&art=7) | EX-01 | 3 | 2019-05-01 |',
    );
    expect(markdown).toContain('| LOW | Convention named in preamble only; (declaratory) |');
    expect(markdown).toContain('| INFO | Unsafe link dropped |  | 1,234.50 |  |');
    expect(markdown).toContain('| CULTURAL\\_EXEMPTION | 12.5% | 4 | [WTO](https://example.org/rta?id=1) |');
  });

  it('gives every table row as many cells as the header', () => {
    const tableLines = lines.filter((l) => l.startsWith('| '));
    for (const line of tableLines) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      expect(cells).toBeGreaterThan(2);
    }
    const findings = tableLines.slice(0, 5).map((l) => l.replace(/\\\|/g, '').split('|').length);
    expect(new Set(findings).size).toBe(1);
  });

  it('shows the data of chart-only sections', () => {
    expect(markdown).toContain(
      '## Preferential treatment flows\n\n_Data of the chart:_\n\n| Flows | ARTIST\\_MOBILITY |',
    );
  });

  it('puts the space French writes before a colon (a no-break one), and none in English or Spanish', () => {
    const french = renderMarkdown({ ...sampleReportDocument(), language: 'fr' });
    expect(french).toContain('- **country**\u00a0: Exampleland\n');
    expect(french).toContain('_Données du graphique\u00a0:_');
    const spanish = renderMarkdown({ ...sampleReportDocument(), language: 'es' });
    expect(spanish).toContain('- **country**: Exampleland\n');
    expect(spanish).toContain('_Datos del gráfico:_');
  });

  it('percent-encodes link characters that would break the link', () => {
    const document = sampleReportDocument();
    document.sections = [
      {
        id: 'x',
        title: 'X',
        table: { columns: [{ key: 'a', label: 'A' }], rows: [{ a: { text: 'a', href: '/p?q=(1) 2|3' } }] },
      },
    ];
    expect(renderMarkdown(document)).toContain('| [a](/p?q=%281%29%202%7C3) |');
  });
});

describe('inline', () => {
  it('escapes Markdown and HTML syntax and flattens newlines', () => {
    expect(inline('a*b_c [d](e) <i> | `x`\nnext')).toBe('a\\*b\\_c \\[d\\](e) \\<i\\> \\| \\`x\\` next');
  });

  it('reads back with a CommonMark/GFM parser: one table per section, every row whole, no HTML anywhere', () => {
    const document = sampleReportDocument();
    const { tables, html } = readMarkdown(renderMarkdown(document));
    expect(html).toEqual([]);
    expect(tables).toHaveLength(csvSections(document).length);
    tables.forEach((table, i) => {
      const { table: source } = csvSections(document)[i];
      expect(table.header).toHaveLength(source.columns.length);
      expect(table.rows).toHaveLength(source.rows.length);
      for (const row of table.rows) expect(row).toHaveLength(source.columns.length);
    });
    expect(tables[0].rows[1][1]).toBe('Convention named in preamble only; (declaratory)');
  });

  it('lists the CSV address of each section that has one', () => {
    const document = sampleReportDocument();
    document.sections[0].csv = 'http://localhost:3000/reports/x.csv?section=findings';
    const { links, html } = readMarkdown(renderMarkdown(document));
    expect(html).toEqual([]);
    expect(links).toContain('http://localhost:3000/reports/x.csv?section=findings');
  });
});
