import { BadUserInputError } from '../../common/errors';
import { DRAFT_MAX_CHARACTERS, DraftPracticeSince } from './draft-check.models';
import { checkDraftText, conventionSince } from './draft-check.service';

describe('checkDraftText', () => {
  const refusal = (text: string): BadUserInputError | null => {
    try {
      checkDraftText(text);
      return null;
    } catch (error) {
      return error as BadUserInputError;
    }
  };

  it('counts characters as the writer does: one emoji is one character, not two UTF-16 units', () => {
    const base = 'Article 1 Scope\nEach Party shall endeavour to publish its measures online. ';
    const text = base
      .repeat(Math.ceil(DRAFT_MAX_CHARACTERS / base.length))
      .slice(0, DRAFT_MAX_CHARACTERS - 1);
    // 200,000 characters, the last an emoji (length 200,001): within the limit.
    expect(refusal(`${text}\u{1F600}`)).toBeNull();
    // 200,001 characters: refused, and the count said is the writer's.
    const over = refusal(`${text}\u{1F600}x`);
    expect(over?.message).toContain('the draft has 200,001 characters, more than the 200,000 allowed');
  });
});

describe('conventionSince', () => {
  it("counts from the Party's own date, else the latest its year of deposit allows, else the Convention's own", () => {
    expect(conventionSince('2010-07-01', null)).toEqual({
      since: '2010-07-01',
      basis: DraftPracticeSince.IN_FORCE,
    });
    expect(conventionSince(null, 2016)).toEqual({
      since: '2017-03-31',
      basis: DraftPracticeSince.IN_FORCE_BY,
    });
    expect(conventionSince(null, null)).toEqual({
      since: '2007-03-18',
      basis: DraftPracticeSince.CONVENTION_IN_FORCE,
    });
  });
});
