import { barChartSvg } from '../../reports/render/svg-bar-chart';
import { markup, Html, raw } from '../html';
import { label } from '../labels';
import {
  agreementPath,
  codeBadge,
  dateText,
  provisionPath,
  statusBadge,
  reportFileLabel,
  agreementNameHtml,
  CATALOGUE_LANGUAGE,
  inLanguage,
  tHtml,
} from './common';
import { Language } from '../i18n';
import { WebContext } from '../web-context';

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
  /** The checks of every agreement by outcome, in the order of the states (counted by the API, not asked one by one). */
  outcomes: { outcome: string; checks: number }[];
  /** Why each rule matters and what to check: the same for each of its findings, asked once. */
  rules: { id: string; why: string; whatToCheck: string }[];
}

/** The report's part a dashboard shows (the page asks it with the rest of its data in one operation). */
export const COHERENCE_DASHBOARD_FIELDS = `asOf notes files { format url }
    scores { paragraph title met assessed pending share }
    findings { number ruleId severity paragraph message absence outcome record agreement { slug title shortTitle } evidence { pinpoint code status articleNumber } }
    agreements { agreement { slug } via }
    outcomes { outcome checks }
    rules { id why whatToCheck }`;

const FORMATS = ['xlsx', 'csv', 'html', 'md', 'json'];

/** What each scored paragraph asks, in French and Spanish; English is the report's own wording. */
const PARAGRAPH_TITLES: Partial<Record<Language, Record<string, string>>> = {
  fr: {
    '19.5': 'Les accords se réfèrent explicitement à la Convention de 2005',
    '19.4':
      'Les biens et services culturels gardent leur spécificité dans les engagements sur le commerce électronique, les services et l’investissement',
    '18.2':
      'Une partie développée accorde un traitement préférentiel à la culture de ses partenaires en développement (paragraphes 18, 18.2)',
    '19.1': 'La culture est traitée de façon cohérente entre les accords d’une même période',
  },
  es: {
    '19.5': 'Los acuerdos se refieren explícitamente a la Convención de 2005',
    '19.4':
      'Los bienes y servicios culturales conservan su especificidad en los compromisos de comercio electrónico, servicios e inversión',
    '18.2':
      'Una parte desarrollada concede trato preferencial a la cultura de sus socios en desarrollo (párrafos 18, 18.2)',
    '19.1': 'La cultura se trata de forma coherente entre los acuerdos de un mismo período',
  },
};

const paragraphTitle = (ctx: WebContext, s: { paragraph: string; title: string }): string =>
  PARAGRAPH_TITLES[ctx.lang]?.[s.paragraph] ?? s.title;

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
  const chart = report.scores.length
    ? raw(
        barChartSvg(
          {
            kind: 'bar',
            categoryLabel: t('party.paragraph'),
            valueLabel: t('common.score'),
            categories: report.scores.map((s) => `§${s.paragraph} ${paragraphTitle(ctx, s)}`),
            series: [{ name: t('common.score'), values: report.scores.map((s) => s.share) }],
            valueFormat: 'percent',
            xMax: 1,
            description: t('chart.bars', {
              value: t('party.scores'),
              category: t('party.paragraph').toLocaleLowerCase(ctx.lang),
              count: report.scores.length,
            }),
          },
          'coherence-scores',
          t('party.scores'),
        ),
      )
    : markup``;
  const rules = new Map(report.rules.map((r) => [r.id, r]));
  const files = [...report.files].sort((a, b) => FORMATS.indexOf(a.format) - FORMATS.indexOf(b.format));
  return markup`<p class="muted">${t('party.asOf', { date: dateText(ctx, report.asOf) })}</p>
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
        <caption>
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
                <th scope="row">§${s.paragraph} ${paragraphTitle(ctx, s)}</th>
                <td class="num">${s.share === null ? '–' : `${Math.round(s.share * 100)} %`}</td>
                <td>
                  ${t('party.met', { met: s.met, assessed: s.assessed })}${
                    s.pending ? `; ${t('party.pending', { pending: s.pending })}` : ''
                  }
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    <h3>${t('party.outcomes')}</h3>
    <ul class="chips">
      ${report.outcomes.map((o) => markup`<li>${statusBadge(ctx, o.outcome)} ${o.checks}</li>`)}
    </ul>
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
                      <td data-label="${t('party.outcome')}">${statusBadge(ctx, f.outcome)}</td>
                      <td data-label="${t('party.paragraph')}">
                        §${f.paragraph}<br /><code>${f.ruleId}</code>
                      </td>
                      <td data-label="${t('common.agreement')}">
                        ${f.agreement ? markup`<a href="${ctx.href(agreementPath(f.agreement.slug))}">${agreementNameHtml(f.agreement)}</a>` : '–'}
                      </td>
                      <td data-label="${t('party.finding')}">
                        ${inLanguage(f.message, CATALOGUE_LANGUAGE)}${f.absence ? markup`<br /><span class="muted">${tHtml(ctx, 'party.absence', { what: inLanguage(f.absence, CATALOGUE_LANGUAGE) })}</span>` : ''}
                        <details>
                          <summary>${t('party.whyAndCheck')}</summary>
                          <p lang="${CATALOGUE_LANGUAGE}">${rules.get(f.ruleId)?.why}</p>
                          <p lang="${CATALOGUE_LANGUAGE}">${rules.get(f.ruleId)?.whatToCheck}</p>
                          ${f.record ? markup`<p class="muted" lang="${CATALOGUE_LANGUAGE}">${f.record}</p>` : ''}
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
        : markup`<p>${t('party.noFindings')}</p>`
    }
    ${
      report.notes.length
        ? markup`<details>
            <summary>${t('common.notes')}</summary>
            <ul>
              ${report.notes.map((n) => markup`<li lang="${CATALOGUE_LANGUAGE}">${n}</li>`)}
            </ul>
          </details>`
        : ''
    }
`;
}
