import { markup, Html } from '../html';
import { CONVENTION_ENTERED_INTO_FORCE } from '../../parties/convention-dates';
import {
  conventionStatusUnsaid,
  expectedOfSome,
  PRECEDENT_MIN_SCORE,
  RECENT_YEARS,
} from '../../search/draft/draft-check.service';
import { DraftLeftOutReason } from '../../search/draft/draft-check.models';
import { FAMILY_MAX_MEMBERS } from '../../search/similar/similarity.service';
import { dateFormat, MessageKey } from '../i18n';
import { WebContext } from '../web-context';
import {
  articleLabel,
  codeBadge,
  provisionPath,
  yearAfterName,
  agreementNameHtml,
  articleLabelHtml,
  percentText,
  dateText,
} from './common';
import { changedWordsView } from './family-timeline';
import { viaBlocName } from './side-name';
import { cldrPartyName } from '../../parties/party-names';

interface CheckedProvision {
  pinpoint: string;
  location: string;
  articleNumber: string | null;
  articleTitle: string | null;
  chapterNumber: string | null;
  chapterTitle: string | null;
  numberedPerChapter: boolean;
  agreement: { title: string; shortTitle: string | null; dateSigned: string | null };
}

/** The answer of the API's draft checker (`checkDraft`), as the page asks for it. */
/** Each language the checker reads, named in itself (the form's choices and the answer's "checked as"). */
export const DRAFT_LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  en: 'English',
  es: 'Español',
  fr: 'Français',
};

export interface DraftCheckAnswer {
  language: string;
  codes: string[];
  conventionStatusUnknown: string[];
  articles: {
    position: number;
    location: string;
    articleNumber: string | null;
    articleTitle: string | null;
    words: number;
    annotations: { code: string; ruleId: string; evidence: string | null }[];
    precedents: {
      score: number;
      sameParties: boolean;
      parties: string[];
      signatoriesOnly: string[];
      /** The word diff from the precedent to the draft article (INSERT: only in the draft). */
      diff: { segments: { kind: string; text: string }[] };
      provision: CheckedProvision;
      family: { size: number; since: string | null; template: CheckedProvision } | null;
    }[];
  }[];
  gaps: {
    kind: string;
    basis: string;
    rule: string;
    message: string;
    scope: string;
    practice: {
      party: string;
      partyName: string;
      agreements: number;
      carrying: number;
      reviewed: number;
      partial: number;
      naming: number | null;
      since: string | null;
      sinceBasis: string;
      through: string[];
      conventionParty: boolean | null;
    }[];
    leftOut: { party: string; partyName: string; reason: string }[];
    precedents: { annotationStatus: string; provision: CheckedProvision }[];
  }[];
}

export const CHECK_DRAFT_FIELDS = `language codes conventionStatusUnknown
  articles { position location articleNumber articleTitle words annotations { code ruleId evidence }
    precedents { score sameParties parties signatoriesOnly diff { segments { kind text } } provision { pinpoint location articleNumber articleTitle chapterNumber chapterTitle numberedPerChapter agreement { title shortTitle dateSigned } }
      family { size since template { pinpoint location articleNumber articleTitle chapterNumber chapterTitle numberedPerChapter agreement { title shortTitle dateSigned } } } } }
  gaps { kind basis rule message scope practice { party partyName agreements carrying reviewed partial naming since sinceBasis through conventionParty } leftOut { party partyName reason }
    precedents { annotationStatus provision { pinpoint location articleNumber articleTitle chapterNumber chapterTitle numberedPerChapter agreement { title shortTitle dateSigned } } } }`;

/** The reasons a gap leaves a party out, in the order the API's message says them (`leftOutSentences`). */
const LEFT_OUT_REASONS = Object.values(DraftLeftOutReason);

/** A party as the API's message names it (partyLabel), its name in the page's language: "Corée du Sud (KOR)". */
function partyLabelIn(ctx: WebContext, p: { party: string; partyName: string }): string {
  return `${ctx.partyName({ code: p.party, name: p.partyName })} (${p.party})`;
}

/**
 * What a gap says, in the page's language: the API's `message` and `scope` are English sentences built from the
 * same fields (`kind`, `basis`, `practice`), which the page words again.
 */
function gapSentences(
  ctx: WebContext,
  g: DraftCheckAnswer['gaps'][number],
): { message: string; scope: string } {
  const { t } = ctx;
  // As the API's message (practiceRecord): what the counts rest on, proposals not yet reviewed and records held in part.
  const record = g.practice
    .filter((p) => p.agreements > 0)
    .map((p) => {
      const notes = [
        p.since && p.sinceBasis === 'IN_FORCE_BY'
          ? t('draft.gap.sinceBy', { date: dateText(ctx, p.since) })
          : '',
        p.since && p.sinceBasis === 'CONVENTION_IN_FORCE'
          ? t('draft.gap.sinceUnknown', { date: dateText(ctx, p.since) })
          : '',
        p.naming !== null && p.carrying ? t('draft.gap.naming', { count: p.naming }) : '',
        p.carrying > p.reviewed ? t('draft.gap.unreviewed', { count: p.carrying - p.reviewed }) : '',
        p.partial ? t('draft.gap.partial', { count: p.partial }) : '',
      ].filter(Boolean);
      const counts = t('draft.gap.record', {
        party: partyLabelIn(ctx, p),
        carrying: p.carrying,
        agreements: p.agreements,
      });
      return notes.length ? `${counts} (${notes.join(t('common.semicolon'))})` : counts;
    })
    .join(', ');
  const what = t(`draft.gap.${g.kind}` as MessageKey);
  const key =
    g.basis === 'PARTY_PRACTICE'
      ? g.practice.some((p) => p.reviewed > 0)
        ? 'draft.gap.PARTY_PRACTICE'
        : 'draft.gap.PARTY_PRACTICE_UNREVIEWED'
      : g.practice.some((p) => p.partial > 0)
        ? 'draft.gap.CONVENTION_PARTIAL'
        : 'draft.gap.CONVENTION';
  // As the API's message: a member state with no agreement of its own in scope is bound through its bloc.
  const blocs = g.practice
    .filter((p) => p.agreements === 0 && p.through.length)
    .map((p) => {
      // The API gives the blocs' codes; their names are CLDR's, as the page names every party.
      const blocs = p.through.map((code) =>
        viaBlocName(ctx, { code, name: cldrPartyName('en', code) ?? code }),
      );
      return ` ${t('draft.gap.through', { party: partyLabelIn(ctx, p), blocs: blocs.join(', '), codes: p.through.join(', ') })}`;
    })
    .join('');
  // As the API's message (leftOutSentences): every party the gap does not count, and why, named as the counts are.
  const leftOut = LEFT_OUT_REASONS.map((reason) => {
    const named = g.leftOut.filter((p) => p.reason === reason).map((p) => partyLabelIn(ctx, p));
    return named.length
      ? ` ${t(`draft.gap.leftOut.${reason}` as MessageKey, { parties: named.join(', '), count: named.length })}`
      : '';
  }).join('');
  // As the API's message: the Operational Guidelines speak to the Convention's Parties (expectedOfSome).
  const guidelines = t(expectedOfSome(g.practice) ? 'draft.gap.guidelines' : 'draft.gap.guidelinesNoParty');
  const message =
    (!record
      ? t('draft.gap.noRecord', {
          what,
          parties: g.practice.map((p) => partyLabelIn(ctx, p)).join(', '),
          guidelines,
        })
      : t(key, { what, record, guidelines })) +
    blocs +
    leftOut;
  return {
    message,
    scope: t(`draft.scope.${g.kind}` as MessageKey, {
      years: RECENT_YEARS,
      since: dateFormat(ctx.lang).format(new Date(`${CONVENTION_ENTERED_INTO_FORCE}T00:00:00Z`)),
    }),
  };
}

/**
 * The checker's answer (`checkDraft`): each article's annotations and closest precedents (with their parties,
 * family and the words the draft changes from them) and what the draft lacks. Codes show their names (`names`: WebContext.codeNames), the code as the badge's title.
 */
export function draftCheckView(
  ctx: WebContext,
  c: DraftCheckAnswer,
  names: ReadonlyMap<string, string>,
): Html {
  const { t } = ctx;
  // An unknown status under the Convention, said once: in the gap that leaves the party out, else here.
  const unsaid = conventionStatusUnsaid(c);
  const link = (p: CheckedProvision) =>
    markup`<a href="${ctx.href(provisionPath(p.pinpoint))}">${agreementNameHtml(p.agreement)} — ${articleLabelHtml(ctx, p)}</a>${yearAfterName(p.agreement) ? markup` <span class="muted">(${yearAfterName(p.agreement)})</span>` : ''}`;
  return markup`<h2>${t('draft.answer')}</h2>
<p>${t('draft.checkedIn', { language: c.language in DRAFT_LANGUAGE_NAMES ? t(`draft.lang.${c.language}` as MessageKey) : c.language })}</p>
<p>${c.codes.map((code) => markup`${codeBadge(code, names)} `)}</p>
${unsaid.length ? markup`<p class="hint">${t('draft.conventionStatusUnknown', { parties: unsaid.map((code) => partyLabelIn(ctx, { party: code, partyName: cldrPartyName('en', code) ?? code })).join(', '), count: unsaid.length })}</p>` : ''}
${c.gaps.map((g) => {
  const { message, scope } = gapSentences(ctx, g);
  return markup`<div class="notice"><p><strong><code>${g.rule}</code></strong> ${message}</p>
<p class="hint">${scope}${g.practice.length ? ` · ${g.practice.map((p) => `${p.party}${t('common.colon')}${p.carrying}/${p.agreements}`).join(', ')}` : ''}</p>
${g.precedents.length ? markup`<ul>${g.precedents.map((p) => markup`<li>${link(p.provision)}${p.annotationStatus === 'ACCEPTED' ? '' : markup` <span class="muted gap-precedent-status">(${t('draft.proposedPrecedent')})</span>`}</li>`)}</ul>` : ''}</div>`;
})}
<ol class="hits">${c.articles.map(
    (
      a,
    ) => markup`<li><p class="hit-title">${articleLabel(ctx, { ...a, unnamed: `#${a.position + 1}` })} <span class="muted">(${t('draft.words', { count: a.words })})</span></p>
${a.annotations.length ? markup`<p>${a.annotations.map((an) => markup`${codeBadge(an.code, names)} `)}</p>` : ''}
${
  a.precedents.length
    ? markup`<ul>${a.precedents.map(
        (p) =>
          markup`<li>${link(p.provision)} <span class="muted precedent-parties">${[p.parties.join(', '), p.signatoriesOnly.length ? t('draft.signedOnly', { parties: p.signatoriesOnly.join(', ') }) : ''].filter(Boolean).join(' · ')}</span> · ${t('common.similarity')} ${percentText(ctx, p.score)}${p.family && p.family.size === 1 ? markup` · ${t('provision.family')}${t('common.colon')}${t('draft.familyAlone')}` : ''}${p.family && p.family.size > 1 ? markup` · ${t('provision.family')}${t('common.colon')}${t('draft.familyFound', { count: p.family.size, max: FAMILY_MAX_MEMBERS })}, ${t('draft.earliestFound')} ${link(p.family.template)}` : ''}${changedWordsView(p.diff.segments, t('draft.changedWords'))}</li>`,
      )}</ul>`
    : markup`<p class="muted">${t('draft.noPrecedent', { percent: `${percentText(ctx, PRECEDENT_MIN_SCORE)}` })}</p>`
}</li>`,
  )}</ol>`;
}
