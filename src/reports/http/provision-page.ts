import { escapeHtml } from '../render/html-escape';

export interface FamilyTimelineMember {
  pinpoint: string;
  agreement: string;
  dateSigned: string | null;
  parties: string[];
  codes: string[];
  /** The member it was probably taken from; null for the template and the first agreement's members. */
  source: string | null;
  /** WORDING similarity to the source. */
  score: number | null;
  /** Word diff from the source to this member. */
  diff: { kind: string; text: string }[] | null;
}

export interface ProvisionPageData {
  pinpoint: string;
  /** The clause family (clauseFamily, WORDING), earliest first. */
  family?: { size: number; truncated: boolean; comparable: boolean; members: FamilyTimelineMember[] };
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
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef1f5}
ol.timeline{list-style:none;padding-left:0;border-left:3px solid #8aa4c8}ol.timeline>li{margin:0 0 1rem 0;padding-left:14px;position:relative}
ol.timeline>li::before{content:"";position:absolute;left:-8px;top:.45em;width:13px;height:13px;border-radius:50%;background:#8aa4c8}
ol.timeline>li.current::before{background:#c60}ins{background:#d9f7d9;text-decoration:none}del{background:#fbdcdc}.diff{margin:.3rem 0 0;font-size:.92em}`;

/** A timeline of the clause family: each member with its date, parties, source and the words changed from it. */
function familyHtml(pinpoint: string, family: NonNullable<ProvisionPageData['family']>): string {
  const e = escapeHtml;
  if (!family.comparable) return '<h2>Family</h2><p>The text is too short to compare (under 12 words).</p>';
  if (family.members.length < 2)
    return '<h2>Family</h2><p>No other clause shares its wording (WORDING similarity 0.3).</p>';
  const link = (p: string) => `<a href="../${e(p)}">${e(p)}</a>`;
  const items = family.members.map((m) => {
    const changed = m.diff
      ? `<p class="diff">${m.diff
          .map((s) =>
            s.kind === 'INSERT'
              ? `<ins>${e(s.text)}</ins>`
              : s.kind === 'DELETE'
                ? `<del>${e(s.text)}</del>`
                : e(s.text),
          )
          .join('')}</p>`
      : '';
    const origin = m.source
      ? `from ${link(m.source)} (similarity ${(m.score ?? 0).toFixed(2)})`
      : 'no earlier member: the template';
    return (
      `<li${m.pinpoint === pinpoint ? ' class="current"' : ''}><strong>${e(m.dateSigned ?? 'undated')}</strong> ${e(m.agreement)} ` +
      `<span class="muted">(${e(m.parties.join(', '))})</span> ${link(m.pinpoint)}` +
      `${m.codes.length ? ` <code>${e(m.codes.join(' '))}</code>` : ''}<br><span class="muted">${origin}</span>${changed}</li>`
    );
  });
  return [
    `<h2>Family (${family.size} clauses${family.truncated ? ', cut at the size bound' : ''})</h2>`,
    '<p class="muted">Clauses that descend from the same template, earliest first; inserted words in green, deleted in red, from each clause\'s probable source.</p>',
    `<ol class="timeline">${items.join('\n')}</ol>`,
  ].join('\n');
}

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
    p.family ? familyHtml(p.pinpoint, p.family) : '',
    '</body></html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n');
}
