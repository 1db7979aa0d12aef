import { scoreBarSeries } from '../../reports/coherence/score-bars';
import { barChartSvg } from '../../reports/render/svg-bar-chart';
import { markup, Html } from '../html';
import { label, outcomeName } from '../labels';
import {
  agreementPath,
  codeBadge,
  dateText,
  provisionPath,
  statusBadge,
  reportFileLabel,
  agreementNameHtml,
  shareText,
  wideAndNarrowChart,
} from './common';
import { WebContext } from '../web-context';
import { latestAsOf } from '../../reports/common/report-args';

export interface CoherenceData {
  asOf: string;
  notes: string[];
  files: { format: string; url: string }[];
  scores: {
    paragraph: string;
    title: string;
    met: number;
    assessed: number;
    pending: number;
    notAssessed: number;
    share: number | null;
  }[];
  findings: {
    number: number;
    ruleId: string;
    severity: string;
    paragraph: string;
    message: string;
    absence: string | null;
    /** NOT_MET, PENDING_REVIEW or UNKNOWN. */
    outcome: string;
    record: string | null;
    agreement: { slug: string; title: string; shortTitle: string | null } | null;
    evidence: {
      pinpoint: string;
      code: string | null;
      status: string | null;
      articleNumber: string | null;
    }[];
  }[];
  agreements: { agreement: { slug: string }; via: string | null }[];
  /**
   * The checks of the scored rules of every agreement by outcome, in the order of the states (counted by the API, not
   * asked one by one); `informationOutcomes` those of the information rules, which score nothing.
   */
  outcomes: { outcome: string; checks: number }[];
  informationOutcomes: { outcome: string; checks: number }[];
  /** Why each rule matters and what to check: the same for each of its findings, asked once. */
  rules: { id: string; why: string; whatToCheck: string }[];
}

/** The report's part a dashboard shows (the page asks it with the rest of its data in one operation). */
export const COHERENCE_DASHBOARD_FIELDS = `asOf notes files { format url }
    scores { paragraph title met assessed pending notAssessed share }
    findings { number ruleId severity paragraph message absence outcome record agreement { slug title shortTitle } evidence { pinpoint code status articleNumber } }
    agreements { agreement { slug } via }
    outcomes { outcome checks }
    informationOutcomes { outcome checks }
    rules { id why whatToCheck }`;

const FORMATS = ['xlsx', 'zip', 'html', 'md', 'json'];

/** A check's outcome as a badge (its class the state, for its colour), in the words the report files use. */
const outcomeBadge = (ctx: WebContext, outcome: string): Html =>
  markup`<span class="badge ${outcome}">${outcomeName(ctx.lang, outcome)}</span>`;

/** Counts of checks by outcome, one chip each. */
const outcomeChips = (ctx: WebContext, counts: CoherenceData['outcomes']): Html =>
  markup`<ul class="chips">
    ${counts.map((o) => markup`<li>${outcomeBadge(ctx, o.outcome)} ${o.checks}</li>`)}
  </ul>`;

/**
 * Why a report has no finding: every check it made was met, or it made none (no agreement binds the party on the
 * date, or no rule applies to those that do). "Every assessed rule is met" of a report that assessed nothing read
 * as good news.
 */
export function noFindingKey(
  report: CoherenceData,
): 'party.noFindings' | 'party.noAgreement' | 'party.noRuleApplies' {
  const counts = [...report.outcomes, ...report.informationOutcomes];
  if (counts.some((o) => o.outcome === 'MET' && o.checks > 0)) return 'party.noFindings';
  return report.agreements.length ? 'party.noRuleApplies' : 'party.noAgreement';
}

/**
 * A party's coherence report as a dashboard: the score per paragraph of the Guidelines (bars), the checks by
 * outcome state, the findings with severity, outcome and evidence links, and the report files.
 */
export function partyDashboardView(
  ctx: WebContext,
  report: CoherenceData,
  names: ReadonlyMap<string, string>,
): Html {
  const { t } = ctx;
  // In agreements, stacked by outcome: a share of the assessed alone drew a full bar from 1 agreement of 8.
  const counted = report.scores.some((s) => s.assessed + s.pending + s.notAssessed > 0);
  const chart = counted
    ? wideAndNarrowChart(
        (id, width) =>
          barChartSvg(
            {
              kind: 'bar',
              language: ctx.lang,
              categoryLabel: t('party.paragraph'),
              valueLabel: t('party.barsValue'),
              categories: report.scores.map((s) => `§${s.paragraph} ${s.title}`),
              series: scoreBarSeries(report.scores, {
                met: t('party.bar.met'),
                notAssessed: t('party.bar.notAssessed'),
                notMet: t('party.bar.notMet'),
                pending: t('party.bar.pending'),
              }),
              stacked: true,
              description: t('chart.bars', {
                value: t('party.barsValue').toLocaleLowerCase(ctx.lang),
                category: t('party.paragraph').toLocaleLowerCase(ctx.lang),
                count: report.scores.length,
              }),
            },
            id,
            t('party.bars'),
            width ? { width } : undefined,
          ),
        'coherence-scores',
      )
    : markup``;
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const files = [...report.files].sort((a, b) => FORMATS.indexOf(a.format) - FORMATS.indexOf(b.format));
  // The date the report is of, and a form to ask another (`?asOf=`, as the report files take it; the page's
  // language kept).
  return markup`<p class="muted">${t('party.asOf', { date: dateText(ctx, report.asOf) })}</p>
    <form method="get" class="as-of">
      ${ctx.langField()}
      <label>${t('party.asOfLabel')} <input type="date" name="asOf" value="${report.asOf}" max="${latestAsOf()}" required /></label>
      <button type="submit">${t('party.asOfShow')}</button>
    </form>
    <section class="downloads" aria-labelledby="coh-files-h">
      <h3 id="coh-files-h">${t('party.reportFiles')}</h3>
      <ul>
        ${files.map(
          (f) =>
            markup`<li>
              <a href="${f.url}" ${f.format === 'html' ? '' : markup` download`}
                >${reportFileLabel(f.format)}</a
              >
            </li>`,
        )}
      </ul>
    </section>
    <h3>${t('party.scores')}</h3>
    <div class="chart-wrap">${chart}</div>
    <div class="table-wrap" tabindex="0">
      <table>
        <caption class="visually-hidden">
          ${t('party.scores')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('party.paragraph')}</th>
            <th scope="col" class="num">${t('common.score')}</th>
            <th scope="col">${t('party.outcome')}</th>
          </tr>
        </thead>
        <tbody>
          ${report.scores.map(
            (s) =>
              markup`<tr>
                <th scope="row">§${s.paragraph} ${s.title}</th>
                <td class="num">${s.share === null ? '–' : shareText(ctx, s.share)}</td>
                <td>
                  ${t('party.met', { met: s.met, assessed: s.assessed })}${
                    s.pending ? `${t('common.semicolon')}${t('party.pending', { pending: s.pending })}` : ''
                  }${s.notAssessed ? `${t('common.semicolon')}${t('party.notAssessed', { count: s.notAssessed })}` : ''}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h3>${t('party.outcomes')}</h3>
    ${outcomeChips(ctx, report.outcomes)}
    ${
      report.informationOutcomes.length
        ? markup`<h3>${t('party.informationOutcomes')}</h3>
            <p class="muted">${t('party.informationOutcomesNote')}</p>
            ${outcomeChips(ctx, report.informationOutcomes)}`
        : ''
    }
    <h3 id="findings-h">${t('party.findings')}</h3>
    ${
      report.findings.length
        ? markup`<div class="table-wrap" tabindex="0">
            <table class="responsive findings" aria-labelledby="findings-h">
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">${t('party.severity')}</th>
                  <th scope="col">${t('party.outcome')}</th>
                  <th scope="col">${t('party.paragraph')}</th>
                  <th scope="col">${t('common.agreement')}</th>
                  <th scope="col">${t('party.finding')}</th>
                  <th scope="col">${t('common.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                ${report.findings.map(
                  (f) =>
                    markup`<tr id="finding-${f.number}">
                      <td data-label="#">${f.number}</td>
                      <td data-label="${t('party.severity')}">${statusBadge(ctx, f.severity)}</td>
                      <td data-label="${t('party.outcome')}">${outcomeBadge(ctx, f.outcome)}</td>
                      <td data-label="${t('party.paragraph')}">
                        §${f.paragraph}<br /><code>${f.ruleId}</code>
                      </td>
                      <td data-label="${t('common.agreement')}">
                        ${f.agreement ? markup`<a href="${ctx.href(agreementPath(f.agreement.slug))}">${agreementNameHtml(f.agreement)}</a>` : '–'}
                      </td>
                      <td data-label="${t('party.finding')}">
                        ${f.message}${f.absence ? markup`<br /><span class="muted">${t('party.absence', { what: f.absence })}</span>` : ''}
                        <details>
                          <summary>${t('party.whyAndCheck')}</summary>
                          <p>${rules.get(f.ruleId)?.why}</p>
                          <p>${rules.get(f.ruleId)?.whatToCheck}</p>
                          ${f.record ? markup`<p class="muted">${f.record}</p>` : ''}
                        </details>
                      </td>
                      <td data-label="${t('common.evidence')}">
                        ${
                          f.evidence.length
                            ? markup`<ul>
                                ${f.evidence.map((e) => markup`<li><a class="evidence-link" href="${ctx.href(provisionPath(e.pinpoint))}">${e.pinpoint}</a>${e.code ? markup` ${codeBadge(e.code, names)}` : ''}${e.status ? ` (${label(ctx.lang, e.status)})` : ''}</li>`)}
                              </ul>`
                            : '–'
                        }
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : markup`<p>${t(noFindingKey(report))}</p>`
    }
    ${
      report.notes.length
        ? markup`<details>
            <summary>${t('common.notes')}</summary>
            <ul>
              ${report.notes.map((n) => markup`<li>${n}</li>`)}
            </ul>
          </details>`
        : ''
    }
`;
}
