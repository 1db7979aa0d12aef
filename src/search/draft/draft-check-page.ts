import { escapeHtml as e } from '../../reports/render/html-escape';
import { DraftCheck } from './draft-check.models';
import { diffOf } from '../similar/similarity.service';

const CSS = `body{margin:0 auto;max-width:1000px;padding:24px;font:15px/1.5 system-ui,sans-serif;color:#111}
h1{font-size:1.4rem}h2{font-size:1.15rem;margin-top:1.6rem}.muted{color:#555}textarea{width:100%;min-height:16rem;font:13px/1.4 ui-monospace,monospace}
label{display:block;margin:.6rem 0 .2rem}.error{background:#fde8e8;border:1px solid #d66;padding:8px 12px}
.gap{border-left:4px solid #c60;background:#fff7ec;padding:6px 12px;margin:.6rem 0}.article{border-top:1px solid #ddd;padding:.4rem 0}
ins{background:#d9f7d9;text-decoration:none}del{background:#fbdcdc}code{font-size:.9em}
table{border-collapse:collapse}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}th{background:#eef1f5}`;

export interface DraftFormValues {
  text: string;
  parties: string;
  language: string;
}

function pinpoint(p: { agreement: { slug: string }; key: string }): string {
  return `${p.agreement.slug}/${p.key}`;
}

function link(p: {
  agreement: { slug: string; shortTitle: string | null; title: string };
  key: string;
}): string {
  return `<a href="../provisions/${e(pinpoint(p))}">${e(p.agreement.shortTitle ?? p.agreement.title)} <code>${e(p.key)}</code></a>`;
}

/** The draft checker's page: the form, and under it the result or the error. The draft is echoed only into the form. */
export function draftCheckPageHtml(
  values: DraftFormValues,
  result: DraftCheck | null,
  error: string | null,
): string {
  const parts: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>Draft checker</title><style>${CSS}</style></head><body>`,
    '<h1>Draft checker</h1>',
    '<p class="muted">Paste a draft chapter or agreement (Article / Chapter / Section headings). It is compared with the catalogue and never stored.</p>',
    '<form method="post" action="draft-check">',
    '<label for="text">Draft text</label>',
    `<textarea id="text" name="text" required>${e(values.text)}</textarea>`,
    '<label for="parties">Parties (ISO alpha-3 codes, comma-separated)</label>',
    `<input id="parties" name="parties" value="${e(values.parties)}" placeholder="CAN,KOR" required>`,
    '<label for="language">Language</label>',
    `<select id="language" name="language">${['en', 'es', 'fr']
      .map((l) => `<option${l === values.language ? ' selected' : ''}>${l}</option>`)
      .join('')}</select>`,
    ' <button type="submit">Check</button>',
    '</form>',
  ];
  if (error) parts.push(`<p class="error" role="alert">${e(error)}</p>`);
  if (result) {
    parts.push(`<h2>What the draft lacks (${result.gaps.length})</h2>`);
    if (!result.gaps.length)
      parts.push(
        "<p>Nothing: the draft carries what the parties' practice and the Convention lead us to look for.</p>",
      );
    for (const gap of result.gaps) {
      parts.push(
        `<div class="gap"><p><strong>${e(gap.kind)}</strong> <span class="muted">(${e(gap.basis)}, rule <code>${e(gap.rule)}</code>)</span></p>`,
        `<p>${e(gap.message)}</p>`,
        gap.precedents.length
          ? `<p>Clauses to borrow:</p><ul>${gap.precedents
              .map(
                (p) => `<li>${link(p)}${p.agreement.dateSigned ? `, ${e(p.agreement.dateSigned)}` : ''}</li>`,
              )
              .join('')}</ul>`
          : '',
        '</div>',
      );
    }
    parts.push(`<h2>Articles (${result.articles.length})</h2>`);
    for (const article of result.articles) {
      const title = [
        article.articleNumber ? `Article ${article.articleNumber}` : article.location,
        article.articleTitle,
      ]
        .filter(Boolean)
        .join(' ');
      parts.push(`<div class="article"><h3>${e(title)}</h3>`);
      if (article.annotations.length) {
        parts.push(`<p>Codes: ${article.annotations.map((a) => `<code>${e(a.code)}</code>`).join(', ')}</p>`);
      }
      if (!article.precedents.length)
        parts.push('<p class="muted">No precedent at WORDING similarity 0.2 or more.</p>');
      for (const precedent of article.precedents) {
        const diff = diffOf(precedent.precedentText, precedent.draftText);
        const family = precedent.family
          ? ` · family of ${precedent.family.size} since ${e(precedent.family.since ?? '?')} (template ${link(precedent.family.template)})`
          : '';
        parts.push(
          `<p>${link(precedent.provision)}, ${e(precedent.dateSigned ?? 'undated')}, ${e(precedent.parties.join(', '))} · similarity ${precedent.score.toFixed(2)}${family}</p>`,
          `<details><summary>Word diff from the precedent to the draft</summary><p>${diff.segments
            .map((s) =>
              s.kind === 'EQUAL'
                ? e(s.text)
                : s.kind === 'INSERT'
                  ? `<ins>${e(s.text)}</ins>`
                  : `<del>${e(s.text)}</del>`,
            )
            .join('')}</p></details>`,
        );
      }
      parts.push('</div>');
    }
  }
  parts.push('</body></html>', '');
  return parts.join('\n');
}
