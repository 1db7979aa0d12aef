import { IncomeGroup } from './party.enums';

export interface DevelopingInput {
  ldc: boolean;
  sids: boolean;
  incomeGroup: IncomeGroup | null;
}

/**
 * The taxonomy's definition (../shared/taxonomy.md, "Decisions on borderline cases"): a developing country is
 * one that the UN lists as a least developed country or a small island developing state, or that the World
 * Bank does not class as high income. Without an income group and without an LDC/SIDS listing the answer is
 * unknown (null), not false.
 */
export function isDeveloping({ ldc, sids, incomeGroup }: DevelopingInput): boolean | null {
  if (ldc || sids) return true;
  if (incomeGroup === null) return null;
  return incomeGroup !== IncomeGroup.HIGH;
}
