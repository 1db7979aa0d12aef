import { markup, Html, Part } from './html';
import { LANGUAGE_NAMES, LANGUAGES, MessageKey } from './i18n';
import { WebContext } from './web-context';

export interface PageOptions {
  title: string;
  /**
   * The entry of the menu this page is, or belongs to (an agreement's page, and a provision's, to the agreements;
   * a party's to the parties): `aria-current="page"` on the entry's own page, `"true"` on a page within its section.
   */
  section?:
    'home' | 'search' | 'agreements' | 'parties' | 'compare' | 'trends' | 'flows' | 'draft' | 'review';
  body: Part;
  /** Extra class on <body>, e.g. for the review page's script. */
  bodyClass?: string;
}

const MENU: { section: NonNullable<PageOptions['section']>; path: string; key: MessageKey }[] = [
  { section: 'home', path: '/', key: 'nav.home' },
  { section: 'search', path: '/search', key: 'nav.search' },
  { section: 'agreements', path: '/agreements', key: 'nav.agreements' },
  { section: 'parties', path: '/parties', key: 'nav.parties' },
  { section: 'compare', path: '/compare', key: 'nav.compare' },
  { section: 'trends', path: '/trends', key: 'nav.trends' },
  { section: 'flows', path: '/flows', key: 'nav.flows' },
  { section: 'draft', path: '/draft-check', key: 'nav.draft' },
  { section: 'review', path: '/review', key: 'nav.review' },
];

/** The page shell: skip link, header with the menu and the language links, main, footer. */
export function layout(ctx: WebContext, page: PageOptions): string {
  const { t } = ctx;
  const current = (item: (typeof MENU)[number]) =>
    item.section !== page.section ? '' : ctx.req.path === item.path ? 'page' : 'true';
  const menu = MENU.map(
    (item) =>
      markup`<li>
        <a href="${ctx.href(item.path)}" ${current(item) ? markup` aria-current="${current(item)}"` : ''}
          >${t(item.key)}</a
        >
      </li>`,
  );
  const languages = LANGUAGES.map((lang) =>
    lang === ctx.lang
      ? markup`<li><span aria-current="true" lang="${lang}">${LANGUAGE_NAMES[lang]}</span></li>`
      : markup`<li>
          <a href="${ctx.languageLink(lang)}" hreflang="${lang}" lang="${lang}">${LANGUAGE_NAMES[lang]}</a>
        </li>`,
  );
  const graphqlUrl = ctx.plain('/graphql');
  return markup`<!DOCTYPE html>
<html lang="${ctx.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · ${t('site.name')}</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${ctx.plain(ctx.assets.css)}">
<script src="${ctx.plain(ctx.assets.js)}" defer></script>
</head>
<body${page.bodyClass ? markup` class="${page.bodyClass}"` : ''} data-base="${ctx.base}">
<a class="skip" href="#main">${t('skip')}</a>
<header class="site-header">
<div class="brand"><a href="${ctx.href('/')}">${t('site.name')}</a></div>
<nav aria-label="${t('nav.label')}"><ul class="menu">${menu}</ul></nav>
<nav class="languages" aria-label="${t('lang.label')}"><ul>${languages}</ul></nav>
</header>
<main id="main" tabindex="-1">
${page.body}
</main>
<footer class="site-footer"><p>${t('footer.api', { url: graphqlUrl })} <a href="${graphqlUrl}">${t('nav.api')}</a></p></footer>
</body>
</html>
`.value;
}

/** A download link list. */
export function downloads(ctx: WebContext, links: { label: string; href: string }[], heading?: string): Html {
  if (links.length === 0) return markup``;
  return markup`<section class="downloads" aria-label="${heading ?? ctx.t('common.downloads')}">
    <h2>${heading ?? ctx.t('common.downloads')}</h2>
    <ul>
      ${links.map((l) => markup`<li><a href="${l.href}" download>${l.label}</a></li>`)}
    </ul>
  </section>`;
}

/** A citation line with a copy button (the button needs script; the text can always be selected). */
export function citation(ctx: WebContext, id: string, text: Html | string): Html {
  return markup`<section class="citation" aria-labelledby="${id}-h">
    <h2 id="${id}-h">${ctx.t('common.cite')}</h2>
    <p><output id="${id}" class="citation-text">${text}</output></p>
    <p>
      <button type="button" class="copy" data-copy="${id}" hidden>${ctx.t('common.copy')}</button>
      <span class="copy-status" role="status" data-copied="${ctx.t('common.copied')}"></span>
    </p>
  </section>`;
}
