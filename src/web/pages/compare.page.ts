import { markup, Html } from '../html';
import { label } from '../labels';
import { downloads, layout } from '../layout';
import {
  agreementPath,
  dateHtml,
  reportFileLabel,
  provisionPath,
  checkboxes,
  codeName,
  codeOptions,
  includeProposedBox,
  agreementNameHtml,
} from '../views/common';
import { appliedSince, boundThroughBlocs, BoundThroughBloc } from '../../reports/common/document-helpers';
import { LIST_SEPARATOR } from '../../reports/render/cell-format';
import { MAX_COMPARED } from '../../reports/comparison/comparison.service';
import { recordText, reportTranslator, say } from '../../reports/common/report-texts';
import { WebContext } from '../web-context';
import { TAXONOMY_CODES } from '../web-enums';
import { badRequest, notFound } from '../web-errors';
import { PageResult, redirect } from '../web-page';

interface CompareData {
  compareAgreements: {
    codes: string[];
    notes: string[];
    files: { format: string; url: string }[];
    agreements: {
      agreement: {
        slug: string;
        title: string;
        shortTitle: string | null;
        dateSigned: string | null;
        dateInForce: string | null;
        dateProvisionallyApplied: string | null;
        status: string;
      };
      parties: { code: string }[];
      developingParties: { code: string }[];
      signatoriesOnly: { code: string }[];
      suspendedParties: { party: { code: string }; since: string }[];
      record: Parameters<typeof recordText>[0];
      boundParties: BoundThroughBloc[];
    }[];
    cells: {
      agreement: string;
      code: string;
      strongestBindingForce: string | null;
      provisions: {
        pinpoint: string;
        label: string;
        status: string | null;
        partyScope: string[] | null;
      }[];
    }[];
  };
}

const COMPARE_QUERY = `query WebCompare($agreements: [String!]!, $codes: [TaxonomyCodeId!], $includeProposed: Boolean!, $language: ReportLanguage!) {
  compareAgreements(agreements: $agreements, codes: $codes, includeProposed: $includeProposed, language: $language) {
    codes notes files { format url }
    agreements { agreement { slug title shortTitle dateSigned dateInForce dateProvisionallyApplied status } parties { code } developingParties { code } signatoriesOnly { code } suspendedParties { party { code } since } boundParties { party { code } via appliedFrom appliedFromPrecision inForceFrom until } record { coverage parts partial provisions } }
    cells { agreement code strongestBindingForce provisions { pinpoint label(language: $language) status partyScope } }
  }
}`;

const FORMATS = ['zip', 'xlsx', 'html', 'md', 'json'];

interface Candidate {
  slug: string;
  title: string;
  shortTitle: string | null;
  dateSigned: string | null;
}

interface Edges {
  edges: { node: Candidate }[];
}

/** Agreements by identifier, and by the longest word of the text in the title (the other words are checked here). */
const FIND_QUERY = `query WebCompareFind($slug: String!, $word: String!) {
  bySlug: agreements(filter: { slugs: [$slug] }, first: 1) { edges { node { slug title shortTitle dateSigned } } }
  byTitle: agreements(filter: { titleContains: $word }, first: 100, orderBy: { field: DATE_SIGNED, direction: DESC }) {
    edges { node { slug title shortTitle dateSigned } }
  }
}`;

/** Matches offered to choose from, at most. */
const CHOICES = 12;

/** The agreements a person means by `text`: its identifier, else those whose title has every word of it. */
async function findAgreements(ctx: WebContext, text: string): Promise<Candidate[]> {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  const word = [...words].sort((a, b) => b.length - a.length)[0];
  const data = await ctx.query<{ bySlug: Edges; byTitle: Edges }>(FIND_QUERY, {
    slug: text.toLowerCase(),
    word,
  });
  if (data.bySlug.edges.length) return [data.bySlug.edges[0].node];
  return data.byTitle.edges
    .map((e) => e.node)
    .filter((a) => words.every((w) => `${a.title} ${a.shortTitle ?? ''}`.toLowerCase().includes(w)));
}

/** What the comparison takes. */
export const COMPARE_PARAMETERS: readonly string[] = ['agreements', 'codes', 'includeProposed', 'add'];

/** The longest agreement name or address the comparison's "add" box takes (the boxes say so: maxlength). */
export const ADD_AGREEMENT_MAX_LENGTH = 200;

/**
 * GET /compare?agreements=a,b,c&codes=...&includeProposed=true: the comparison matrix and its files. `add` names
 * one more agreement as a person would (words of its title or short title, or its identifier): one match joins
 * the comparison (a redirect to the comparison's own address), several are offered to choose from, none is a
 * 404 saying so.
 */
export async function comparePage(ctx: WebContext): Promise<PageResult> {
  const { t } = ctx;
  const slugs = [...new Set(ctx.list('agreements').map((s) => s.toLowerCase()))];
  // The comparison's own bound (MAX_COMPARED), in its own words: the page refused 31 as "too long (at most 30
  // characters)" while the comparison, its files and its command take 50 (hostile19).
  if (slugs.length > MAX_COMPARED)
    throw badRequest(
      t('error.tooManyAgreements', { name: 'agreements', max: MAX_COMPARED, count: slugs.length }),
    );
  const codes = ctx.enumList('codes', TAXONOMY_CODES);
  const includeProposed = ctx.flag('includeProposed');
  const add = ctx.param('add', ADD_AGREEMENT_MAX_LENGTH);
  // An agreement already compared is not listed twice: `add=ceta` beside `agreements=ceta` led to "ceta,ceta", a
  // page asking to "choose at least two agreements" of a person who had just added one.
  const withSlugs = (list: string[]) => ({
    agreements: [...new Set(list)].join(','),
    codes,
    includeProposed,
  });
  let choice: Html | undefined;
  let already: Html = markup``;
  if (add) {
    const found = await findAgreements(ctx, add);
    if (!found.length) throw notFound(t('compare.noMatch', { text: add }));
    if (found.length === 1 && slugs.includes(found[0].slug))
      already = markup`<p class="notice" role="status">${t('compare.already', { text: add })}</p>`;
    else if (found.length === 1) return redirect(ctx.href('/compare', withSlugs([...slugs, found[0].slug])));
    else
      choice = markup`<section class="notice" aria-labelledby="choose-h">
      <h2 id="choose-h">${t('compare.choose', { text: add })}</h2>
      <ul>
        ${found.slice(0, CHOICES).map(
          (a) =>
            markup`<li>
              <a href="${ctx.href('/compare', withSlugs([...slugs, a.slug]))}">${agreementNameHtml(a)}</a>
              <span class="muted">${dateHtml(ctx, a.dateSigned)} · ${a.slug}</span>
            </li>`,
        )}
      </ul>
      ${found.length > CHOICES ? markup`<p class="hint">${t('compare.more', { count: found.length - CHOICES })}</p>` : ''}
    </section>`;
  }
  const names = await ctx.codeNames();
  let result: Html = markup`<p class="notice">
    ${t('compare.pick')} ${t('compare.hint')} <a href="${ctx.href('/agreements')}">${t('nav.agreements')}</a>
  </p>`;
  if (choice) result = choice;
  else if (slugs.length >= 2) {
    const data = await ctx.query<CompareData>(COMPARE_QUERY, {
      agreements: slugs,
      codes: codes.length ? codes : undefined,
      includeProposed,
      // The notes and the files in the page's language.
      language: ctx.lang.toUpperCase(),
    });
    result = matrixView(ctx, data.compareAgreements, names);
  }
  const body = markup`<h1>${t('compare.title')}</h1>
    <form method="get" action="${ctx.href('/compare')}">${ctx.langField()}
      <div class="field">
        <label for="c-agreements">${t('compare.agreements')}</label
        ><input
          type="text"
          id="c-agreements"
          name="agreements"
          value="${slugs.join(',')}"
          aria-describedby="c-hint"
          size="60"
        />
        <p class="hint" id="c-hint">
          ${t('compare.hint')} <a href="${ctx.href('/agreements')}">${t('nav.agreements')}</a>
        </p>
      </div>
      <div class="field">
        <label for="c-add">${t('compare.add')}</label
        ><input type="text" id="c-add" name="add" size="40" maxlength="${ADD_AGREEMENT_MAX_LENGTH}" autocomplete="off" />
      </div>
      ${checkboxes(t('common.codes'), 'codes', codeOptions(names, TAXONOMY_CODES), codes)}
      ${includeProposedBox(ctx, includeProposed)}
      <p><button type="submit">${t('compare.run')}</button></p>
    </form>
    ${already}${result}`;
  return layout(ctx, { title: t('compare.title'), section: 'compare', body });
}

function matrixView(
  ctx: WebContext,
  c: CompareData['compareAgreements'],
  names: ReadonlyMap<string, string>,
): Html {
  const { t } = ctx;
  // The rows of dates and status in the words of the comparison's files (CSV, XLSX), which say the same: CETA, applied
  // provisionally since 2017-09-21 and not in force, showed "In force –" alone here.
  const file = reportTranslator(ctx.lang);
  const cell = (slug: string, code: string) => c.cells.find((x) => x.agreement === slug && x.code === code);
  const head = c.agreements.map(
    (a) =>
      markup`<th scope="col">
        <a href="${ctx.href(agreementPath(a.agreement.slug))}">${agreementNameHtml(a.agreement)}</a>
      </th>`,
  );
  // A list as the HTML report file shows it (the files' lists joined by ";"), "–" for none.
  const list = (items: string[]) => items.join(LIST_SEPARATOR) || '–';
  const codes = (parties: { code: string }[]) => list(parties.map((p) => p.code));
  const meta = markup`<tr>
      <th scope="row">${file('col.signed')}</th>
      ${c.agreements.map((a) => markup`<td>${dateHtml(ctx, a.agreement.dateSigned)}</td>`)}
    </tr>
    <tr>
      <th scope="row">${file('cmp.row.inForce')}</th>
      ${c.agreements.map((a) => markup`<td>${dateHtml(ctx, a.agreement.dateInForce)}</td>`)}
    </tr>
    <tr>
      <th scope="row">${file('cmp.row.applied')}</th>
      ${c.agreements.map((a) => markup`<td>${dateHtml(ctx, appliedSince(a.agreement))}</td>`)}
    </tr>
    <tr>
      <th scope="row">${file('cmp.row.status')}</th>
      ${c.agreements.map((a) => markup`<td>${label(ctx.lang, a.agreement.status)}</td>`)}
    </tr>
    <tr>
      <th scope="row">${file('cmp.row.parties')}</th>
      ${c.agreements.map((a) => markup`<td>${codes(a.parties)}</td>`)}
    </tr>
    <tr>
      <th scope="row">${file('cmp.row.via')}</th>
      ${c.agreements.map((a) => markup`<td>${list(boundThroughBlocs(a.boundParties, file))}</td>`)}
    </tr>
    <tr>
      <th scope="row">${file('cmp.row.developing')}</th>
      ${c.agreements.map((a) => markup`<td>${codes(a.developingParties)}</td>`)}
    </tr>
    <tr>
      <th scope="row">${file('cmp.row.record')}</th>
      ${c.agreements.map((a) => markup`<td>${say(ctx.lang, recordText(a.record))}</td>`)}
    </tr>${
      // The TPP binds none of its twelve signatories: named apart, as the report's files do.
      c.agreements.some((a) => a.signatoriesOnly.length)
        ? markup`
    <tr>
      <th scope="row">${file('cmp.row.signatoriesOnly')}</th>
      ${c.agreements.map((a) => markup`<td>${codes(a.signatoriesOnly)}</td>`)}
    </tr>`
        : ''
    }${
      // Venezuela in MERCOSUR: a party suspended today, bound by nothing; named apart, as the report's files do.
      c.agreements.some((a) => a.suspendedParties.length)
        ? markup`
    <tr>
      <th scope="row">${file('cmp.row.suspended')}</th>
      ${c.agreements.map(
        (a) =>
          markup`<td>${list(
            a.suspendedParties.map((x) =>
              file('cmp.suspendedSince', { code: x.party.code, date: { date: x.since } }),
            ),
          )}</td>`,
      )}
    </tr>`
        : ''
    }`;
  const rows = c.codes.map(
    (code) =>
      markup`<tr>
        <th scope="row">${names.get(code) ?? code}<br /><span class="muted">${codeName(code)}</span></th>
        ${c.agreements.map((a) => {
          const x = cell(a.agreement.slug, code);
          if (!x || !x.provisions.length)
            return markup`<td class="empty-cell"><span class="muted">–</span></td>`;
          return markup`<td class="hit-cell">
            ${x.provisions.map((p, i) => markup`${i ? ', ' : ''}<a href="${ctx.href(provisionPath(p.pinpoint))}">${p.label}</a>${p.partyScope?.length ? markup` <span class="muted">${t('compare.scope', { parties: p.partyScope.join(', ') })}</span>` : ''}${p.status === 'PROPOSED' ? markup` <span class="badge PROPOSED">${label(ctx.lang, 'PROPOSED')}</span>` : ''}`)}
            ${x.strongestBindingForce ? markup`<br /><span class="muted">${label(ctx.lang, x.strongestBindingForce)}</span>` : ''}
          </td>`;
        })}
      </tr>`,
  );
  const files = [...c.files].sort((a, b) => FORMATS.indexOf(a.format) - FORMATS.indexOf(b.format));
  return markup`<section aria-labelledby="matrix-h">
      <h2 id="matrix-h">${t('compare.matrix')}</h2>
      <div class="table-wrap" tabindex="0">
        <table class="matrix">
          <caption class="visually-hidden">
            ${t('compare.matrix')}
          </caption>
          <thead>
            <tr>
              <td></td>
              ${head}
            </tr>
          </thead>
          <tbody>
            ${meta}${rows}
          </tbody>
        </table>
      </div>
      ${
        c.notes.length
          ? markup`<ul class="hint">
              ${c.notes.map((n) => markup`<li>${n}</li>`)}
            </ul>`
          : ''
      }
    </section>
    ${downloads(ctx, [
      // Each table the page shows has its CSV: the matrix (with the rows of dates and parties) and the provisions
      // its cells list; then the report whole, every table (the ZIP of their CSVs, the heatmap's data too).
      ...files
        .filter((f) => f.format === 'zip')
        .flatMap((f) => [
          { label: `${t('compare.matrix')} (CSV)`, href: sectionCsv(f.url, 'matrix') },
          { label: `${t('compare.provisions')} (CSV)`, href: sectionCsv(f.url, 'provisions') },
        ]),
      ...files.map((f) => ({
        label: `${t('compare.report')}${t('common.colon')}${reportFileLabel(f.format)}`,
        href: f.url,
      })),
    ])}`;
}

/** The CSV of one section of a report, from the address of its ZIP (same report, same parameters). */
function sectionCsv(zipUrl: string, section: string): string {
  const [path, query] = zipUrl.split('?');
  return `${path.replace(/\.zip$/, '.csv')}?${query ? `${query}&` : ''}section=${encodeURIComponent(section)}`;
}
