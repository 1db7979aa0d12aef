import { escapeHtml } from '../render/html-escape';

export interface ProvisionPageData {
  pinpoint: string;
  agreement: { slug: string; title: string; shortTitle: string | null; dateSigned: string | null };
  chapterNumber: string | null;
  chapterTitle: string | null;
  articleNumber: string | null;
  articleTitle: string | null;
  location: string;
  summary: string | null;
  text: string | null;
  annotations: {
    code: string;
    detail: string[];
    bindingForce: string | null;
    status: string;
    origin: string;
    evidenceQuote: string | null;
    note: string | null;
  }[];
}

const CSS = `body{margin:0 auto;max-width:900px;padding:24px;font:15px/1.5 system-ui,sans-serif;color:#111}
h1{font-size:1.4rem;margin:.2rem 0}.muted{color:#555}pre{white-space:pre-wrap;font:inherit;background:#f6f7f9;padding:12px;border:1px solid #ddd}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef1f5}`;

/** The page a report's provision link opens: what the provision is, its text or summary, its annotations. */
export function provisionPageHtml(p: ProvisionPageData): string {
  const e = escapeHtml;
  const article = [p.articleNumber ? `Article ${p.articleNumber}` : null, p.articleTitle]
    .filter(Boolean)
    .join(' ');
  const chapter = [p.chapterNumber ? `Chapter ${p.chapterNumber}` : null, p.chapterTitle]
    .filter(Boolean)
    .join(' ');
  const rows = p.annotations
    .map(
      (a) =>
        `<tr><td><code>${e(a.code)}</code></td><td>${e(a.detail.join(', '))}</td><td>${e(a.bindingForce ?? '')}</td>` +
        `<td>${e(a.status)}</td><td>${e(a.origin)}</td><td>${e(a.evidenceQuote ?? a.note ?? '')}</td></tr>`,
    )
    .join('\n');
  return [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${e(p.pinpoint)}</title><style>${CSS}</style></head><body>`,
    `<p class="muted">${e(p.agreement.shortTitle ?? p.agreement.title)}${p.agreement.dateSigned ? `, signed ${e(p.agreement.dateSigned)}` : ''}</p>`,
    `<h1>${e(article || p.pinpoint)}</h1>`,
    `<p class="muted">Pinpoint <code>${e(p.pinpoint)}</code> · ${e(p.location)}${chapter ? ` · ${e(chapter)}` : ''}</p>`,
    p.summary ? `<h2>Summary</h2><p>${e(p.summary)}</p>` : '',
    p.text ? `<h2>Text</h2><pre>${e(p.text)}</pre>` : '',
    '<h2>Annotations</h2>',
    p.annotations.length
      ? `<table><thead><tr><th>Code</th><th>Detail</th><th>Binding force</th><th>Status</th><th>Origin</th><th>Evidence</th></tr></thead><tbody>\n${rows}\n</tbody></table>`
      : '<p>None.</p>',
    '</body></html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
