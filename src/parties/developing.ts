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

/**
 * Where `developing` comes from, as the reports word it: one classification for agreements of every year, so that a
 * finding or note resting on it says which (Chile, high income in FY23, was upper middle income in 2006).
 */
export const DEVELOPING_BASIS = 'the World Bank FY23 income groups, or the UN lists of LDCs and SIDS';
