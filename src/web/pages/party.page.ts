import { addDays } from '../../common/dates';
import { canonicalRedirect, PageResult } from '../web-page';
import { BadUserInputError, shownCode } from '../../common/errors';
import { conventionSourceIn } from '../../parties/convention-source';
import { barChartSvg } from '../../reports/render/svg-bar-chart';
import { Html, markup } from '../html';
import { conventionStatusName, incomeGroupName, label, regionName } from '../labels';
import { layout } from '../layout';
import {
  agreementPath,
  dateHtml,
  dateText,
  partialDateText,
  partyKindLabel,
  partyPath,
  sourceNote,
  CATALOGUE_LANGUAGE,
  yearOf,
  agreementNameHtml,
  agreementNameWithYear,
  wideAndNarrowChart,
} from '../views/common';
import { COHERENCE_DASHBOARD_FIELDS, CoherenceData, partyDashboardView } from '../views/party-dashboard';
import { viaBlocName } from '../views/side-name';
import { WebContext } from '../web-context';
import { badRequest, notFound } from '../web-errors';
import { checkAsOf } from '../../reports/common/report-args';
import { refusedText } from '../refused-text';
import { memberOn } from '../../bindings/binding';
import { partyNameForm } from '../../parties/party-names';
import type { Language } from '../../common/i18n';

interface PartyData {
  party: {
    code: string;
    name: string;
    kind: string;
    territoryOf: string | null;
    developing: boolean | null;
    ldc: boolean;
    lldc: boolean;
    sids: boolean;
    incomeGroup: string | null;
    region: string | null;
    subRegion: string | null;
    conventionStatus: {
      status: string;
      asOf: string | null;
      inForce: string | null;
      inForceBy: string | null;
      depositYear: number | null;
      dateDeposited: string | null;
      instrumentType: string | null;
      source: string | null;
    };
    memberOf: { party: { code: string; name: string }; dateJoined: string | null; dateLeft: string | null }[];
    members: { party: { code: string; name: string }; dateJoined: string | null; dateLeft: string | null }[];
  };
  coherenceReport: Omit<CoherenceData, 'agreements'> & {
    agreements: (CoherenceData['agreements'][number] & {
      agreement: AgreementRow;
      appliedFrom: string | null;
      agreementFirstDates: boolean;
      appliedFromPrecision: 'EXACT' | 'AT_LATEST';
      role: 'ORIGINAL' | 'ACCEDED' | null;
      partners: { code: string }[];
    })[];
    leftOut: AgreementRow[];
    leftOutDatesUnknown: string[];
    leftOutLeftUndated: string[];
    leftOutStartedUndated: string[];
    leftOutEndedUndated: string[];
    leftOutSuspended: { slug: string; since: string; source: string | null }[];
    leftOutInForceBy: { slug: string; date: string }[];
    leftOutBoundThrough: { slug: string; via: string; until: string }[];
  };
}

interface AgreementRow {
  slug: string;
  title: string;
  shortTitle: string | null;
  dateSigned: string | null;
  status: string;
}

/**
 * The party, and its coherence report, whose agreements (applied on the report's date, and the others: `leftOut`)
 * are the party's agreements as `party.agreements` lists them (agreement_binding, archived left out): the page
 * takes them from there rather than asking the list a second time.
 */
const PARTY_QUERY = `query WebParty($code: String!, $language: ReportLanguage!, $asOf: LocalDate) {
  party(code: $code) {
    code name kind territoryOf developing ldc lldc sids incomeGroup region subRegion
    conventionStatus { status asOf inForce inForceBy depositYear dateDeposited instrumentType source }
    memberOf { party { code name } dateJoined dateLeft }
    members { party { code name } dateJoined dateLeft }
  }
  coherenceReport(party: $code, language: $language, asOf: $asOf) {
    ${COHERENCE_DASHBOARD_FIELDS}
    agreements { agreement { slug title shortTitle dateSigned status } appliedFrom agreementFirstDates appliedFromPrecision role partners { code } }
    leftOut { slug title shortTitle dateSigned status }
    leftOutDatesUnknown
    leftOutLeftUndated
    leftOutStartedUndated
    leftOutEndedUndated
    leftOutSuspended { slug since source }
    leftOutInForceBy { slug date }
    leftOutBoundThrough { slug via until }
  }
}`;

/**
 * A bloc's members on `day` (the page's date, today when absent), and those that had left by then: the EU's page said
 * "Members 28", the United Kingdom included with its withdrawal in 2020; as of 1960 it said "27 members, and 1 former
 * member", counting today's. A member on the day is one by `memberOn`, the bindings' rule (joined on or before it, not
 * left by then); those that joined later are neither, and are said apart, since the list below names them.
 */
export function membersCount(
  members: { dateJoined: string | null; dateLeft: string | null }[],
  t: WebContext['t'],
  day = new Date().toISOString().slice(0, 10),
): string {
  const current = members.filter((m) => memberOn(m, day)).length;
  const former = members.filter((m) => m.dateLeft !== null && m.dateLeft <= day).length;
  const later = members.length - current - former;
  return t('party.membersCount', { current, former, later });
}

/** The parameters the party page takes: the date of its coherence report, as the report files take it. */
export const PARTY_PARAMETERS: readonly string[] = ['asOf'];

/** GET /parties/<code>: facts, Convention status, agreements over time, coherence dashboard. */
export async function partyPage(ctx: WebContext, raw_: string): Promise<PageResult> {
  const { t } = ctx;
  const code = raw_.toUpperCase();
  if (!/^[A-Z]{3}$/.test(code)) throw notFound(t('error.noParty', { code: shownCode(raw_) }));
  // Codes are upper case; `/parties/can` served the page at a second address.
  if (code !== raw_) return canonicalRedirect(ctx.withThisQuery(partyPath(code)));
  const asOf = asOfParameter(ctx);
  const { party: p, coherenceReport } = await ctx.query<PartyData>(PARTY_QUERY, {
    code,
    // The findings, notes and files in the page's language.
    language: ctx.lang.toUpperCase(),
    // The state on a date, as the report files take it (`?asOf=`); today when absent. The files the page links
    // carry it (the report's `files`), and so does the page's own form.
    asOf: asOf ?? null,
  });
  const names = await ctx.codeNames();
  // The bloc a member is bound through, by its name in the sentence's form (viaBlocName); its code where the page
  // does not have its name.
  const blocs = new Map(p.memberOf.map((m) => [m.party.code, m.party]));
  const blocName = (code: string) => {
    const bloc = blocs.get(code);
    return bloc ? viaBlocName(ctx, bloc) : code;
  };
  const via = new Map(
    coherenceReport.agreements.map((a) => [a.agreement.slug, a.via ? blocName(a.via) : null]),
  );
  // One that bound it through a bloc until a day now past (the United Kingdom through the EU until 2020-12-31, the end
  // of its transition): said with the last day, by the same rule as a member's (the binding's `via`).
  const viaUntil = new Map(
    coherenceReport.leftOutBoundThrough.map((b) => [
      b.slug,
      t('agreement.viaBlocUntil', { bloc: blocName(b.via), date: dateText(ctx, addDays(b.until, -1)) }),
    ]),
  );
  // The date the agreement applies to the party from, where it is the agreement's first and not the party's own
  // (an agreement of three or more sides with no date recorded for the party): said to be so.
  const firstDates = new Map(
    coherenceReport.agreements
      .filter((a) => a.agreementFirstDates && a.appliedFrom)
      .map((a) => [a.agreement.slug, a.appliedFrom!]),
  );
  // A date that is a bound the sources agree on, not the party's day (AANZFTA for Cambodia: in force on 2011-02-01 at
  // the latest): "on or before"; asked of an earlier day, whether it bound the party is not known (`inForceBy`).
  const atLatest = new Map(
    coherenceReport.agreements
      .filter((a) => a.appliedFromPrecision === 'AT_LATEST' && a.appliedFrom)
      .map((a) => [a.agreement.slug, a.appliedFrom!]),
  );
  const inForceBy = new Map(coherenceReport.leftOutInForceBy.map((x) => [x.slug, x.date]));
  // One the party acceded to after the signature: the date of signature is not its own, and it is bound from its
  // accession (Korea, DEPA: signed in 2020, applied to Korea since 3 May 2024).
  const acceded = new Map(
    coherenceReport.agreements
      .filter((a) => a.role === 'ACCEDED' && a.appliedFrom)
      .map((a) => [a.agreement.slug, a.appliedFrom!]),
  );
  // The agreement's own status is not the party's: one it signed but does not apply, or has left, says so.
  // One the party joined or left on a date no source gives is not said not to bind it: that is not known.
  const datesUnknown = new Set(coherenceReport.leftOutDatesUnknown);
  const leftUndated = new Set(coherenceReport.leftOutLeftUndated);
  // Of those, each for one reason, the report's own (`undatedReason`): one recorded as terminated with no date
  // ended on a day no source gives (the Eurasian Economic Community, ToTA pta_97); one the party is an original party
  // of began on such a day (not joined late); else the party left it, or joined it, on one.
  const endedUndated = new Set(coherenceReport.leftOutEndedUndated);
  const startedUndated = new Set(coherenceReport.leftOutStartedUndated);
  // Suspended (its rights and obligations as a party): said as such, with the day and where the suspension is
  // recorded (the agreement page's source, from the same row), not as "not binding".
  const suspended = new Map(coherenceReport.leftOutSuspended.map((s) => [s.slug, s]));
  const notBinding = new Set(
    coherenceReport.leftOut
      .map((a) => a.slug)
      .filter((slug) => !datesUnknown.has(slug) && !suspended.has(slug)),
  );
  // By date of signature (undated last), then slug, as party.agreements orders them.
  const agreements = [...coherenceReport.agreements.map((a) => a.agreement), ...coherenceReport.leftOut].sort(
    (x, y) =>
      Number(x.dateSigned === null) - Number(y.dateSigned === null) ||
      (x.dateSigned ?? '').localeCompare(y.dateSigned ?? '') ||
      x.slug.localeCompare(y.slug),
  );
  // Paragraph 18 from the party's side: the flows it receives (a developing party) or grants (a developed one), in
  // the flows report's direction, counted as the flows page counts them; none when its status is not recorded.
  // With no flow at all, said so without a link: the link led to a page of 0 flows (Canada, Korea, Kenya and
  // Argentina on the corpus) with nothing beside it to say so.
  // A member state grants through its bloc (France through the European Union): those flows are the bloc's.
  // Counted on the page's date (today when absent), as its coherence report: the flows on the agreements that bind the
  // party then, its own and its blocs' (a bloc it was a member of then, or still bound through in a transition).
  // `?asOf=` read that day's bindings beside today's blocs and every flow of any date.
  const boundVia = boundThrough(coherenceReport.agreements);
  const flowsLink =
    p.developing === null
      ? ''
      : await flowsLinkHtml(ctx, {
          code: p.code,
          name: p.name,
          developing: p.developing,
          day: coherenceReport.asOf,
          blocs: p.developing ? [] : blocsOn(p.memberOf, coherenceReport.asOf, boundVia),
          own: new Set(coherenceReport.agreements.filter((a) => !a.via).map((a) => a.agreement.slug)),
          boundVia,
          partners: new Map(
            coherenceReport.agreements.map((a) => [a.agreement.slug, new Set(a.partners.map((x) => x.code))]),
          ),
        });
  const byYear = new Map<string, number>();
  for (const a of agreements)
    if (a.dateSigned) byYear.set(yearOf(a.dateSigned), (byYear.get(yearOf(a.dateSigned)) ?? 0) + 1);
  const years = [...byYear.keys()].sort();
  const chart = years.length
    ? wideAndNarrowChart(
        (id, width) =>
          barChartSvg(
            {
              kind: 'bar',
              language: ctx.lang,
              categoryLabel: t('common.year'),
              valueLabel: t('trends.agreements'),
              categories: years,
              series: [{ name: t('trends.agreements'), values: years.map((y) => byYear.get(y) ?? 0) }],
              description: t('chart.bars', {
                value: t('trends.agreements').toLocaleLowerCase(ctx.lang),
                category: t('common.year').toLocaleLowerCase(ctx.lang),
                count: years.length,
              }),
            },
            id,
            t('party.agreementsChart'),
            width ? { width } : undefined,
          ),
        'party-agreements',
      )
    : markup``;
  // The chart counts each agreement in the year it was signed: one the party acceded to later (Korea, DEPA: signed
  // in 2020, acceded in 2024) is said to count there, not in the year the party joined.
  const accededSigned = coherenceReport.agreements
    .map((a) => a.agreement)
    .filter((a) => acceded.has(a.slug) && a.dateSigned);
  const accededNote = accededSigned.length
    ? markup`<p class="muted">${t('party.agreementsChartAcceded', {
        party: p.code,
        names: accededSigned.map((a) => agreementNameWithYear(a)).join(ctx.lang === 'fr' ? ' ; ' : '; '),
      })}</p>`
    : markup``;
  const groups = [
    [p.ldc, t('party.ldc')],
    [p.lldc, t('party.lldc')],
    [p.sids, t('party.sids')],
  ] as const;
  const flags =
    groups
      .filter(([member]) => member)
      .map(([, name]) => name)
      .join(', ') || '–';
  // By name in the page's language (the EU's members were by code: "Germany" after "Czechia", "Spain" after "Denmark").
  const membership = (list: PartyData['party']['members']) =>
    markup`<ul>
      ${[...list].sort((a, b) => ctx.partyName(a.party).localeCompare(ctx.partyName(b.party), ctx.lang)).map((m) => markup`<li><a href="${ctx.href(partyPath(m.party.code))}">${ctx.partyName(m.party)}</a> <code>${m.party.code}</code> ${m.dateJoined ? markup`· ${t('agreement.joined')} ${dateHtml(ctx, m.dateJoined)}` : ''}${m.dateLeft ? markup` · ${t('agreement.withdrawn')} ${dateHtml(ctx, m.dateLeft)}` : ''}</li>`)}
    </ul>`;
  const body = markup`<p class="kicker">${partyKindLabel(ctx, p)} · <code>${p.code}</code></p>
    <h1>${ctx.partyName(p)}</h1>
    <section aria-labelledby="pf-h">
      <h2 id="pf-h">${t('party.facts')}</h2>
      <dl class="facts">
        <dt>${t('party.convention')}</dt>
        <dd>
          ${conventionStatusName(ctx.lang, p.conventionStatus.status)}${notPartyAsOf(ctx, p.conventionStatus)}${p.conventionStatus.inForce ? markup`, ${t('party.conventionInForce', { date: dateText(ctx, p.conventionStatus.inForce) })}` : p.conventionStatus.inForceBy && p.conventionStatus.depositYear ? markup`, ${t('party.conventionInForceBy', { year: String(p.conventionStatus.depositYear), date: dateText(ctx, p.conventionStatus.inForceBy) })}` : ''}${p.conventionStatus.instrumentType ? ` (${label(ctx.lang, p.conventionStatus.instrumentType)})` : ''}${p.conventionStatus.source ? markup` · <span class="muted">${t('common.sourceLabel')} ${conventionSourceHtml(ctx, p.conventionStatus.source)}</span>` : ''}
        </dd>
        <dt>${t('party.region')}</dt>
        <dd>${
          [p.region, p.subRegion]
            .filter((r): r is string => Boolean(r))
            .map((r) => regionName(ctx.lang, r))
            .join(' / ') || '–'
        }</dd>
        <dt>${t('party.income')}</dt>
        <dd>
          ${
            // The note dates the World Bank's groups (FY23): beside no group (the EU's "–") it says nothing.
            p.incomeGroup
              ? markup`${incomeGroupName(ctx.lang, p.incomeGroup)} · <span class="muted">${t('party.incomeNote')}</span>`
              : '–'
          }
        </dd>
        <dt>${t('party.developing')}</dt>
        <dd>
          ${p.developing === null ? t('common.unknown') : p.developing ? t('common.yes') : t('common.no')} ·
          <span class="muted">${t('party.developingNote')}</span>
        </dd>
        <dt>${groups.map(([, name]) => name).join(' / ')}</dt>
        <dd>${flags}</dd>
        ${
          p.memberOf.length
            ? markup`<dt>${t('party.memberOf')}</dt>
                <dd>${membership(p.memberOf)}</dd>`
            : ''
        }
        ${
          p.members.length
            ? markup`<dt>${t('party.members')}</dt>
                <dd>
                  <details>
                    <summary>${membersCount(p.members, t, coherenceReport.asOf)}</summary>
                    ${membership(p.members)}
                  </details>
                </dd>`
            : ''
        }
      </dl>
    </section>
    <section aria-labelledby="pa-h">
      <h2 id="pa-h">${t('party.agreements')}</h2>
      <p>
        ${t('agreements.count', { count: agreements.length })} ·
        <a href="${ctx.href('/agreements', { party: p.code })}">${t('nav.agreements')}</a> ·
        <a href="${ctx.href('/search', { party: p.code })}">${t('nav.search')}</a>${flowsLink}
      </p>
      <div class="chart-wrap">${chart}</div>${accededNote}
      ${
        // No table of headers only: a party no agreement names (Côte d'Ivoire in the fixtures) is said to be so.
        agreements.length === 0
          ? markup`<p>${t('party.namedByNone', { party: ctx.partyName(p) })}</p>`
          : markup`<details>
        <summary>${t('agreements.title')}</summary>
        <div class="table-wrap" tabindex="0">
          <table class="responsive">
            <caption class="visually-hidden">
              ${t('agreements.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t('common.agreement')}</th>
                <th scope="col">${t('common.signed')}</th>
                <th scope="col">${asOf !== undefined ? t('party.statusToday') : t('common.status')}</th>
              </tr>
            </thead>
            <tbody>
              ${agreements.map(
                (a) =>
                  markup`<tr>
                    <th scope="row" data-label="${t('common.agreement')}">
                      <a href="${ctx.href(agreementPath(a.slug))}">${agreementNameHtml(a)}</a
                      >${via.get(a.slug) ? markup` <span class="muted">(${t('agreement.viaBloc', { bloc: via.get(a.slug)! })})</span>` : viaUntil.has(a.slug) ? markup` <span class="muted">(${viaUntil.get(a.slug)!})</span>` : ''}
                    </th>
                    <td data-label="${t('common.signed')}">${dateHtml(ctx, a.dateSigned)}</td>
                    <td data-label="${t('common.status')}">
                      ${label(ctx.lang, a.status)}${suspended.has(a.slug) ? suspensionHtml(ctx, p.code, suspended.get(a.slug)!) : ''}${notBinding.has(a.slug) ? markup` <span class="muted">· ${t('party.notBinding', { party: p.code, date: dateText(ctx, coherenceReport.asOf) })}</span>` : ''}${datesUnknown.has(a.slug) ? markup` <span class="muted">· ${inForceBy.has(a.slug) ? t('party.inForceByUnknown', { party: p.code, date: dateText(ctx, inForceBy.get(a.slug)!), asOf: dateText(ctx, coherenceReport.asOf) }) : endedUndated.has(a.slug) ? t('party.endedDateUnknown') : startedUndated.has(a.slug) ? t('party.startedDateUnknown') : t(leftUndated.has(a.slug) ? 'party.leftDateUnknown' : 'party.joinedDateUnknown', { party: p.code })}</span>` : ''}${atLatest.has(a.slug) ? markup` <span class="muted">· ${t('party.atLatest', { party: p.code, date: dateText(ctx, atLatest.get(a.slug)!) })}</span>` : ''}${firstDates.has(a.slug) ? markup` <span class="muted">· ${t('party.firstDates', { party: p.code, date: dateText(ctx, firstDates.get(a.slug)!) })}</span>` : ''}${acceded.has(a.slug) ? markup` <span class="muted">· ${t('party.acceded', { party: p.code, date: dateText(ctx, acceded.get(a.slug)!) })}</span>` : ''}
                    </td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </details>`
      }
    </section>
    <section aria-labelledby="coh-h">
      <h2 id="coh-h">${t('party.coherence')}</h2>
      ${partyDashboardView(ctx, coherenceReport, names)}
    </section>`;
  return layout(ctx, { title: ctx.partyName(p), section: 'parties', body });
}

const PARTY_FLOWS_QUERY = `query WebPartyFlows($filter: FlowFilter, $language: ReportLanguage!) {
  preferentialTreatmentFlows(filter: $filter, language: $language) { flows { pending grantor { code } beneficiary { code } agreement { slug } } }
}`;

/**
 * The blocs a party grants through on `day`: those it is a member of then (`memberOn`, the bindings' rule), and those
 * it is still bound through (the United Kingdom through the EU until 2020-12-31, having left on 2020-01-31).
 */
export const blocsOn = (
  memberOf: PartyData['party']['memberOf'],
  day: string,
  boundVia: ReadonlyMap<string, unknown>,
) => [
  ...new Map(
    memberOf
      .filter((m) => memberOn(m, day) || boundVia.has(m.party.code))
      .map((m) => [m.party.code, m.party]),
  ).values(),
];

/**
 * The agreements a member is bound through each bloc by, as the coherence report counts them (its `via`, on the
 * report's date): a flow the bloc grants counts for the member on those alone.
 */
const boundThrough = (agreements: { agreement: { slug: string }; via: string | null }[]) => {
  const byBloc = new Map<string, Set<string>>();
  for (const a of agreements)
    if (a.via) byBloc.set(a.via, (byBloc.get(a.via) ?? new Set()).add(a.agreement.slug));
  return byBloc;
};

/**
 * The link to the flows a party receives (developing) or grants, with their count as the flows page, which it
 * opens, shows it (flows resting on proposals alone counted apart, as awaiting review); no link when there are none.
 * A member state's page also links the flows its blocs grant: "no flow recorded" alone read as if France granted
 * nothing, while the European Union grants for it and the page's own §18.2 column counts those agreements.
 */
async function flowsLinkHtml(
  ctx: WebContext,
  {
    code,
    name,
    developing,
    day,
    blocs,
    own: ownAgreements,
    boundVia,
    partners,
  }: {
    code: string;
    /** The party's name in the catalogue, which the counts name in French and Spanish (`flowsPartyName`). */
    name: string;
    developing: boolean;
    /** The page's date: the flows counted are those on the agreements that bind the party on it. */
    day: string;
    blocs: { code: string; name: string }[];
    own: ReadonlySet<string>;
    boundVia: ReadonlyMap<string, ReadonlySet<string>>;
    /**
     * Each agreement's partners on `day` (the coherence report's `partners`: the parties it binds in their own right
     * then, of the other side), by the binding rule: a flow counts on the day only where its other party is one.
     */
    partners: ReadonlyMap<string, ReadonlySet<string>>;
  },
) {
  const { t } = ctx;
  const side = developing ? 'beneficiaries' : 'grantors';
  // One query for the party and its blocs (the filter takes any of them), counted apart by who grants or receives.
  const { preferentialTreatmentFlows: r } = await ctx.query<{
    preferentialTreatmentFlows: {
      flows: {
        pending: boolean;
        grantor: { code: string };
        beneficiary: { code: string };
        agreement: { slug: string };
      }[];
    };
  }>(PARTY_FLOWS_QUERY, {
    filter: { [side]: [code, ...blocs.map((b) => b.code)] },
    language: ctx.lang.toUpperCase(),
  });
  // A flow counts on the page's date where the agreement binds both its parties then: the party (or its bloc, for the
  // member) by `agreements`, the other party by the agreement's partners that day. Flows have no date of their own:
  // the EU's page as of 2013-09-01 counted its flows to Costa Rica, El Salvador and Guatemala under EU - Central
  // America, which applied to them from October and December 2013 only.
  const flowsOf = (of: string, agreements?: ReadonlySet<string>) => {
    const flows = r.flows.filter(
      (f) =>
        (developing ? f.beneficiary : f.grantor).code === of &&
        (!agreements ||
          (agreements.has(f.agreement.slug) &&
            !!partners.get(f.agreement.slug)?.has((developing ? f.grantor : f.beneficiary).code))),
    );
    const pending = flows.filter((f) => f.pending).length;
    return {
      all: flows.length,
      count: flows.length - pending,
      pending,
      slugs: [...new Set(flows.map((f) => f.agreement.slug))].sort(),
      // The other party of each flow counted (the beneficiaries of a grantor's, the grantors of a beneficiary's).
      others: [...new Set(flows.map((f) => (developing ? f.grantor : f.beneficiary).code))].sort(),
    };
  };
  const otherSide = developing ? 'grantors' : 'beneficiaries';
  // Whether the flows page filtered by the agreements and the other parties counted shows those counted and no more
  // (a flow to a party counted under another agreement would be shown too): then the link says both.
  const exactly = (of: string, c: ReturnType<typeof flowsOf>) =>
    r.flows.filter(
      (f) =>
        (developing ? f.beneficiary : f.grantor).code === of &&
        c.slugs.includes(f.agreement.slug) &&
        c.others.includes((developing ? f.grantor : f.beneficiary).code),
    ).length === c.all;
  // The flows page of those counted: filtered by their agreements where some of the party's (or bloc's) are left out,
  // and by their other parties where some of those are (not bound on the page's date) and the two filters give them.
  const flowsHref = (of: string, counted: ReturnType<typeof flowsOf>, all: ReturnType<typeof flowsOf>) =>
    ctx.href('/flows', {
      [side]: of,
      ...(counted.all < all.all && counted.all ? { agreements: counted.slugs } : {}),
      ...(counted.all < all.all && counted.all && exactly(of, counted)
        ? { [otherSide]: counted.others }
        : {}),
    });
  const counted = ({ count, pending }: { count: number; pending: number }) =>
    pending ? t('party.flowsCountPending', { count, pending }) : t('flows.count', { count });
  const party = flowsPartyName(ctx.lang, code, name);
  const ownAll = flowsOf(code);
  const own = flowsOf(code, ownAgreements);
  const throughBlocs: Html[] = [];
  for (const bloc of blocs) {
    // Only the bloc's flows on agreements known to bind the member through it (the coherence report's rule):
    // Croatia read "granted through the European Union (62 flows)", 61 of them on the EPA and EU - Central America,
    // which it joined on a date not recorded. The link opens all the bloc's flows, and says how many those are.
    const all = flowsOf(bloc.code);
    const flows = flowsOf(bloc.code, boundVia.get(bloc.code) ?? new Set());
    if (all.all)
      throughBlocs.push(
        markup` · <a href="${flowsHref(bloc.code, flows, all)}">${t('party.flowsGrantedVia', { bloc: viaBlocName(ctx, bloc) })}</a> (${flows.all === all.all ? counted(flows) : t('party.flowsBoundVia', { counted: counted(flows), all: all.all, party, date: dateText(ctx, day) })})`,
      );
  }
  if (!own.all)
    return markup` · <span>${t(developing ? 'party.flowsReceivedNone' : throughBlocs.length ? 'party.flowsGrantedNoneOwn' : 'party.flowsGrantedNone')}${ownAll.all ? t('party.flowsNoneOn', { date: dateText(ctx, day), all: ownAll.all }) : ''}</span>${throughBlocs}`;
  return markup` · <a href="${flowsHref(code, own, ownAll)}">${t(developing ? 'party.flowsReceived' : 'party.flowsGranted')}</a>
    (${own.all === ownAll.all ? counted(own) : t('party.flowsBoundOn', { counted: counted(own), date: dateText(ctx, day), all: ownAll.all })})${throughBlocs}`;
}

/**
 * The party the flow counts are said of ("the agreements binding it"), by its name in the form the sentence asks: in
 * French the object of "lient" ("la France", "le Cambodge", "les Philippines"), in Spanish of "vinculan", with its "a"
 * ("a Francia", "al Perú"). French said "qui le lient" of every party, whatever its gender or number, after "Traitement
 * préférentiel accordé", which "le" read as; Spanish "lo" likewise. English names it too ("Croatia").
 */
export const flowsPartyName = (lang: Language, code: string, name: string): string =>
  partyNameForm(lang, code, name, lang === 'es' ? 'to' : 'the');

/** "VEN suspended since 5 Aug 2017 (source: ...)": the source as the agreement page gives it, in English, marked so. */
function suspensionHtml(ctx: WebContext, party: string, s: { since: string; source: string | null }) {
  return markup` <span class="muted">· ${ctx.t('party.suspended', { party, date: dateText(ctx, s.since) })}${s.source ? markup` (${ctx.t('common.sourceLabel')} <span lang="${CATALOGUE_LANGUAGE}">${sourceNote(s.source)}</span>)` : ''}</span>`;
}

/**
 * " as of November 2016, the latest the sources say" after "not a party": a NOT_PARTY finding holds as of its
 * source's date, not necessarily today (the coherence report's notes say so too).
 */
/**
 * The page's `asOf`, checked as the report files check theirs (`checkAsOf`): a date YYYY-MM-DD that has come (one
 * to come said in the page's language), or undefined when absent (today).
 */
export function asOfParameter(ctx: WebContext): string | undefined {
  const value = ctx.param('asOf', 20);
  if (value === undefined || value === '') return undefined;
  try {
    return checkAsOf('asOf', value);
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    throw badRequest(refusedText(ctx, error), 'asOf');
  }
}

function notPartyAsOf(ctx: WebContext, status: { status: string; asOf: string | null }): string {
  if (status.status !== 'NOT_PARTY' || !status.asOf) return '';
  const key =
    status.asOf.length === 10 ? 'party.conventionNotPartyAsOfDay' : 'party.conventionNotPartyAsOfPart';
  return ` ${ctx.t(key, { date: partialDateText(ctx, status.asOf) })}`;
}

/**
 * The Convention status's source: the catalogue's generated sentence in the page's language around the sources
 * it names (a file, the addresses checked), which stay as written; a note written by hand stays in English, marked
 * so.
 */
function conventionSourceHtml(ctx: WebContext, source: string) {
  const { text, translated } = conventionSourceIn(ctx.lang, source);
  return translated
    ? markup`<span>${sourceNote(text)}</span>`
    : markup`<span lang="${CATALOGUE_LANGUAGE}">${sourceNote(text)}</span>`;
}
