import { spacedSegments } from './diff-text';
import { markup, Html } from '../html';
import {
  codeBadge,
  provisionPath,
  yearOf,
  agreementNameHtml,
  articleLabelHtml,
  diffWithLink,
  percentText,
} from './common';
import { label } from '../labels';
import { FAMILY_MAX_MEMBERS } from '../../search/similar/similarity.service';
import { WebContext } from '../web-context';

export interface FamilyMember {
  pinpoint: string;
  articleNumber: string | null;
  articleTitle: string | null;
  chapterNumber?: string | null;
  chapterTitle?: string | null;
  numberedPerChapter?: boolean;
  language?: string | null;
  agreement: {
    slug: string;
    title: string;
    shortTitle: string | null;
    language?: string | null;
    dateSigned: string | null;
  };
  /** Similarity to the provision it most probably comes from (none for the template). */
  score: number | null;
  templateScore: number;
  source: string | null;
  /** The word diff to the source: what this member changed. */
  changes: { kind: string; text: string }[];
  /** Who wrote the agreement's text (ISO alpha-3, EUN; clauseFamily's `parties`), signatories never bound included. */
  parties: string[];
  /** Of `parties`, those that signed only, never bound (the TPP's twelve): said apart. */
  signatoriesOnly: string[];
  /** The member's taxonomy codes (annotations not rejected). */
  codes: string[];
  /** Of `codes`, those no reviewer has accepted yet: shown as proposed. */
  proposedCodes: string[];
}

export interface Family {
  comparable: boolean;
  /** Cut at its size bound (clauseFamily.truncated): the page says so. */
  truncated: boolean;
  template: string;
  members: FamilyMember[];
}

/**
 * The clause family as a timeline, oldest first: each member with its year, agreement, parties, taxonomy codes
 * (named by `names`: WebContext.codeNames), similarity to the template and to its probable source (an earlier member),
 * and a link to compare it side by side with this provision. Each member that rewords its probable source shows the words
 * it inserted and deleted. Fed by `clauseFamily`.
 */
export function familyTimelineView(
  ctx: WebContext,
  current: string,
  family: Family | null,
  names: ReadonlyMap<string, string> = new Map(),
): Html {
  const { t } = ctx;
  if (!family || !family.comparable || family.members.length < 2)
    return markup`<p>${t('provision.familyNone')}</p>`;
  const byPinpoint = new Map(family.members.map((m) => [m.pinpoint, m]));
  return markup`<p class="hint">${t('provision.familyHint')}</p>
    ${family.truncated ? markup`<p class="family-truncated">${t('provision.familyTruncated', { max: FAMILY_MAX_MEMBERS })}</p>` : ''}
    <ol class="timeline">
      ${family.members.map((m) => {
        const isCurrent = m.pinpoint === current;
        return markup`<li${isCurrent ? markup` class="current" aria-current="true"` : ''}>
<strong>${yearOf(m.agreement.dateSigned) || t('provision.undated')}</strong> ·
${isCurrent ? markup`<strong>${agreementNameHtml(m.agreement)} — ${articleLabelHtml(ctx, m)}</strong> (${t('provision.this')})` : markup`<a href="${ctx.href(provisionPath(m.pinpoint))}">${agreementNameHtml(m.agreement)} — ${articleLabelHtml(ctx, m)}</a>`}
${partiesView(ctx, m)}${m.codes.map((code) => (m.proposedCodes.includes(code) ? markup` ${codeBadge(code, names)} <span class="muted">(${label(ctx.lang, 'PROPOSED')})</span>` : markup` ${codeBadge(code, names)}`))}
${m.pinpoint === family.template ? markup` <span class="badge">${t('provision.template')}</span>` : markup` <span class="muted">${sourceView(ctx, m, byPinpoint)}${m.agreement.dateSigned ? '' : markup`${t('provision.undatedLast')} · `}${t('provision.templateSimilarity', { percent: percentText(ctx, m.templateScore) })}</span>`}
${isCurrent ? '' : markup` · ${diffWithLink(ctx, `${ctx.href(provisionPath(current), { with: m.pinpoint })}#diff-h`, m)}`}
${changesView(ctx, m.changes)}
</li>`;
      })}
    </ol>`;
}

/**
 * Who wrote a member's agreement (clauseFamily's `parties`): the parties it bound, then those that signed only, never
 * bound, said apart (the TPP's twelve); where the catalogue records none, that it records none.
 */
function partiesView(ctx: WebContext, m: FamilyMember): Html {
  const bound = m.parties.filter((party) => !m.signatoriesOnly.includes(party));
  const said = [
    bound.join(', '),
    m.signatoriesOnly.length ? ctx.t('provision.signedOnly', { parties: m.signatoriesOnly.join(', ') }) : '',
  ].filter(Boolean);
  return markup` <span class="muted member-parties">(${said.length ? said.join('; ') : ctx.t('provision.partiesNone')})</span>`;
}

/** A member's probable source (clauseFamily's rule, not always the most similar earlier member), linked by name, with the similarity to it ("" for none). */
function sourceView(ctx: WebContext, m: FamilyMember, byPinpoint: ReadonlyMap<string, FamilyMember>): Html {
  const source = m.source ? byPinpoint.get(m.source) : undefined;
  if (!source || m.score === null) return markup``;
  const link = markup`<a href="${ctx.href(provisionPath(source.pinpoint))}">${agreementNameHtml(source.agreement)} — ${articleLabelHtml(ctx, source)}</a>`;
  // The sentence is translated whole, then the link takes the place of its name.
  const [before, after] = ctx
    .t('provision.probableSource', { source: '\u0000', percent: percentText(ctx, m.score) })
    .split('\u0000');
  return markup`${before}${link}${after} · `;
}

/**
 * The changed words of a member against its source: the words compared are the texts, or the summaries where the
 * catalogue holds no text, so their language is not known (`lang=""`).
 */
function changesView(ctx: WebContext, segments: FamilyMember['changes']): Html {
  return changedWordsView(segments, ctx.t('provision.changedWords'), null);
}

/**
 * A word diff as a disclosure titled `summary`: inserted words in `<ins>`, deleted ones in `<del>`, each run of
 * unchanged words shortened to its ends; nothing when no word changed.
 */
export function changedWordsView(
  segments: FamilyMember['changes'],
  summary: string,
  lang?: string | null,
): Html {
  if (!segments.some((s) => s.kind !== 'EQUAL')) return markup``;
  const shorten = (text: string) => {
    const words = text.split(/\s+/).filter(Boolean);
    if (words.length <= 12) return text;
    // The ends keep their spaces: they decide how the changed words next to them are spaced.
    const [lead, trail] = [/^\s/.test(text) ? ' ' : '', /\s$/.test(text) ? ' ' : ''];
    return `${lead}${words.slice(0, 5).join(' ')} … ${words.slice(-5).join(' ')}${trail}`;
  };
  return markup`<details class="changes"><summary>${summary}</summary><p class="changed-words" lang="${lang ?? ''}">${spacedSegments(
    segments,
    (s) =>
      s.kind === 'INSERT'
        ? markup`<ins>${s.text}</ins>`
        : s.kind === 'DELETE'
          ? markup`<del>${s.text}</del>`
          : shorten(s.text),
  )}</p></details>`;
}
