import {
  charactersFor,
  lastDayOfYear,
  PROVISION_TEXT_MAX_CHARACTERS,
  provisionTextProblem,
} from './text-rules';

describe('provision text limits count characters as their writer does', () => {
  it('counts a character outside the Basic Multilingual Plane once', () => {
    expect(charactersFor('ab😀', 2)).toBe(3);
    expect('ab😀'.length).toBe(4);
    expect(charactersFor('abc', 10)).toBe(3);
  });

  it('takes a text of the limit ending in an emoji, and refuses one character more', () => {
    const atLimit = 'a'.repeat(PROVISION_TEXT_MAX_CHARACTERS - 1) + '😀';
    expect(provisionTextProblem(atLimit)).toBeNull();
    expect(provisionTextProblem(`${atLimit}a`)).toBe(
      "has 200,001 characters; a provision's text may have 200,000 at most (split it into its articles)",
    );
  });
});

describe('lastDayOfYear', () => {
  it('is 31 December, or the latest date taken in the year fifty years ahead', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(lastDayOfYear(2075, now)).toBe('2075-12-31');
    expect(lastDayOfYear(2076, now)).toBe('2076-12-07');
  });
});
