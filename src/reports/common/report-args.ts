import { BadUserInputError, shown } from '../../common/errors';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';

/** Validation shared by GraphQL, HTTP and the command line: each front end maps BadUserInputError its own way. */

export const ALL_CODES: TaxonomyCodeId[] = Object.values(TaxonomyCodeId);

export function codesOrAll(codes: TaxonomyCodeId[] | null | undefined): TaxonomyCodeId[] {
  if (!codes?.length) return ALL_CODES;
  return ALL_CODES.filter((c) => codes.includes(c));
}

/** Today's date in UTC, YYYY-MM-DD. */
export const today = (): string => new Date().toISOString().slice(0, 10);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkDate(argument: string, value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(value))
    throw new BadUserInputError(argument, `"${value}" is not a date YYYY-MM-DD`);
  return value;
}

export function checkYear(argument: string, value: number): number {
  if (!Number.isInteger(value) || value < 1900 || value > 2100)
    throw new BadUserInputError(argument, `${value} is not a year between 1900 and 2100`);
  return value;
}

/**
 * Agreement slugs asked for that the catalogue does not hold (or holds archived): refused, each named, in the
 * extension the pages word again (`unknownAgreements`). The comparison and the flows' agreement filter.
 */
export function refuseUnknownAgreements(
  argument: string,
  asked: readonly string[],
  found: readonly { slug: string }[],
): void {
  const unknown = asked.filter((s) => !found.some((a) => a.slug === s));
  if (unknown.length)
    throw new BadUserInputError(
      argument,
      `unknown agreement(s): ${unknown.map((slug) => shown(slug)).join(', ')}`,
      { unknownAgreements: unknown.map((slug) => shown(slug)) },
    );
}
