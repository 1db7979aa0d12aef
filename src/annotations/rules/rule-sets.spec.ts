import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../common/paths';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { annotateAgreement, ANNOTATOR_RULES } from './annotate-agreement';
import { MANUAL_ONLY_CODES, RULE_SETS, RULES_BY_CODE, SCREEN } from './rule-sets';

const TAXONOMY_JSON = (
  JSON.parse(readFileSync(join(PROJECT_ROOT, 'fixtures', 'taxonomy.json'), 'utf8')) as { code: string }[]
).map((entry) => entry.code);
const ENUM = Object.values(TaxonomyCodeId) as string[];

describe('the rule sets registry', () => {
  it('knows the same codes as the taxonomy fixture', () => {
    expect([...TAXONOMY_JSON].sort()).toEqual([...ENUM].sort());
  });

  it('gives every taxonomy code rules, or declares it manual-only (not both)', () => {
    const problems = ENUM.flatMap((code) => {
      const rules = RULES_BY_CODE[code as TaxonomyCodeId].length;
      const manual = MANUAL_ONLY_CODES.includes(code as TaxonomyCodeId);
      if (!rules && !manual) return [`${code}: no rule set and not declared manual-only`];
      if (rules && manual) return [`${code}: declared manual-only but has ${rules} rule(s)`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  it('names only known codes: each set its codes, each rule one of its set', () => {
    const problems = RULE_SETS.flatMap((set) => [
      ...set.codes
        .filter((code) => !ENUM.includes(code) || !TAXONOMY_JSON.includes(code))
        .map((c) => `${set.name}: unknown code ${c}`),
      ...set.rules
        .filter((rule) => !set.codes.includes(rule.code))
        .map((r) => `${set.name}: rule ${r.id} is of ${r.code}`),
      ...set.codes
        .filter((code) => !set.rules.some((r) => r.code === code))
        .map((c) => `${set.name}: no rule of ${c}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('runs every registered rule, and each once', () => {
    const ids = RULE_SETS.flatMap((set) => set.rules.map((rule) => rule.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ANNOTATOR_RULES.map((rule) => rule.id).sort()).toEqual([...ids].sort());
  });

  it("puts each set's triggers into the annotator's screen", () => {
    for (const set of RULE_SETS) expect(SCREEN.source).toContain(`(?:${set.triggers.source})`);
  });

  it('codes an invented example the same with and without the screen (and the screen hides what no set triggers)', () => {
    const input = (text: string) => ({
      language: 'en',
      parties: [],
      provisions: [{ ref: 'p', location: ProvisionLocation.PREAMBLE, text }],
    });
    const recital =
      'Recognising the importance of the diversity of cultural expressions for sustainable development,';
    expect(annotateAgreement(input(recital))).toEqual(annotateAgreement(input(recital), { screen: false }));
    expect(annotateAgreement(input(recital)).length).toBeGreaterThan(0);
    expect(annotateAgreement(input('Each Party shall publish its tariff schedule.'))).toEqual([]);
  });
});
