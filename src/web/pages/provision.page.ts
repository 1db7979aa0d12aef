import { DEFAULT_MIN_SCORE } from '../../search/similar/similarity.service';
import { SimilarityMeasure } from '../../search/wording/clause-index';
import { markup, Html, join } from '../html';
import { codeNameIn } from '../i18n';
import { detailWords } from '../../reports/common/evidence';
import { label } from '../labels';
import { citation, layout } from '../layout';
import {
  agreementName,
  agreementPath,
  articleLabel,
  citedChapter,
  codeName,
  dateHtml,
  provisionPath,
  statusBadge,
  diffWithLink,
  yearAfterName,
  agreementNameHtml,
  articleLabelHtml,
  divisionHeadingHtml,
  tHtml,
  CATALOGUE_LANGUAGE,
  dateText,
  inLanguage,
  percentText,
} from '../views/common';
import { articleNumberForm } from '../../provisions/article-number';
import { spacedSegments } from '../views/diff-text';
import { Family, familyTimelineView } from '../views/family-timeline';
import { WebContext } from '../web-context';
import { badRequest } from '../web-errors';
import { canonicalRedirect, PageResult } from '../web-page';
import { headingIn } from '../../provisions/preamble';

interface ProvisionAnnotation {
  id: string;
  code: { code: string; name: string };
  status: string;
  origin: string;
  bindingForce: string | null;
  detail: string[];
  evidence: { start: number; end: number; quote: string } | null;
  note: string | null;
  ruleId: string | null;
  author: string | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewReason: string | null;
  history: HistoryEvent[];
}

/** One audit event of an annotation: the annotation's state before and after it (the API's snapshots). */
interface HistoryEvent {
  action: string;
  actorName: string | null;
  at: string;
  reason: string | null;
  before: AnnotationState | null;
  after: AnnotationState | null;
}

type AnnotationState = Record<string, unknown> & { status?: string };

interface ProvisionData {
  provision: {
    id: string;
    pinpoint: string;
    key: string;
    articleNumber: string | null;
    articleTitle: string | null;
    chapterNumber: string | null;
    chapterTitle: string | null;
    numberedPerChapter: boolean;
    sectionNumber: string | null;
    sectionTitle: string | null;
    location: string;
    language: string | null;
    summary: string | null;
    text: string | null;
    agreement: {
      slug: string;
      title: string;
      shortTitle: string | null;
      language: string | null;
      dateSigned: string | null;
      archivedAt: string | null;
    };
    annotations: ProvisionAnnotation[];
  };
}

const PROVISION_QUERY = `query WebProvision($pinpoint: String!) {
  provision(pinpoint: $pinpoint) {
    id pinpoint key articleNumber articleTitle chapterNumber chapterTitle numberedPerChapter sectionNumber sectionTitle location language summary text
    agreement { slug title shortTitle language dateSigned archivedAt }
    annotations { id code { code name } status origin bindingForce detail evidence { start end quote } note ruleId author
      reviewedBy reviewedAt reviewReason history { action actorName at reason before after } }
  }
}`;

const MEMBER = `pinpoint articleNumber articleTitle chapterNumber chapterTitle numberedPerChapter language agreement { slug title shortTitle language dateSigned }`;

interface RelatedData {
  similarProvisions: {
    score: number;
    provision: {
      pinpoint: string;
      articleNumber: string | null;
      articleTitle: string | null;
      agreement: {
        slug: string;
        title: string;
        shortTitle: string | null;
        language?: string | null;
        dateSigned: string | null;
      };
    };
  }[];
  clauseFamily: {
    comparable: boolean;
    truncated: boolean;
    template: { pinpoint: string };
    members: {
      score: number | null;
      templateScore: number;
      source: { pinpoint: string } | null;
      diff: { segments: { kind: string; text: string }[] } | null;
      parties: string[];
      signatoriesOnly: string[];
      codes: string[];
      proposedCodes: string[];
      provision: Omit<
        Family['members'][number],
        | 'score'
        | 'templateScore'
        | 'source'
        | 'changes'
        | 'parties'
        | 'signatoriesOnly'
        | 'codes'
        | 'proposedCodes'
      >;
    }[];
  };
}

const RELATED_QUERY = `query WebProvisionRelated($id: ID!) {
  similarProvisions(id: $id, first: 10) { score provision { ${MEMBER} } }
  clauseFamily(id: $id) { comparable truncated template { pinpoint } members { score templateScore source { pinpoint } diff { segments { kind text } } parties signatoriesOnly codes proposedCodes provision { ${MEMBER} } } }
}`;

interface DiffData {
  other: { id: string; pinpoint: string; agreement: { title: string; shortTitle: string | null } };
}

const OTHER_QUERY = `query WebProvisionOther($pinpoint: String!) { other: provision(pinpoint: $pinpoint) { id pinpoint agreement { title shortTitle } } }`;
const DIFF_QUERY = `query WebProvisionDiff($a: ID!, $b: ID!) {
  compareProvisions(a: $a, b: $b) { score segments { kind text aText } stats { equalWords deletedWords insertedWords similarity coarse } }
}`;

interface CompareData {
  compareProvisions: {
    score: number;
    segments: { kind: string; text: string; aText: string | null }[];
    stats: { similarity: number; coarse: boolean };
  };
}

const PINPOINT = /^[a-z0-9][a-z0-9._-]*\/\S+$/i;

/** Whether the clause index can answer now (ClauseIndexService.ready): similar clauses and families need it. */
export interface ClauseIndexReadiness {
  ready(waitMs: number): Promise<boolean>;
}
/**
 * How long the page waits for the first build of the clause index on a freshly started server (a large catalogue
 * takes tens of seconds): then it shows the text, annotations and citation, and says the rest comes shortly.
 */
export const INDEX_WAIT_MS = 300;

/** What a provision's page takes: the provision to compare it with. */
export const PROVISION_PARAMETERS: readonly string[] = ['with'];

/** GET /provisions/<agreement slug>/<key>: text with evidence, annotations and history, similar clauses, family, diff. */
export async function provisionPage(
  ctx: WebContext,
  pinpoint: string,
  clauses: ClauseIndexReadiness,
): Promise<PageResult> {
  const { t } = ctx;
  if (!PINPOINT.test(pinpoint)) throw badRequest(t('error.badPinpoint', { value: pinpoint }));
  // Slugs and keys are lower case (isSafeProvisionKey); a pinpoint typed otherwise reaches the page at its address.
  if (pinpoint !== pinpoint.toLowerCase())
    return canonicalRedirect(ctx.withThisQuery(provisionPath(pinpoint.toLowerCase())));
  const withPinpoint = ctx.param('with', 300);
  if (withPinpoint && !PINPOINT.test(withPinpoint))
    throw badRequest(t('error.badPinpoint', { value: withPinpoint }));
  const { provision: p } = await ctx.query<ProvisionData>(PROVISION_QUERY, { pinpoint });
  if (ctx.req.accepts(['html', 'json']) === 'json') {
    return { kind: 'json', body: p };
  }
  const related = (await clauses.ready(INDEX_WAIT_MS))
    ? await ctx.query<RelatedData>(RELATED_QUERY, { id: p.id })
    : null;
  let diff: Html = markup``;
  if (withPinpoint) {
    const found = await ctx.run<DiffData>(OTHER_QUERY, { pinpoint: withPinpoint });
    // The page exists; what `with` names does not: the address's parameter is wrong (400), not the page (404).
    if (found.errors[0]?.extensions?.code === 'NOT_FOUND')
      throw badRequest(
        t('error.inParameter', {
          name: 'with',
          message: t('error.notFoundProvision', { key: withPinpoint }),
        }),
      );
    if (found.errors.length || !found.data) throw ctx.errorOf(found.errors);
    const { other } = found.data;
    const compared = await ctx.query<CompareData>(DIFF_QUERY, { a: p.id, b: other.id });
    diff = diffView(ctx, p.pinpoint, other.pinpoint, compared.compareProvisions);
  }
  const name = agreementName(p.agreement);
  const title = `${name} — ${articleLabel(ctx, p)}`;
  const path = provisionPath(p.pinpoint);
  const article = [
    p.articleNumber
      ? [
          citedChapter(ctx, p, 'cite.chapter'),
          t('cite.article', { number: articleNumberForm(p.articleNumber) }),
        ]
          .filter(Boolean)
          .join(', ')
      : p.key,
    headingIn(ctx.lang, p.articleTitle),
  ]
    .filter(Boolean)
    .join(' ');
  const signed = p.agreement.dateSigned
    ? `, ${t('cite.signed', { date: dateText(ctx, p.agreement.dateSigned) })}`
    : '';
  const cite = markup`${inLanguage(`${p.agreement.title}${p.agreement.shortTitle ? ` (${p.agreement.shortTitle})` : ''}`, p.agreement.language)}, ${article}${signed}. ${t('site.name')}, ${ctx.absolute(ctx.plain(path))} (${t('cite.accessed', { date: dateText(ctx, new Date().toISOString().slice(0, 10)) })}).`;

  const family: Family | null = related && {
    comparable: related.clauseFamily.comparable,
    truncated: related.clauseFamily.truncated,
    template: related.clauseFamily.template.pinpoint,
    members: related.clauseFamily.members.map((m) => ({
      ...m.provision,
      score: m.score,
      templateScore: m.templateScore,
      source: m.source?.pinpoint ?? null,
      changes: m.diff?.segments ?? [],
      parties: m.parties,
      signatoriesOnly: m.signatoriesOnly,
      codes: m.codes,
      proposedCodes: m.proposedCodes,
    })),
  };
  const building = markup`<p class="notice" role="status">
    ${t('provision.indexBuilding')} <a href="${ctx.href(path, { with: withPinpoint })}">${t('provision.indexReload')}</a>
  </p>`;
  const where = [
    divisionHeadingHtml(ctx, 'chapter', p.chapterNumber, p.chapterTitle, p.language),
    divisionHeadingHtml(ctx, 'section', p.sectionNumber, p.sectionTitle, p.language),
    label(ctx.lang, p.location),
  ].filter(Boolean);

  const body = markup`<p class="kicker">
      <a href="${ctx.href(agreementPath(p.agreement.slug))}">${agreementNameHtml(p.agreement)}</a
      >${p.agreement.dateSigned ? markup` · ${t('common.signed')} ${dateHtml(ctx, p.agreement.dateSigned)}` : ''}
    </p>
    <h1>${articleLabelHtml(ctx, p)}</h1>
    <p class="muted"><code>${p.pinpoint}</code> · ${join(where, ' · ')}</p>
    ${
      p.agreement.archivedAt
        ? markup`<p class="notice" role="status">${t('agreement.archived', { date: dateText(ctx, p.agreement.archivedAt.slice(0, 10)) })}</p>`
        : ''
    }
    <div class="with-sidebar">
      <div>
        ${
          p.text
            ? markup`<section aria-labelledby="text-h">
                <h2 id="text-h">${t('provision.text')}</h2>
                <div class="text"${p.language ? markup` lang="${p.language}"` : ''}>${highlightEvidence(p.text, p.annotations)}</div>
              </section>`
            : markup`<p class="notice">${t('provision.noText')}</p>`
        }
        ${
          p.summary
            ? markup`<section aria-labelledby="sum-h">
                <h2 id="sum-h">${t('provision.summary')}</h2>
                <p lang="${CATALOGUE_LANGUAGE}">${p.summary}</p>
              </section>`
            : ''
        }
        <section aria-labelledby="ann-h">
          <h2 id="ann-h">${t('provision.annotations')}</h2>
          ${annotationsView(ctx, p.annotations)}
        </section>
        <section aria-labelledby="family-h">
          <h2 id="family-h">${t('provision.family')}</h2>
          ${family ? familyTimelineView(ctx, p.pinpoint, family, await ctx.codeNames()) : building}
        </section>
        ${
          withPinpoint
            ? markup`<section aria-labelledby="diff-h">
                <h2 id="diff-h">${t('provision.diff', { other: withPinpoint })}</h2>
                ${diff}
              </section>`
            : ''
        }
      </div>
      <aside>
        <section aria-labelledby="sim-h">
          <h2 id="sim-h">${t('provision.similar')}</h2>
          ${
            !related
              ? building
              : related.similarProvisions.length
                ? markup`<ol>
                    ${related.similarProvisions.map(
                      (s) =>
                        markup`<li>
                          <a href="${ctx.href(provisionPath(s.provision.pinpoint))}"
                            >${agreementNameHtml(s.provision.agreement)} — ${articleLabelHtml(ctx, s.provision)}</a
                          >
                          <span class="muted"
                            >(${yearAfterName(s.provision.agreement) ? `${yearAfterName(s.provision.agreement)}${t('common.semicolon')}` : ''}${t('common.similarity')}
                            ${percentText(ctx, s.score)})</span
                          >
                          ${diffWithLink(ctx, `${ctx.href(path, { with: s.provision.pinpoint })}#diff-h`, s.provision)}
                        </li>`,
                    )}
                  </ol>`
                : markup`<p>
                    ${t('provision.similarNone', { share: `${percentText(ctx, DEFAULT_MIN_SCORE[SimilarityMeasure.WORDING])}` })}
                  </p>`
          }
        </section>
        ${citation(ctx, 'cite-provision', cite)}
      </aside>
    </div>`;
  // A provision is part of its agreement (the kicker links it): the agreements' section, not the search's.
  return layout(ctx, { title, section: 'agreements', body });
}

/** The text with each annotation's evidence span marked (overlaps are split; each mark names its codes). */
export function highlightEvidence(text: string, annotations: ProvisionAnnotation[]): Html {
  const spans = annotations
    .filter((a) => a.evidence && a.evidence.end > a.evidence.start && a.evidence.end <= text.length)
    .map((a) => ({ start: a.evidence!.start, end: a.evidence!.end, code: a.code.code, id: a.id }));
  if (!spans.length) return markup`${text}`;
  const cuts = [...new Set([0, text.length, ...spans.flatMap((s) => [s.start, s.end])])].sort(
    (a, b) => a - b,
  );
  const parts: Html[] = [];
  for (let i = 0; i < cuts.length - 1; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const covering = spans.filter((s) => s.start <= from && s.end >= to);
    const piece = text.slice(from, to);
    parts.push(
      covering.length
        ? markup`<mark class="evidence" title="${covering.map((s) => s.code).join(', ')}" data-annotations="${covering.map((s) => s.id).join(' ')}">${piece}</mark>`
        : markup`${piece}`,
    );
  }
  return markup`${parts}`;
}

/** The fields of an annotation that an edit may change, as its audit snapshots name them. */
const EDITABLE_FIELDS = [
  'code',
  'detail',
  'bindingForce',
  'evidence',
  'note',
  'partyScope',
  'confidence',
] as const;

/**
 * What one event of an annotation's history did, in the page's language: created (and its status), accepted or
 * rejected, which fields an edit changed and whether it sent the annotation back to review, withdrawn; an
 * action the page does not know shows as its code.
 */
function historyWhat(ctx: WebContext, h: HistoryEvent): Html | string {
  const { t } = ctx;
  const before = h.before ?? {};
  const after = h.after ?? {};
  switch (h.action) {
    case 'annotation.create':
      return t('history.create', { status: label(ctx.lang, after.status) });
    case 'annotation.review':
      return after.status === 'REJECTED' ? t('history.rejected') : t('history.accepted');
    case 'annotation.update': {
      const changed = EDITABLE_FIELDS.filter(
        (f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null),
      );
      const fields = changed.map((f) => t(`history.field.${f}`)).join(', ') || '–';
      const back = before.status !== 'PROPOSED' && after.status === 'PROPOSED';
      return `${t('history.edited', { fields })}${back ? ` · ${t('history.backToReview')}` : ''}`;
    }
    case 'annotation.withdraw':
      return t('history.withdraw');
    case 'annotation.propagate':
      return t('history.propagate');
    case 'annotation.contradict':
      return t('history.contradict');
    default:
      return markup`<code>${h.action}</code>`;
  }
}

function annotationsView(ctx: WebContext, annotations: ProvisionAnnotation[]): Html {
  const { t } = ctx;
  if (!annotations.length) return markup`<p>${t('common.none')}</p>`;
  return markup`${annotations.map(
    (a) =>
      markup`<article class="card" id="annotation-${a.id}" aria-labelledby="annotation-${a.id}-h">
        <h3 id="annotation-${a.id}-h">
          ${codeNameIn(ctx.lang, a.code.code, a.code.name)} ${statusBadge(ctx, a.status)}
        </h3>
        <p class="muted">${codeName(a.code.code)}</p>
        <dl class="facts">
          <dt>${t('common.bindingForce')}</dt>
          <dd>${label(ctx.lang, a.bindingForce) || '–'}</dd>
          ${
            a.detail.length
              ? markup`<dt>${t('provision.detail')}</dt>
                  <dd>${a.detail.map((d) => detailWords(d, ctx.lang)).join(', ')}</dd>`
              : ''
          }
          <dt>${t('provision.origin')}</dt>
          <dd>
            ${label(ctx.lang, a.origin)}${a.ruleId ? markup` · <code>${a.ruleId}</code>` : ''}${a.author ? ` · ${a.author}` : ''}
          </dd>
          ${
            a.evidence
              ? markup`<dt>${t('common.evidence')}</dt>
                  <dd><mark class="evidence">${a.evidence.quote}</mark></dd>`
              : ''
          }
          ${
            a.note
              ? markup`<dt>${t('provision.note')}</dt>
                  <dd lang="">${a.note}</dd>`
              : ''
          }
          ${
            a.reviewedBy
              ? markup`<dt>${t('provision.review')}</dt>
                  <dd>
                    ${t('provision.reviewed', { who: a.reviewedBy, when: a.reviewedAt ? dateText(ctx, a.reviewedAt) : '' })}${a.reviewReason ? markup`<br />${tHtml(ctx, 'provision.reason', { reason: inLanguage(a.reviewReason, null) })}` : ''}
                  </dd>`
              : ''
          }
        </dl>
        ${
          a.history.length
            ? markup`<details>
                <summary>${t('provision.history')} (${a.history.length})</summary>
                <ol>
                  ${a.history.map(
                    (h) =>
                      markup`<li data-action="${h.action}">
                        ${dateHtml(ctx, h.at)} · ${historyWhat(ctx, h)}${h.actorName ? ` · ${h.actorName}` : ''}${h.reason ? markup` · ${inLanguage(h.reason, null)}` : ''}
                      </li>`,
                  )}
                </ol>
              </details>`
            : ''
        }
      </article>`,
  )}`;
}

function diffView(ctx: WebContext, mine: string, other: string, c: CompareData['compareProvisions']): Html {
  const { t } = ctx;
  // Each column quotes its own text: this provision's words where the other writes them otherwise (aText).
  const side = (keep: string, tag: 'del' | 'ins') =>
    spacedSegments(
      c.segments
        .filter((x) => x.kind === 'EQUAL' || x.kind === keep)
        .map((x) => (keep === 'DELETE' && x.aText ? { kind: x.kind, text: x.aText } : x)),
      (segment) => (segment.kind === keep ? markup`<${tag}>${segment.text}</${tag}>` : segment.text),
    );
  const left = side('DELETE', 'del');
  const right = side('INSERT', 'ins');
  // The similarity the similar clauses and the family show for the same pair (the measure's score); the diff's
  // own share of unchanged words beside it.
  return markup`<p>
      ${t('common.similarity')} ${percentText(ctx, c.score)} ·
      ${t('provision.wordsUnchanged', { percent: `${percentText(ctx, c.stats.similarity)}` })} ·
      <del>${t('provision.deleted')}</del> · <ins>${t('provision.inserted')}</ins>
    </p>
    ${c.stats.coarse ? markup`<p class="notice" role="status">${t('provision.diffCoarse')}</p>` : ''}
    <div class="diff">
      <div>
        <h3><code>${mine}</code></h3>
        ${left}
      </div>
      <div>
        <h3>
          <a href="${ctx.href(provisionPath(other))}"><code>${other}</code></a>
        </h3>
        ${right}
      </div>
    </div>`;
}
