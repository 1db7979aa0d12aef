import { downloadDay, downloadFileName } from '../../common/download-name';
import { shown } from '../../common/errors';
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../../reports/render/render-csv';
import { CSV_BOM, cellList } from '../../common/spreadsheet-formula';
import { markup, Html } from '../html';
import { label } from '../labels';
import type { MessageKey } from '../i18n';
import { citation, layout } from '../layout';
import {
  agreementName,
  agreementPath,
  agreementTypesHtml,
  annotationBadge,
  dateHtml,
  dateText,
  divisionHeading,
  partyPath,
  provisionPath,
  agreementNameHtml,
  inLanguage,
  CATALOGUE_LANGUAGE,
  sourceNote,
  divisionHeadingHtml,
  yearAfterName,
} from '../views/common';
import { articleCellLabel, articleNumberForm } from '../../provisions/article-number';
import { AGREEMENT_FIELDS } from '../../agreements/agreement-fields';
import { completenessView, CompletenessFacts } from '../views/completeness';
import { sideName, viaBlocName } from '../views/side-name';
import { WebContext } from '../web-context';
import { ADD_AGREEMENT_MAX_LENGTH } from './compare.page';
import { TAXONOMY_CODES } from '../web-enums';
import { badRequest, notFound } from '../web-errors';
import { canonicalRedirect, file, PageResult } from '../web-page';
import { headingIn } from '../../provisions/preamble';

const TOC_PAGE = 100;
/** Pages of provisions a download reads: a page with every annotation stays within the API's query cost. */
const EXPORT_PAGE = 25;
const EXPORT_PAGES = 200;

/** A provision of the contents; its pinpoint is `<agreement slug>/<key>` (the API's definition), not asked per row. */
interface TocProvision {
  key: string;
  articleNumber: string | null;
  articleTitle: string | null;
  chapterNumber: string | null;
  chapterTitle: string | null;
  location: string;
  language: string | null;
  annotations: { code: { code: string }; status: string; bindingForce: string | null }[];
}

interface AgreementData {
  agreement: {
    slug: string;
    title: string;
    shortTitle: string | null;
    kind: string;
    types: string[];
    status: string;
    composition: string | null;
    language: string | null;
    dateSigned: string | null;
    dateInForce: string | null;
    dateProvisionallyApplied: string | null;
    dateTerminated: string | null;
    concludedBy: string | null;
    archivedAt: string | null;
    record: CompletenessFacts['record'];
    externalIds: { totaId: string | null; wtoRtaId: string | null; destaNumber: string | null };
    factSources: { fact: string; source: string }[];
    sources: { kind: string; url: string; language: string | null }[];
    parties: {
      party: { code: string; name: string; kind: string };
      role: string;
      dateJoined: string | null;
      inForceFrom: string | null;
      inForceFromPrecision: 'EXACT' | 'AT_LATEST' | null;
      appliedFrom: string | null;
      dateWithdrawn: string | null;
      withdrawn: boolean;
      signatoryOnly: boolean;
      agreementFirstDates: boolean;
      suspendedFrom: string | null;
      suspendedUntil: string | null;
      suspensionSource: string | null;
      side: string | null;
      boundThrough: string | null;
    }[];
    related: {
      kind: string;
      direction: string;
      agreement: { slug: string; title: string; shortTitle: string | null; dateSigned: string | null };
    }[];
  };
  annotated: { totalCount: number };
  toc: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: TocProvision }[];
  };
}

/**
 * The record, then the table of contents and the count of annotated provisions from the root `provisions` list
 * filtered by the agreement: one page in the order of the agreement read from its index (the nested
 * `agreement.provisions`, built to batch many agreements, ranks every provision of the agreement with its text
 * first: the largest, TPP, about 2 MB per page view). The cursors are the same (agreement, position, id).
 */
const AGREEMENT_QUERY = `query WebAgreement($slug: String!, $first: Int, $after: String, $toc: ProvisionFilter!, $annotated: ProvisionFilter!) {
  agreement(slug: $slug) {
    ${AGREEMENT_FIELDS.join(' ')} composition language archivedAt
    record { coverage parts partial provisions }
    externalIds { totaId wtoRtaId destaNumber }
    factSources { fact source }
    sources { kind url language }
    parties { party { code name kind } role dateJoined inForceFrom inForceFromPrecision appliedFrom dateWithdrawn withdrawn signatoryOnly agreementFirstDates suspendedFrom suspendedUntil suspensionSource side boundThrough }
    related { kind direction agreement { slug title shortTitle dateSigned } }
  }
  annotated: provisions(first: 1, filter: $annotated) { totalCount }
  toc: provisions(first: $first, after: $after, filter: $toc) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { key articleNumber articleTitle chapterNumber chapterTitle location language annotations { code { code } status bindingForce } } }
  }
}`;

// Not AGREEMENT_FIELDS: the page's JSON download writes the answer as it comes, and its key order (composition
// and language among the facts, dates in force before provisional application) is what downloads have had.
const EXPORT_QUERY = `query WebAgreementExport($slug: String!, $first: Int, $after: String) {
  agreement(slug: $slug) {
    slug title shortTitle kind types status composition language dateSigned dateInForce dateProvisionallyApplied dateTerminated
    externalIds { totaId wtoRtaId destaNumber } factSources { fact source } sources { kind url language }
    parties { party { code name } role dateJoined dateWithdrawn withdrawn signatoryOnly }
    related { kind direction agreement { slug } }
    provisions(first: $first, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { node { pinpoint key position location chapterNumber chapterTitle sectionNumber sectionTitle articleNumber articleTitle numberedPerChapter language summary text
        annotations { id code { code } detail status origin bindingForce confidence evidence { start end quote } note ruleId reviewedBy reviewReason } } }
    }
  }
}`;

const SLUG = /^[a-z0-9][a-z0-9._-]{0,119}$/;

/** What an agreement's page takes. */
export const AGREEMENT_PARAMETERS: readonly string[] = ['annotated', 'after'];

/** GET /agreements/<slug> (the page), <slug>.json (the record) and <slug>.csv (provisions and annotations). */
export async function agreementPage(ctx: WebContext, raw: string): Promise<PageResult> {
  const match = /^(.*?)\.(json|csv)$/.exec(raw);
  const slug = match ? match[1] : raw;
  // Slugs are lower case; an address typed otherwise reaches the page at its own address.
  if (slug !== slug.toLowerCase() && SLUG.test(slug.toLowerCase()))
    return canonicalRedirect(
      ctx.withThisQuery(`${agreementPath(slug.toLowerCase())}${match ? `.${match[2]}` : ''}`),
    );
  if (!SLUG.test(slug)) throw notFound(ctx.t('error.notFoundAgreement', { key: shown(slug) }));
  // The record and its CSV are whole: the page's cursor and filter (`after`, `annotated`) are refused, not passed over.
  if (match) {
    ctx.takeOnly([]);
    return agreementExport(ctx, slug, match[2] as 'json' | 'csv');
  }
  const annotatedOnly = ctx.flag('annotated');
  const after = ctx.param('after', 200);
  // This agreement's own provisions, archived or not (the lists leave archived agreements out).
  const agreement = { slugs: [slug], includeArchived: true };
  const names = ctx.codeNames();
  const {
    agreement: a,
    annotated,
    toc: provisions,
  } = await ctx.query<AgreementData>(AGREEMENT_QUERY, {
    slug,
    first: TOC_PAGE,
    after,
    toc: annotatedOnly
      ? { agreement, annotations: { codes: TAXONOMY_CODES, statuses: ['ACCEPTED', 'PROPOSED', 'REJECTED'] } }
      : { agreement },
    annotated: { agreement, annotations: { codes: TAXONOMY_CODES } },
  });
  const { t } = ctx;
  const name = agreementName(a);
  const path = agreementPath(a.slug);
  const today = new Date().toISOString().slice(0, 10);
  // Where every party is in force from a bound (Chile - Colombia: the sources give 8 or 11 May 2009, each party's
  // 11 May at the latest), the agreement's own date is not its day either: it entered into force on its date (the
  // earliest a source gives) or later, and on the first party's bound at the latest, said so as its parties' dates are.
  const started = a.parties.filter((p) => p.inForceFrom);
  const firstBound =
    a.dateInForce && started.length > 0 && started.every((p) => p.inForceFromPrecision === 'AT_LATEST')
      ? started.map((p) => p.inForceFrom!).sort()[0]
      : null;
  const cite = markup`${inLanguage(a.title + (a.shortTitle ? ` (${a.shortTitle})` : ''), a.language)}${a.dateSigned ? `, ${t('cite.signed', { date: dateText(ctx, a.dateSigned) })}` : ''}. ${t('site.name')}, ${ctx.absolute(ctx.plain(path))} (${t('cite.accessed', { date: dateText(ctx, today) })}).`;

  const facts = markup`<dl class="facts">
      <dt>${t('common.status')}</dt>
      <dd>${label(ctx.lang, a.status)}</dd>
      <dt>${t('agreement.kind')}</dt>
      <dd>
        ${label(ctx.lang, a.kind)}${compositionBeyondKind(a) ? markup` <span class="muted" lang="${CATALOGUE_LANGUAGE}">(${a.composition})</span>` : ''}
      </dd>
      <dt>${t('agreement.types')}</dt>
      <dd>${a.types.length ? agreementTypesHtml(ctx, a.types) : '–'}</dd>
      <dt>${t('common.signed')}</dt>
      <dd>${dateHtml(ctx, a.dateSigned)}</dd>
      <dt>${t('common.inForce')}</dt>
      <dd>
        ${
          !firstBound
            ? dateHtml(ctx, a.dateInForce)
            : firstBound > a.dateInForce!
              ? t('agreement.inForceBetween', {
                  from: dateText(ctx, a.dateInForce!),
                  until: dateText(ctx, firstBound),
                })
              : t('agreement.partyAtLatest', { date: dateText(ctx, firstBound) })
        }
      </dd>
      ${
        a.dateProvisionallyApplied
          ? markup`<dt>${t('agreement.provisional')}</dt>
              <dd>${dateHtml(ctx, a.dateProvisionallyApplied)}</dd>`
          : ''
      }
      ${
        a.dateTerminated
          ? markup`<dt>${t('agreement.terminated')}</dt>
              <dd>${dateHtml(ctx, a.dateTerminated)}</dd>`
          : ''
      }
      ${
        a.concludedBy
          ? markup`<dt>${t('agreement.concludedBy')}</dt>
              <dd>${label(ctx.lang, a.concludedBy)}</dd>`
          : ''
      }
      <dt>${t('common.language')}</dt>
      <dd>${a.language ?? '–'}</dd>
      <dt>${t('agreement.externalIds')}</dt>
      <dd>
        ${[a.externalIds.totaId && `ToTA ${a.externalIds.totaId}`, a.externalIds.wtoRtaId && `WTO RTA ${a.externalIds.wtoRtaId}`, a.externalIds.destaNumber && `DESTA ${a.externalIds.destaNumber}`].filter(Boolean).join(' · ') || '–'}
      </dd>
      <dt>${t('common.sources')}</dt>
      <dd>
        ${
          a.sources.length
            ? markup`<ul>
                ${a.sources.map((s) => markup`<li>${label(ctx.lang, s.kind)}: <a href="${s.url}" rel="noopener noreferrer">${hostOf(s.url)}</a>${s.language ? ` (${s.language})` : ''}</li>`)}
              </ul>`
            : '–'
        }
      </dd>
    </dl>
    ${
      a.factSources.length
        ? markup`<details>
            <summary>${t('agreement.factSources')}</summary>
            <div class="table-wrap" tabindex="0">
              <table>
                <caption class="visually-hidden">
                  ${t('agreement.factSources')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('agreement.fact')}</th>
                    <th scope="col">${t('common.source')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${a.factSources.map(
                    (f) =>
                      markup`<tr>
                        <td>${factName(ctx, f.fact)}</td>
                        <td lang="${CATALOGUE_LANGUAGE}">${sourceLink(f.source)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>
          </details>`
        : ''
    }`;

  const blocs = a.parties.filter((p) => p.party.kind === 'BLOC');
  // A member state listed beside its bloc (Croatia in EU-Korea) is bound through it, as the comparison, the exports and
  // the list of agreements say (`standing`, `boundThrough`): the bloc by its name in the sentence's form.
  const boundThroughName = (code: string) => {
    const bloc = blocs.find((b) => b.party.code === code)?.party;
    return bloc ? viaBlocName(ctx, bloc) : code;
  };
  // An original party with no date of its own on an agreement of three or more sides: the agreement's first date
  // (provisional application or entry into force) is not said to be its own.
  const firstDate =
    a.dateProvisionallyApplied && a.dateInForce
      ? a.dateProvisionallyApplied < a.dateInForce
        ? a.dateProvisionallyApplied
        : a.dateInForce
      : (a.dateProvisionallyApplied ?? a.dateInForce);
  // The binding rule's dates for the party (AgreementParty.inForceFrom, appliedFrom): its own, its accession's
  // (Korea, DEPA: 3 May 2024, shown as "–" before), or the agreement's where that stands for its own (CETA's two
  // sides, applied provisionally since 2017). None where only the agreement's first dates are known.
  // A date that is a bound (AANZFTA for Cambodia: 1 February 2011 at the latest) is said so, as on the party page.
  const partyInForce = (p: (typeof a.parties)[number]) =>
    p.inForceFrom && p.inForceFromPrecision === 'AT_LATEST'
      ? t('agreement.partyAtLatest', { date: dateText(ctx, p.inForceFrom) })
      : p.inForceFrom || !p.appliedFrom
        ? dateHtml(ctx, p.inForceFrom)
        : t('agreement.partyProvisional', { date: dateText(ctx, p.appliedFrom) });
  const parties = markup`<div class="table-wrap" tabindex="0">
      <table class="responsive">
        <caption class="visually-hidden">
          ${t('agreement.parties')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('common.party')}</th>
            <th scope="col">${t('agreement.role')}</th>
            <th scope="col">${t('agreement.joined')}</th>
            <th scope="col">${t('agreement.partyInForce')}</th>
            <th scope="col">${t('agreement.withdrawn')}</th>
          </tr>
        </thead>
        <tbody>
          ${a.parties.map(
            (p) =>
              markup`<tr>
                <th scope="row" data-label="${t('common.party')}">
                  <a href="${ctx.href(partyPath(p.party.code))}">${ctx.partyName(p.party)}</a>
                  <code>${p.party.code}</code
                  >${p.party.kind === 'BLOC' ? markup` <span class="muted">(${label(ctx.lang, 'BLOC')})</span>` : ''}
                </th>
                <td data-label="${t('agreement.role')}">
                  ${label(ctx.lang, p.role)}${p.boundThrough ? markup` · ${t('agreement.boundThrough', { bloc: boundThroughName(p.boundThrough) })}` : ''}${p.side ? markup` · ${t('agreement.side')} ${sideName(ctx, p.side, a.parties)}` : ''}${p.signatoryOnly ? markup` · ${t('agreement.signatoryOnly')}` : ''}${p.suspendedFrom ? markup` · ${p.suspendedUntil ? t('agreement.suspendedUntil', { from: dateText(ctx, p.suspendedFrom), until: dateText(ctx, p.suspendedUntil) }) : t('agreement.suspended', { date: dateText(ctx, p.suspendedFrom) })}${p.suspensionSource ? markup` <span class="muted">(${t('common.sourceLabel')} <span lang="${CATALOGUE_LANGUAGE}">${sourceNote(p.suspensionSource)}</span>)</span>` : ''}` : ''}${p.agreementFirstDates && firstDate ? markup` <span class="muted">· ${t('party.firstDates', { party: p.party.code, date: dateText(ctx, firstDate) })}</span>` : ''}
                </td>
                <td data-label="${t('agreement.joined')}">${dateHtml(ctx, p.dateJoined)}</td>
                <td data-label="${t('agreement.partyInForce')}">${partyInForce(p)}</td>
                <td data-label="${t('agreement.withdrawn')}">
                  ${p.withdrawn ? (p.dateWithdrawn ? dateHtml(ctx, p.dateWithdrawn) : t('common.yes')) : '–'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${blocs.map((b) => markup`<p class="hint">${t('agreement.members', { bloc: ctx.partyName(b.party) })} <a href="${ctx.href(partyPath(b.party.code))}">${b.party.code}</a></p>`)}`;

  const toc = tocView(
    ctx,
    a.slug,
    provisions.edges.map((e) => e.node),
    await names,
  );
  const tocParams = { annotated: annotatedOnly ? '1' : undefined };
  const body = markup`<p class="kicker">${t('common.agreement')} · <code>${a.slug}</code></p>
    <h1>${inLanguage(name, a.language)}</h1>
    ${a.shortTitle ? markup`<p class="lead" lang="${a.language ?? ''}">${a.title}</p>` : ''}
    ${
      a.archivedAt
        ? markup`<p class="notice" role="status">${t('agreement.archived', { date: dateText(ctx, a.archivedAt.slice(0, 10)) })}</p>`
        : ''
    }
    <div class="with-sidebar">
      <div>
        <section aria-labelledby="facts-h">
          <h2 id="facts-h">${t('agreement.facts')}</h2>
          ${facts}
        </section>
        <section aria-labelledby="complete-h">
          <h2 id="complete-h">${t('agreement.completeness')}</h2>
          ${completenessView(ctx, {
            ...a,
            record: a.record,
            texts: a.record.coverage !== 'METADATA_ONLY',
            annotated: annotated.totalCount,
          })}
        </section>
        <section aria-labelledby="parties-h">
          <h2 id="parties-h">${t('agreement.parties')}</h2>
          ${parties}
        </section>
        <section aria-labelledby="toc-h" class="toc">
          <h2 id="toc-h">${t('agreement.toc')}</h2>
          <p class="hint">
            ${t('agreement.tocHint')} ${t('agreement.provisionsCount', { count: provisions.totalCount })}.
          </p>
          <p>
            ${annotatedOnly ? markup`<a href="${ctx.href(path)}">${t('agreement.allProvisions')}</a>` : markup`<a href="${ctx.href(path, { annotated: '1' })}">${t('agreement.onlyAnnotated')}</a> (${annotated.totalCount})`}
          </p>
          ${toc}
          <nav class="pager" aria-label="${t('agreement.toc')}">
            ${after ? markup`<a href="${ctx.href(path, tocParams)}">${t('common.first')}</a>` : ''}
            ${provisions.pageInfo.hasNextPage ? markup`<a rel="next" href="${ctx.href(path, { ...tocParams, after: provisions.pageInfo.endCursor })}">${t('agreement.moreProvisions')}</a>` : ''}
          </nav>
        </section>
      </div>
      <aside aria-label="${t('common.downloads')}">
        <section aria-labelledby="dl-h">
          <h2 id="dl-h">${t('common.downloads')}</h2>
          <ul>
            <li><a href="${ctx.href(`${path}.json`)}" download>${t('agreement.json')}</a></li>
            <li><a href="${ctx.href(`${path}.csv`)}" download>${t('agreement.csv')}</a></li>
          </ul>
          <form method="get" action="${ctx.href('/compare')}">${ctx.langField()}
            <input type="hidden" name="agreements" value="${a.slug}" />
            <label for="cmp-other">${t('agreement.compareWith')}</label>
            <div class="inline">
              <input type="text" id="cmp-other" name="add" required maxlength="${ADD_AGREEMENT_MAX_LENGTH}" autocomplete="off" />
              <button type="submit">${t('agreement.compare')}</button>
            </div>
          </form>
        </section>
        ${
          a.related.length
            ? markup`<section aria-labelledby="rel-h">
                <h2 id="rel-h">${t('agreement.related')}</h2>
                <ul>
                  ${a.related.map(
                    (r) =>
                      markup`<li>
                        <span class="muted"
                          >${r.direction === 'OUTGOING' ? `${label(ctx.lang, r.kind)} →` : `← ${label(ctx.lang, r.kind)}`}</span
                        >
                        <a href="${ctx.href(agreementPath(r.agreement.slug))}"
                          >${agreementNameHtml(r.agreement)}</a
                        >
                        ${yearAfterName(r.agreement) ? `(${yearAfterName(r.agreement)})` : ''}
                      </li>`,
                  )}
                </ul>
              </section>`
            : ''
        }
        ${citation(ctx, 'cite-agreement', cite)}
      </aside>
    </div>`;
  return layout(ctx, { title: name, section: 'agreements', body });
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

function sourceLink(source: string): Html {
  return /^https?:\/\//.test(source)
    ? markup`<a href="${source}" rel="noopener noreferrer">${source}</a>`
    : markup`${source}`;
}

/** The table of contents: provisions in order under their chapter headings, each with its annotations. */
function tocView(
  ctx: WebContext,
  slug: string,
  provisions: TocProvision[],
  names: ReadonlyMap<string, string>,
): Html {
  if (!provisions.length) return markup`<p>${ctx.t('common.none')}</p>`;
  const items: Html[] = [];
  let chapter: string | null = null;
  // Each provision says its number: a chapter heading is an item of the list too, and would take one.
  let number = 0;
  for (const p of provisions) {
    const heading = divisionHeading(ctx, 'chapter', p.chapterNumber, p.chapterTitle);
    if (heading && heading !== chapter)
      items.push(
        markup`<li class="chapter">${divisionHeadingHtml(ctx, 'chapter', p.chapterNumber, p.chapterTitle, p.language)}</li>`,
      );
    chapter = heading ?? chapter;
    const number_ = p.articleNumber
      ? `${ctx.t('common.article')} ${articleNumberForm(p.articleNumber)}`
      : p.articleTitle || p.location === 'PREAMBLE'
        ? p.key
        : ctx.t('common.unnumbered');
    const articleTitle = headingIn(ctx.lang, p.articleTitle);
    const title = !articleTitle
      ? number_
      : articleTitle === p.articleTitle
        ? markup`${number_} · ${inLanguage(articleTitle, p.language)}`
        : markup`${number_} · ${articleTitle}`;
    number++;
    items.push(
      markup`<li value="${number}">
        <a href="${ctx.href(provisionPath(`${slug}/${p.key}`))}">${title}</a
        >${p.location !== 'OPERATIVE' ? markup` <span class="muted">(${label(ctx.lang, p.location)})</span>` : ''}
        ${p.annotations.map((an) => annotationBadge(ctx, an, names))}
      </li>`,
    );
  }
  return markup`<ol>
    ${items}
  </ol>`;
}

interface ExportData {
  agreement: Record<string, unknown> & {
    slug: string;
    provisions: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: {
        node: Record<string, unknown> & { pinpoint: string; annotations: Record<string, unknown>[] };
      }[];
    };
  };
}

async function agreementExport(ctx: WebContext, slug: string, format: 'json' | 'csv'): Promise<PageResult> {
  let after: string | null | undefined;
  let record: Record<string, unknown> | undefined;
  const provisions: ExportData['agreement']['provisions']['edges'][number]['node'][] = [];
  for (let page = 0; page < EXPORT_PAGES; page++) {
    const { agreement } = await ctx.query<ExportData>(EXPORT_QUERY, { slug, first: EXPORT_PAGE, after });
    const { provisions: connection, ...rest } = agreement;
    record ??= rest;
    provisions.push(...connection.edges.map((e) => e.node));
    if (!connection.pageInfo.hasNextPage) break;
    after = connection.pageInfo.endCursor;
  }
  if (!record) throw badRequest('no record');
  if (format === 'json')
    return file(
      'application/json; charset=utf-8',
      downloadFileName('agreement', [slug], downloadDay(), 'json'),
      // The record as `import json` reads it: `numberedPerChapter` is derived, for the CSV's labels.
      JSON.stringify(
        { ...record, provisions: provisions.map(({ numberedPerChapter: _, ...p }) => p) },
        null,
        2,
      ) + '\n',
    );
  const rows: string[][] = [
    [
      'agreement',
      'pinpoint',
      'position',
      'location',
      'chapter',
      'article_number',
      'article_label',
      'article_title',
      'language',
      'summary',
      'annotation_id',
      'code',
      'detail',
      'status',
      'origin',
      'binding_force',
      'evidence',
      'note',
      'url',
    ],
  ];
  for (const p of provisions) {
    const base = [
      slug,
      p.pinpoint,
      String(p.position),
      String(p.location),
      [p.chapterNumber, p.chapterTitle].filter(Boolean).join(' '),
      String(p.articleNumber ?? ''),
      articleCellLabel(
        p.articleNumber as string | null,
        p.numberedPerChapter
          ? { number: p.chapterNumber as string | null, title: p.chapterTitle as string | null }
          : null,
        undefined,
        p.key as string,
      ),
      String(p.articleTitle ?? ''),
      String(p.language ?? ''),
      String(p.summary ?? ''),
    ];
    const url = ctx.absolute(ctx.plain(provisionPath(p.pinpoint)));
    const annotations = p.annotations as {
      id: string;
      code: { code: string };
      detail: string[];
      status: string;
      origin: string;
      bindingForce: string | null;
      evidence: { quote: string } | null;
      note: string | null;
    }[];
    if (!annotations.length) rows.push([...base, '', '', '', '', '', '', '', '', url]);
    for (const an of annotations)
      rows.push([
        ...base,
        an.id,
        an.code.code,
        cellList(an.detail),
        an.status,
        an.origin,
        an.bindingForce ?? '',
        an.evidence?.quote ?? '',
        an.note ?? '',
        url,
      ]);
  }
  return file(
    'text/csv; charset=utf-8',
    downloadFileName('agreement', [slug], downloadDay(), 'csv'),
    CSV_BOM + stringify(rows.map((r) => r.map(neutraliseFormula))),
  );
}

/** The facts a source note may name, by the name of the record's field, and the words for them. */
const FACT_NAMES: Record<string, MessageKey> = {
  facts: 'fact.facts',
  text: 'fact.text',
  provisions: 'fact.provisions',
  status: 'common.status',
  kind: 'agreement.kind',
  types: 'agreement.types',
  parties: 'agreement.parties',
  partyDates: 'fact.partyDates',
  concludedBy: 'agreement.concludedBy',
  related: 'agreement.related',
  dateSigned: 'fact.dateSigned',
  dateInForce: 'fact.dateInForce',
  dateProvisionallyApplied: 'agreement.provisional',
  dateTerminated: 'agreement.terminated',
  dateSignedDesta: 'fact.dateSignedDesta',
  dateInForceDesta: 'fact.dateInForceDesta',
  wtoRtaId: 'fact.wtoRtaId',
  totaId: 'fact.totaId',
  destaNumber: 'fact.destaNumber',
  officialText: 'fact.officialText',
  amendments: 'fact.amendments',
  protocol: 'fact.protocol',
  partyScope: 'fact.partyScope',
  choice: 'fact.choice',
};

/** A fact in the page's language ("Signature" for `dateSigned`); one this page has no words for, as its field name. */
function factName(ctx: WebContext, fact: string) {
  const key = Object.hasOwn(FACT_NAMES, fact) ? FACT_NAMES[fact] : undefined;
  return key ? ctx.t(key) : markup`<code>${fact}</code>`;
}

/** ToTA's composition (English) where it says more than the kind: "Bilateral; One Party is an RTA", not "Bilateral". */
function compositionBeyondKind(a: { kind: string; composition: string | null }): boolean {
  return !!a.composition && a.composition.trim().toLowerCase() !== a.kind.toLowerCase();
}
