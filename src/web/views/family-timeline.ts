import { markup, Html } from '../html';
import { agreementName, articleLabel, provisionPath, yearOf } from './common';
import { WebContext } from '../web-context';

export interface FamilyMember {
  pinpoint: string;
  articleNumber: string | null;
  articleTitle: string | null;
  agreement: { slug: string; title: string; shortTitle: string | null; dateSigned: string | null };
  /** Similarity to the provision it most probably comes from (none for the template). */
  score: number | null;
  templateScore: number;
  source: string | null;
}

export interface Family {
  comparable: boolean;
  truncated: boolean;
  template: string;
  members: FamilyMember[];
}

/**
 * The clause family as a timeline, oldest first: each member with its year, agreement, similarity to the
 * template and the earlier member it is closest to, and a link to compare it side by side with this provision.
 * Fed today by `lineage`; the clause-family API can feed the same shape.
 */
export function familyTimelineView(ctx: WebContext, current: string, family: Family | null): Html {
  const { t } = ctx;
  if (!family || !family.comparable || family.members.length < 2)
    return markup`<p>${t('provision.familyNone')}</p>`;
  const percent = (x: number) => `${Math.round(x * 100)} %`;
  return markup`<p class="hint">${t('provision.familyHint')}</p>
    <ol class="timeline">
      ${family.members.map((m) => {
        const isCurrent = m.pinpoint === current;
        return markup`<li${isCurrent ? markup` class="current" aria-current="true"` : ''}>
<strong>${yearOf(m.agreement.dateSigned) || '?'}</strong> ·
${isCurrent ? markup`<strong>${agreementName(m.agreement)} — ${articleLabel(ctx, m)}</strong> (${t('provision.this')})` : markup`<a href="${ctx.href(provisionPath(m.pinpoint))}">${agreementName(m.agreement)} — ${articleLabel(ctx, m)}</a>`}
${m.pinpoint === family.template ? markup` <span class="badge">${t('provision.template')}</span>` : markup` <span class="muted">${t('common.similarity')} ${percent(m.templateScore)}${m.source ? markup` · ${t('provision.closestTo', { pinpoint: m.source })}` : ''}</span>`}
${isCurrent ? '' : markup` · <a href="${ctx.href(provisionPath(current), { with: m.pinpoint })}#diff-h">${t('provision.diffWith')}</a>`}
</li>`;
      })}
    </ol>`;
}
