import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { LabelRow } from './dev-labels';
import { UniverseAgreement } from './evaluate';

/** Cohen's kappa of two codings of the same articles, for one code. */
export interface CodeKappa {
  readonly code: TaxonomyCodeId;
  /** Articles both codings give the code / only the first / only the second. */
  readonly both: number;
  readonly firstOnly: number;
  readonly secondOnly: number;
  /** Observed and chance agreement over the whole universe. */
  readonly observed: number;
  readonly expected: number;
  /** null when neither coding uses the code (agreement by chance is then total). */
  readonly kappa: number | null;
}

const key = (treaty: string, article: string) => `${treaty}\u0000${article}`;

/**
 * Cohen's kappa per code between two independent codings (each a set of (article, code) labels) over every
 * article of the universe: kappa = (po - pe) / (1 - pe), with po the share of articles on which the codings
 * agree (both give the code, or neither) and pe the agreement expected from each coding's rate of the code.
 */
export function kappaPerCode(
  first: readonly LabelRow[],
  second: readonly LabelRow[],
  universe: readonly UniverseAgreement[],
): CodeKappa[] {
  const articles = new Set(
    universe.flatMap((agreement) =>
      agreement.articleIdentifiers.map((id) => key(agreement.treatyIdentifier, id)),
    ),
  );
  const n = articles.size;
  const coded = (labels: readonly LabelRow[], code: TaxonomyCodeId) =>
    new Set(
      labels
        .filter((label) => label.code === code)
        .map((label) => key(label.treatyIdentifier, label.articleIdentifier))
        .filter((article) => articles.has(article)),
    );
  return Object.values(TaxonomyCodeId).map((code) => {
    const a = coded(first, code);
    const b = coded(second, code);
    const both = [...a].filter((article) => b.has(article)).length;
    const firstOnly = a.size - both;
    const secondOnly = b.size - both;
    const neither = n - both - firstOnly - secondOnly;
    const observed = n === 0 ? 1 : (both + neither) / n;
    const expected = n === 0 ? 1 : (a.size * b.size + (n - a.size) * (n - b.size)) / (n * n);
    const kappa = expected >= 1 ? null : (observed - expected) / (1 - expected);
    return { code, both, firstOnly, secondOnly, observed, expected, kappa };
  });
}
