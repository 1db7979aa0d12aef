import { shown } from '../../common/errors';
import { inputRefusal } from '../../common/refusal-texts';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';

/** Validation shared by GraphQL, HTTP and the command line: each front end maps BadUserInputError its own way. */

export const ALL_CODES: TaxonomyCodeId[] = Object.values(TaxonomyCodeId);

export function codesOrAll(codes: TaxonomyCodeId[] | null | undefined): TaxonomyCodeId[] {
  if (!codes?.length) return ALL_CODES;
  return ALL_CODES.filter((c) => codes.includes(c));
}

export { today } from '../../common/dates';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkDate(argument: string, value: string): string {
  const parsed = new Date(`${value}T00:00:00Z`);
  if (!DATE.test(value) || Number.isNaN(parsed.getTime()) || !parsed.toISOString().startsWith(value))
    throw inputRefusal(argument, 'notDate', { value });
  return value;
}

/** Today's date where it is latest (UTC+14): the last day a coherence report is of (`checkAsOf`). */
export const latestAsOf = (): string => new Date(Date.now() + 14 * 3_600_000).toISOString().slice(0, 10);

/**
 * The day a coherence report is asked for (`asOf`): a date YYYY-MM-DD that has come. The report says which agreements
 * applied on that day from what is recorded today; of a day to come it would state as fact what is only planned (an
 * agreement terminated, a party withdrawing or joining in between is not recorded): until 7 December 2026
 * `asOf=2060-01-01` answered "4 agreements applied on 2060-01-01". Refused in every door (GraphQL, the files, the
 * command line, the party page), which leave asOf out for today.
 */
export function checkAsOf(argument: string, value: string): string {
  checkDate(argument, value);
  if (value > latestAsOf())
    throw inputRefusal(
      argument,
      'dayToCome',
      { value: { date: value }, latest: { date: latestAsOf() } },
      { dayToCome: value, latest: latestAsOf() },
    );
  return value;
}

export function checkYear(argument: string, value: number): number {
  if (!Number.isInteger(value) || value < 1900 || value > 2100)
    throw inputRefusal(argument, 'notYear', { value: String(value) });
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
    throw inputRefusal(
      argument,
      'unknownAgreements',
      { slugs: unknown.map((slug) => shown(slug)).join(', ') },
      { unknownAgreements: unknown.map((slug) => shown(slug)) },
    );
}
