import { readFileSync } from 'node:fs';
import { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * axe-core's violations on the page, as "impact id: targets" lines: WCAG 2.1 A and AA rules (plus
 * `extraTags`, e.g. 'best-practice' for landmarks), kept from `minImpact` up.
 */
export async function axeViolations(
  page: Page,
  options: { extraTags?: string[]; minImpact?: 'minor' | 'moderate' | 'serious' } = {},
): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const tags = [...WCAG_AA, ...(options.extraTags ?? [])];
  const violations = await page.evaluate(async (values) => {
    const result = await (
      globalThis as unknown as {
        axe: {
          run(
            o: object,
          ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run({ runOnly: { type: 'tag', values } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
  }, tags);
  const order = ['minor', 'moderate', 'serious', 'critical'];
  const from = order.indexOf(options.minImpact ?? 'serious');
  return violations
    .filter((v) => order.indexOf(v.impact) >= from)
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).join(', ')}`);
}
