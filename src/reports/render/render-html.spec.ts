import { escapeHtml } from './html-escape';
import { renderHtml } from './render-html';
import { ReportDocument } from './report-document';
import { sampleReportDocument } from './sample-report-document';

const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

describe('renderHtml', () => {
  const document = sampleReportDocument();
  const html = renderHtml(document);

  it('is one complete page with the escaped title', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain(
      '<title>Coherence of &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</title>',
    );
    expect(html).toContain(
      '<h1>Coherence of &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co</h1>',
    );
  });

  it('contains no script, no event handler and no unescaped text from the document', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<b>coded</b>');
    expect(html).not.toContain('<Trilateral>');
    expect(html).toContain('EX-02 &lt;Trilateral&gt;');
    expect(html).toContain('Series with &quot;quotes&quot; &amp; &lt;tags&gt;');
  });

  it('refers to nothing outside the page except the hrefs the document gave', () => {
    const given = ['https://example.org/rta?id=1'];
    let rest = html;
    for (const href of given) rest = rest.split(`href="${escapeHtml(href)}"`).join('');
    expect(rest).not.toMatch(/http/i);
    expect(rest).not.toMatch(/\ssrc=|<link|@import|<iframe|<object|<embed/i);
    expect(rest.match(/url\(([^)]*)\)/g)?.every((u) => u.startsWith('url(#'))).toBe(true);
  });

  it('writes accessible tables: caption, column and row headers', () => {
    expect(count(html, /<table>/g)).toBe(5);
    expect(count(html, /<caption>/g)).toBe(5);
    expect(html).toContain('<th scope="col">Severity</th>');
    expect(html).toContain('<th scope="col" class="num">Provisions</th>');
    expect(html).toContain('<tr><td><span class="badge badge-high">HIGH</span></td><th scope="row">');
    expect(html).toContain(
      '<th scope="row"><a href="/graphql?pinpoint=A1&amp;art=7">Audiovisual excluded | but not in e-commerce</a></th>',
    );
  });

  it('shows severity badges, formatted numbers, shading and links', () => {
    expect(html).toContain('<span class="badge badge-low">LOW</span>');
    expect(html).toContain('<span class="badge badge-info">INFO</span>');
    expect(html).toContain('<td class="num">1,234.50</td>');
    expect(html).toContain('<td class="num">12.5%</td>');
    expect(html).toMatch(/<td class="num shaded" style="background-color:#[0-9a-f]{6};color:#fff">4<\/td>/);
    expect(html).toContain('<th scope="row">Unsafe link dropped</th>');
    expect(html).toContain('<td class="date">2021-02-03</td>');
  });

  it('draws each chart as inline SVG with a title and an aria-label', () => {
    expect(count(html, /<svg /g)).toBe(3);
    expect(count(html, /<svg [^>]*role="img"[^>]*aria-label="[^"]+"/g)).toBe(3);
    expect(count(html, /<svg [^>]*>\s*<title id="[^"]+">[^<]+<\/title>/g)).toBe(3);
    expect(count(html, /<polyline /g)).toBe(2);
    expect(html).toContain('<details class="chart-data">');
  });

  it('gives sections unique anchors and breaks pages between them in print', () => {
    const ids = [...html.matchAll(/<section class="report-section" id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(['s1-findings', 's2-scores', 's3-matrix', 's4-trends', 's5-flows']);
    expect(html).toMatch(/@media print \{[^@]*\.report-section \{[^}]*break-before: page/);
  });

  it('escapes hostile section ids, parameters and hrefs', () => {
    const hostile: ReportDocument = {
      kind: '<k>',
      title: 't',
      generatedAt: '2026-01-01T00:00:00Z',
      parameters: { '<p>': '"><img src=x onerror=alert(1)>' },
      notes: [],
      sections: [
        {
          id: '"><svg onload=alert(1)>',
          title: 'x',
          table: {
            columns: [{ key: 'a', label: '<th>' }],
            rows: [
              { a: { text: 'go', href: '" onmouseover="alert(1)' } },
              { a: { text: 'no', href: ' JaVa\tScRiPt:alert(1)' } },
            ],
          },
          chart: {
            kind: 'bar',
            categoryLabel: '<c>',
            valueLabel: '<v>',
            categories: ['<cat>'],
            series: [{ name: '<s>', values: [1] }],
          },
        },
      ],
    };
    const page = renderHtml(hostile);
    expect(page).not.toMatch(/<img|<svg onload|<k>|<th>|<cat>|<s>/);
    expect(page).toContain('<a href="&quot; onmouseover=&quot;alert(1)">go</a>');
    expect(page).toContain('<th scope="row">no</th>');
    expect(page).toContain('id="s1-svg-onload-alert-1"');
  });
});
