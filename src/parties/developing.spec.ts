import { isDeveloping } from './developing';
import { IncomeGroup } from './party.enums';

describe('isDeveloping', () => {
  it.each([IncomeGroup.LOW, IncomeGroup.LOWER_MIDDLE, IncomeGroup.UPPER_MIDDLE])(
    'is true for the %s income group without an LDC or SIDS listing',
    (incomeGroup) => {
      expect(isDeveloping({ ldc: false, sids: false, incomeGroup })).toBe(true);
    },
  );

  it('is false for a high-income country that is neither LDC nor SIDS', () => {
    expect(isDeveloping({ ldc: false, sids: false, incomeGroup: IncomeGroup.HIGH })).toBe(false);
  });

  it('is true for a high-income small island developing state', () => {
    expect(isDeveloping({ ldc: false, sids: true, incomeGroup: IncomeGroup.HIGH })).toBe(true);
  });

  it('is true for a least developed country whatever its income group', () => {
    expect(isDeveloping({ ldc: true, sids: false, incomeGroup: IncomeGroup.HIGH })).toBe(true);
    expect(isDeveloping({ ldc: true, sids: false, incomeGroup: null })).toBe(true);
  });

  it('is true for a SIDS without an income group', () => {
    expect(isDeveloping({ ldc: false, sids: true, incomeGroup: null })).toBe(true);
  });

  it('is null without an income group and without an LDC or SIDS listing', () => {
    expect(isDeveloping({ ldc: false, sids: false, incomeGroup: null })).toBeNull();
  });
});
