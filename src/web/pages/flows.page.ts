import { lastDayOfYear } from '../../common/text-rules';
import { barChartSvg } from '../../reports/render/svg-bar-chart';
import { mechanismColor } from '../../reports/flows/mechanism-colors';
import { flowPairs, PENDING_SERIES } from '../../reports/flows/flow-pairs';
import { markup } from '../html';
import { mechanismName } from '../labels';
import { downloads, layout } from '../layout';
import {
  agreementPath,
  partyPath,
  provisionPath,
  textField,
  checkboxes,
  includeProposedBox,
  reportFileLabel,
  agreementNameHtml,
  wideAndNarrowChart,
} from '../views/common';
import { WebContext } from '../web-context';
import { MECHANISMS } from '../web-enums';
import { badRequest } from '../web-errors';
import { shownCode } from '../../common/errors';

interface FlowsData {
  preferentialTreatmentFlows: {
    notes: string[];
    files: { format: string; url: string }[];
    flows: {
      mechanism: string;
      mutual: boolean;
      /** Rests on proposals only (includeProposed false): awaiting review, not a flow the evidence shows. */
      pending: boolean;
      accepted: number;
      proposed: number;
      grantor: { code: string; name: string };
      beneficiary: { code: string; name: string };
      agreement: { slug: string; title: string; shortTitle: string | null; dateSigned: string | null };
      provisions: { pinpoint: string; label: string }[];
    }[];
  };
}

const FLOWS_QUERY = `query WebFlows($filter: FlowFilter, $includeProposed: Boolean!, $language: ReportLanguage!) {
  preferentialTreatmentFlows(filter: $filter, includeProposed: $includeProposed, language: $language) {
    notes files { format url }
    flows { mechanism mutual pending accepted proposed grantor { code name } beneficiary { code name } agreement { slug title shortTitle dateSigned } provisions { pinpoint label(language: $language) } }
  }
}`;

const codes = (ctx: WebContext, name: string) => {
  const values = ctx.list(name).map((c) => c.toUpperCase());
  for (const value of values)
    if (!/^[A-Z]{3}$/.test(value))
      throw badRequest(ctx.t('error.partyCodesUnknown', { name, codes: shownCode(value) }), name);
  return values;
};

/** What the flows page takes. */
export const FLOWS_PARAMETERS: readonly string[] = [
  'grantors',
  'beneficiaries',
  'mechanisms',
  'agreements',
  'from',
  'to',
  'includeProposed',
];

/**
 * GET /flows?grantors=&beneficiaries=&mechanisms=&agreements=&from=&to=: who grants what to whom; clicking a party
 * filters. `agreements` (slugs) keeps the flows of those agreements only: a bloc's member sees the bloc's flows on the
 * agreements it is bound by (its party page links them so); the report files the page links keep it.
 */
export async function flowsPage(ctx: WebContext): Promise<string> {
  const { t } = ctx;
  const grantors = codes(ctx, 'grantors');
  const beneficiaries = codes(ctx, 'beneficiaries');
  const mechanisms = ctx.enumList('mechanisms', MECHANISMS);
  const agreements = ctx.list('agreements');
  const { from, to } = ctx.years();
  const includeProposed = ctx.flag('includeProposed');
  const filter: Record<string, unknown> = {};
  if (grantors.length) filter.grantors = grantors;
  if (beneficiaries.length) filter.beneficiaries = beneficiaries;
  if (mechanisms.length) filter.mechanisms = mechanisms;
  if (agreements.length) filter.agreements = agreements;
  if (from) filter.signedFrom = `${from}-01-01`;
  if (to) filter.signedTo = lastDayOfYear(to);
  const { preferentialTreatmentFlows: r } = await ctx.query<FlowsData>(FLOWS_QUERY, {
    filter,
    includeProposed,
    // The notes and the files in the page's language.
    language: ctx.lang.toUpperCase(),
  });
  const params = {
    grantors,
    beneficiaries,
    mechanisms,
    agreements,
    from,
    to,
    includeProposed: includeProposed ? 'true' : undefined,
  };
  // Provisions per pair and mechanism, as the report's pairs chart and its CSV count them (`flowPairs`); those resting
  // on proposals only are no evidence: their own series.
  const pending = r.flows.filter((f) => f.pending).length;
  const { pairs, series: usedSeries } = flowPairs(r.flows, includeProposed);
  const shown = pairs.slice(0, 40);
  const pairLabel = (p: (typeof pairs)[number]) => `${p.grantor.code} → ${p.beneficiary.code}`;
  const chart = shown.length
    ? wideAndNarrowChart(
        (id, width) =>
          barChartSvg(
            {
              kind: 'bar',
              language: ctx.lang,
              categoryLabel: `${t('flows.grantor')} → ${t('flows.beneficiary')}`,
              valueLabel: t('flows.provisions'),
              categories: shown.map(pairLabel),
              series: usedSeries.map((key) => ({
                name: key === PENDING_SERIES ? t('flows.pending') : mechanismName(ctx.lang, key),
                values: shown.map((p) => p.counts.get(key) ?? 0),
                ...(key === PENDING_SERIES ? { pending: true } : { color: mechanismColor(key) }),
              })),
              stacked: true,
              description: t('chart.bars', {
                value: t('flows.provisions').toLocaleLowerCase(ctx.lang),
                category: `${t('flows.grantor')} → ${t('flows.beneficiary')}`.toLocaleLowerCase(ctx.lang),
                count: shown.length,
              }),
            },
            id,
            t('flows.chart'),
            width ? { width } : undefined,
          ),
        'flows-bars',
      )
    : '';
  const body = markup`<h1>${t('flows.title')}</h1>
    <p class="lead">${t('flows.intro')}</p>
    <form method="get" action="${ctx.href('/flows')}">${ctx.langField()}
      <div class="filters">
        ${textField('f-grantors', 'grantors', t('flows.grantors'), grantors.join(','), 'placeholder="EUN"')}
        ${textField('f-beneficiaries', 'beneficiaries', t('flows.beneficiaries'), beneficiaries.join(','))}
        ${textField('f-agreements', 'agreements', t('flows.agreements'), agreements.join(','), 'placeholder="eu-cariforum-epa"')}
        ${textField('f-from', 'from', t('common.from'), from, 'inputmode="numeric"')}
        ${textField('f-to', 'to', t('common.to'), to, 'inputmode="numeric"')}
      </div>
      ${checkboxes(
        t('flows.mechanisms'),
        'mechanisms',
        MECHANISMS.map((m): [string, string] => [m, mechanismName(ctx.lang, m)]),
        mechanisms,
      )}
      ${includeProposedBox(ctx, includeProposed)}
      <p>
        <button type="submit">${t('common.apply')}</button>
        <a href="${ctx.href('/flows')}">${t('common.clear')}</a>
      </p>
    </form>
    <p role="status">
      ${
        pending
          ? t('flows.countPending', { count: r.flows.length - pending, pending })
          : t('flows.count', { count: r.flows.length })
      }
    </p>
    ${
      r.flows.length
        ? markup`<figure class="chart-wrap">
              <figcaption><strong class="chart-title">${t('flows.chart')}</strong></figcaption>
              ${chart}
            </figure>
            <div class="table-wrap" tabindex="0">
              <table class="responsive">
                <caption class="visually-hidden">
                  ${t('flows.title')}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t('flows.grantor')}</th>
                    <th scope="col">${t('flows.beneficiary')}</th>
                    <th scope="col">${t('flows.mechanism')}</th>
                    <th scope="col">${t('common.agreement')}</th>
                    <th scope="col">${t('common.evidence')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.flows.map(
                    (f) =>
                      markup`<tr>
                        <td data-label="${t('flows.grantor')}">
                          <a
                            href="${ctx.href('/flows', { ...params, grantors: [f.grantor.code] })}"
                            title="${ctx.partyName(f.grantor)}"
                            >${f.grantor.code}</a
                          >
                          <a href="${ctx.href(partyPath(f.grantor.code))}" class="muted">${ctx.partyName(f.grantor)}</a>
                        </td>
                        <td data-label="${t('flows.beneficiary')}">
                          <a
                            href="${ctx.href('/flows', { ...params, beneficiaries: [f.beneficiary.code] })}"
                            title="${ctx.partyName(f.beneficiary)}"
                            >${f.beneficiary.code}</a
                          >
                          <a href="${ctx.href(partyPath(f.beneficiary.code))}" class="muted"
                            >${ctx.partyName(f.beneficiary)}</a
                          >
                        </td>
                        <td data-label="${t('flows.mechanism')}">
                          <a href="${ctx.href('/flows', { ...params, mechanisms: [f.mechanism] })}"
                            >${mechanismName(ctx.lang, f.mechanism)}</a
                          >${f.mutual ? markup` <span class="muted">(${t('flows.mutual')})</span>` : ''}${
                            f.pending ? markup` <span class="muted">(${t('flows.pending')})</span>` : ''
                          }
                        </td>
                        <td data-label="${t('common.agreement')}">
                          <a href="${ctx.href(agreementPath(f.agreement.slug))}"
                            >${agreementNameHtml(f.agreement)}</a
                          >
                        </td>
                        <td data-label="${t('common.evidence')}">
                          ${f.provisions.map((p, i) => markup`${i ? ', ' : ''}<a href="${ctx.href(provisionPath(p.pinpoint))}">${p.label}</a>`)}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
        : markup`<p>${t('flows.none')}</p>`
    }
    ${
      r.notes.length
        ? markup`<ul class="hint">
            ${r.notes.map((n) => markup`<li>${n}</li>`)}
          </ul>`
        : ''
    }
    ${downloads(
      ctx,
      r.files.map((f) => ({ label: reportFileLabel(f.format), href: f.url })),
    )}`;
  return layout(ctx, { title: t('flows.title'), section: 'flows', body });
}
