import { ApiKeysService, InvalidApiKeyError } from '../../auth/api-keys.service';
import { AuthenticatedRequest } from '../../auth/identity.middleware';
import { Identity } from '../../auth/identity';
import { fromGlobalId } from '../../graphql/node/global-id';
import { Role } from '../../auth/role.enum';
import { REVIEW_ROLES } from '../../annotations/annotation-mutations.resolver';
import { markup, Html } from '../html';
import { codeNameIn } from '../i18n';
import { detailWords } from '../../reports/common/evidence';
import { label, labelsText } from '../labels';
import { layout } from '../layout';
import {
  provisionPath,
  statusBadge,
  agreementNameHtml,
  articleLabelHtml,
  percentText,
} from '../views/common';
import { AnnotationOrigin } from '../../annotations/annotation.enums';
import { mayAccept } from '../../annotations/four-eyes';
import { WebContext } from '../web-context';
import { REVIEW_REASON_MAX_LENGTH } from '../../annotations/dto/annotation-mutation.inputs';
import { repeatedFormField } from '../../common/form-body';

const QUEUE_SIZE = 20;
/** The roles of reviewAnnotation's rule, and ADMIN (who may do everything). */
const SIGN_IN_ROLES: readonly Role[] = [...REVIEW_ROLES, Role.ADMIN];

interface FamilyLink {
  reviewReason: string | null;
  provision: { pinpoint: string };
}

interface QueueData {
  annotations: {
    totalCount: number;
    edges: {
      node: {
        id: string;
        version: number;
        code: { code: string; name: string };
        detail: string[];
        bindingForce: string | null;
        evidence: { start: number; end: number; quote: string } | null;
        origin: string;
        ruleId: string | null;
        author: string | null;
        note: string | null;
        createdByKeyId: number | null;
        propagatedFrom: FamilyLink | null;
        contradictedBy: FamilyLink | null;
        provision: {
          pinpoint: string;
          articleNumber: string | null;
          articleTitle: string | null;
          chapterNumber: string | null;
          chapterTitle: string | null;
          numberedPerChapter: boolean;
          text: string | null;
          summary: string | null;
          agreement: { title: string; shortTitle: string | null };
        };
      };
    }[];
  };
  mine: { totalCount: number };
}

const QUEUE_QUERY = `query WebReviewQueue($first: Int, $filter: AnnotationFilter, $me: Int!) {
  annotations(first: $first, filter: $filter) {
    totalCount
    edges { node { id version code { code name } detail bindingForce evidence { start end quote } origin ruleId author note createdByKeyId
      propagatedFrom { reviewReason provision { pinpoint } } contradictedBy { reviewReason provision { pinpoint } }
      provision { pinpoint articleNumber articleTitle chapterNumber chapterTitle numberedPerChapter text summary agreement { title shortTitle } } } }
  }
  mine: auditLog(first: 1, filter: { actorKeyId: $me, action: "annotation.review", outcome: SUCCESS }) { totalCount }
}`;

const REVIEW_MUTATION = `mutation WebReview($input: ReviewAnnotationInput!) {
  reviewAnnotation(input: $input) { id status version code { code } provision { pinpoint } }
}`;

const CURRENT_QUERY = `query WebReviewCurrent($id: ID!) { annotation(id: $id) { id status reviewedBy version code { code } provision { pinpoint } } }`;

interface Form {
  key?: string;
  id?: string;
  version?: string;
  decision?: string;
  reason?: string;
  agreement?: string;
}

/** The review form's fields, each taken once. */
const REVIEW_FORM_FIELDS: readonly (keyof Form)[] = [
  'key',
  'id',
  'version',
  'decision',
  'reason',
  'agreement',
];

/** What the review page's address takes (its form's fields are the body's). */
export const REVIEW_PARAMETERS: readonly string[] = ['agreement'];

/**
 * GET /review: the sign-in form (the script signs in again from sessionStorage). POST /review: with the key,
 * applies a decision if one is sent, then shows the queue, the outcome (or the conflict) and the progress.
 */
export async function reviewPage(ctx: WebContext, keys: ApiKeysService): Promise<string> {
  const { t } = ctx;
  const form = (ctx.req.method === 'POST' ? (ctx.req.body ?? {}) : {}) as Form;
  // A field sent more than once (a hand-made form, a script) is named, and nothing is decided: read as no value,
  // a key sent twice showed the sign-in form as if none had been sent, a reason sent twice said "a reason is
  // required", a decision sent twice did nothing without a word, and two ids were sent on joined by a comma.
  const repeated = repeatedFormField(form as Record<string, unknown>, REVIEW_FORM_FIELDS);
  const key = typeof form.key === 'string' ? form.key.trim() : '';
  const agreement =
    typeof form.agreement === 'string' ? form.agreement.trim() : (ctx.param('agreement', 120) ?? '');
  if (repeated?.name === 'key' || repeated?.name === 'agreement') {
    ctx.res.status(400);
    return signInPage(ctx, t('error.fieldRepeated', repeated), '');
  }
  if (!key) return signInPage(ctx, null, agreement);
  let identity: Identity;
  try {
    identity = await keys.identify(key);
  } catch (error) {
    if (!(error instanceof InvalidApiKeyError)) throw error;
    ctx.res.status(401);
    return signInPage(ctx, error.message, agreement);
  }
  if (!SIGN_IN_ROLES.includes(identity.role)) {
    ctx.res.status(403);
    return signInPage(
      ctx,
      t('review.needsReviewer', {
        role: label(ctx.lang, identity.role),
        roles: labelsText(ctx.lang, SIGN_IN_ROLES),
      }),
      agreement,
    );
  }
  // The page's GraphQL operations run as this key: the API's guard checks the role on the mutation.
  (ctx.req as AuthenticatedRequest).auth = { identity };

  let outcome: Html = markup``;
  if (repeated) {
    ctx.res.status(400);
    outcome = markup`<p class="notice error" role="alert">${t('error.fieldRepeated', repeated)}</p>`;
  } else if (form.decision === 'ACCEPT' || form.decision === 'REJECT') {
    outcome = await decide(ctx, form);
  }
  const filter: Record<string, unknown> = { statuses: ['PROPOSED'] };
  if (agreement) filter.agreement = { slugs: [agreement] };
  const data = await ctx.query<QueueData>(QUEUE_QUERY, { first: QUEUE_SIZE, filter, me: identity.keyId });
  const reviewed = data.mine.totalCount;
  const left = data.annotations.totalCount;
  const share = reviewed + left > 0 ? reviewed / (reviewed + left) : 0;
  const items = data.annotations.edges.map(({ node: a }) => {
    const who = proposer(ctx, a);
    const text = a.provision.text;
    const excerpt =
      text && a.evidence
        ? evidenceExcerpt(text, a.evidence.start, a.evidence.end)
        : markup`${a.provision.summary ?? text ?? ''}`;
    return markup`<article
      class="review-item"
      tabindex="-1"
      id="proposal-${a.id}"
      aria-labelledby="proposal-${a.id}-h"
    >
      <h3 id="proposal-${a.id}-h">
        <code>${a.code.code}</code> ·
        <a href="${ctx.href(provisionPath(a.provision.pinpoint))}"
          >${agreementNameHtml(a.provision.agreement)} — ${articleLabelHtml(ctx, a.provision)}</a
        >
      </h3>
      <p class="muted">
        ${codeNameIn(ctx.lang, a.code.code, a.code.name)}${a.bindingForce ? ` · ${label(ctx.lang, a.bindingForce)}` : ''}${a.detail.length ? ` · ${a.detail.map((d) => detailWords(d, ctx.lang)).join(', ')}` : ''}${a.ruleId ? markup` · <code>${a.ruleId}</code>` : ''}${who ? ` · ${t('review.proposedBy', { who })}` : ''}
      </p>
      <p class="text">${excerpt}</p>
      ${a.note ? markup`<p lang="">${a.note}</p>` : ''} ${familyNotice(ctx, 'review.copiedFrom', a.propagatedFrom)}
      ${familyNotice(ctx, 'review.contradicted', a.contradictedBy)}
      <form method="post" action="${ctx.href('/review')}" data-needs-key class="review-actions">
        <input type="hidden" name="key" value="${key}" /><input
          type="hidden"
          name="id"
          value="${a.id}"
        /><input type="hidden" name="version" value="${a.version}" /><input
          type="hidden"
          name="agreement"
          value="${agreement}"
        />
        ${
          mayAccept(a, identity)
            ? markup`<button type="submit" name="decision" value="ACCEPT">${t('review.accept')}</button>`
            : markup`<p class="hint own-proposal">${t('review.ownProposal')}</p>`
        }
        <div class="field">
          <label for="reason-${a.id}">${t('review.reason')}</label
          ><input type="text" id="reason-${a.id}" name="reason" maxlength="${REVIEW_REASON_MAX_LENGTH}" />
        </div>
        <button type="submit" name="decision" value="REJECT" class="danger">${t('review.reject')}</button>
      </form>
    </article>`;
  });
  const body = markup`<h1>${t('review.title')}</h1>
    <div class="inline">
      <p>${t('review.signedInAs', { name: identity.name, role: label(ctx.lang, identity.role) })}</p>
      <form method="get" action="${ctx.href('/review')}" data-sign-out>${ctx.langField()}
        <button type="submit" class="secondary">${t('review.signOut')}</button>
      </form>
    </div>
    ${outcome}
    <section aria-labelledby="progress-h">
      <h2 id="progress-h">${t('review.progress')}</h2>
      <p class="progress-text">${t('review.progressText', { mine: reviewed, left })}</p>
      <div class="meter" role="img" aria-label="${percentText(ctx, share)}">
        <span style="width:${Math.round(share * 100)}%"></span>
      </div>
    </section>
    <form method="post" action="${ctx.href('/review')}" data-needs-key class="inline">
      <input type="hidden" name="key" value="${key}" />
      <div class="field">
        <label for="r-agreement">${t('review.filterAgreement')}</label
        ><input type="text" id="r-agreement" name="agreement" value="${agreement}" />
      </div>
      <button type="submit" class="secondary">${t('common.apply')}</button>
    </form>
    <p class="hint">${t('review.shortcuts')}</p>
    ${items.length ? items : markup`<p role="status">${t('review.empty')}</p>`}`;
  return layout(ctx, { title: t('review.title'), section: 'review', body, bodyClass: 'review' });
}

async function decide(ctx: WebContext, form: Form): Promise<Html> {
  const { t } = ctx;
  const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
  if (form.decision === 'REJECT' && !reason) {
    ctx.res.status(400);
    return markup`<p class="notice error" role="alert">${t('review.reasonRequired')}</p>`;
  }
  // The version the page read: a whole number, named when it is not (Number() gave NaN, which the API named).
  if (!/^\d{1,9}$/.test(form.version ?? '')) {
    ctx.res.status(400);
    return markup`<p class="notice error" role="alert">
      ${t('error.notWholeNumber', { name: 'version', value: form.version ?? '' })}
    </p>`;
  }
  const input = {
    id: String(form.id ?? ''),
    version: Number(form.version),
    decision: form.decision,
    reason: reason || undefined,
  };
  const result = await ctx.run<{
    reviewAnnotation: { id: string; status: string; code: { code: string }; provision: { pinpoint: string } };
  }>(REVIEW_MUTATION, { input });
  if (result.errors.length === 0 && result.data) {
    const a = result.data.reviewAnnotation;
    const key = a.status === 'ACCEPTED' ? 'review.accepted' : 'review.rejected';
    return markup`<p class="notice ok" role="status">
      ${t(key, { id: shownId(a.id), code: a.code.code, pinpoint: a.provision.pinpoint })}
    </p>`;
  }
  if (result.errors[0].extensions?.code === 'CONFLICT') {
    ctx.res.status(409);
    const current = await ctx.run<{ annotation: { id: string; status: string; reviewedBy: string | null } }>(
      CURRENT_QUERY,
      { id: input.id },
    );
    const now = current.data?.annotation;
    // Reviewed by someone else, or changed (edited, sent back) and still awaiting review: shown again below.
    if (now?.status === 'PROPOSED')
      return markup`<p class="notice error conflict" role="alert">${t('review.changed', { id: shownId(input.id) })}</p>`;
    if (now)
      return markup`<div class="notice error conflict" role="alert">
        <p>
          ${t('review.conflict', {
            id: shownId(input.id),
            status: label(ctx.lang, now.status),
            by: now.reviewedBy ? t('review.conflictBy', { who: now.reviewedBy }) : '',
          })}
        </p>
        <p>${statusBadge(ctx, now.status)}</p>
      </div>`;
  }
  const error = ctx.errorOf(result.errors);
  ctx.res.status(error.status);
  return markup`<p class="notice error" role="alert">${error.message || t('error.internalText')}</p>`;
}

/** Why a proposal is here, or why it may be wrong: the review of a near-identical clause, linked. */
function familyNotice(
  ctx: WebContext,
  text: 'review.copiedFrom' | 'review.contradicted',
  link: FamilyLink | null,
): Html | string {
  if (!link) return '';
  const { pinpoint } = link.provision;
  return markup`<p class="notice">
    ${ctx.t(text)} <a href="${ctx.href(provisionPath(pinpoint))}">${pinpoint}</a
    >${link.reviewReason ? ` — “${link.reviewReason}”` : ''}
  </p>`;
}
/** An annotation's number as people quote it (its database id), rather than its opaque global id. */
const shownId = (id: string): string => fromGlobalId(id)?.key ?? id;

/** About 600 characters of text around the evidence, the evidence marked. */
function evidenceExcerpt(text: string, start: number, end: number): Html {
  const from = Math.max(0, start - 300);
  const to = Math.min(text.length, end + 300);
  const before = `${from > 0 ? '…' : ''}${text.slice(from, start)}`;
  const after = `${text.slice(end, to)}${to < text.length ? '…' : ''}`;
  return markup`${before}<mark class="evidence">${text.slice(start, end)}</mark>${after}`;
}

function signInPage(ctx: WebContext, problem: string | null, agreement: string): string {
  const { t } = ctx;
  const body = markup`<h1>${t('review.title')}</h1>
    ${problem ? markup`<p class="notice error" role="alert">${problem}</p>` : ''}
    <form method="post" action="${ctx.href('/review')}" data-sign-in${problem ? '' : markup` data-auto`}>
      <h2>${t('review.signIn')}</h2>
      ${agreement ? markup`<input type="hidden" name="agreement" value="${agreement}" />` : ''}
      <label for="key">${t('review.keyLabel', { roles: labelsText(ctx.lang, SIGN_IN_ROLES) })}</label>
      <div class="inline">
        <input
          type="password"
          id="key"
          name="key"
          autocomplete="off"
          required
          aria-describedby="key-hint"
          size="50"
        />
        <button type="submit">${t('review.signInButton')}</button>
      </div>
      <p class="hint" id="key-hint">${t('review.keyHint')}</p>
    </form>`;
  return layout(ctx, { title: t('review.title'), section: 'review', body });
}

/**
 * Who proposed an annotation, as a reviewer reads it: the rules are not a person, and a family's proposal says
 * whose decision it copies in its own line (`review.copiedFrom`).
 */
function proposer(ctx: WebContext, a: { origin: string; author: string | null }): string | null {
  if (a.origin === AnnotationOrigin.RULE) return ctx.t('review.byRules');
  if (a.origin === AnnotationOrigin.FAMILY) return null;
  return a.author;
}
