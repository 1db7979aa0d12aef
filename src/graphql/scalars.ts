import { GraphQLError, GraphQLScalarType } from 'graphql';
import { dateRangeProblem } from '../common/text-rules';
import { DateTimeResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';

const inRange = (value: unknown): unknown => {
  const date =
    typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : null;
  const problem = date ? dateRangeProblem(date) : null;
  if (problem) throw new GraphQLError(`LocalDate ${problem} (got ${date})`);
  return value;
};

/**
 * Calendar dates travel as `LocalDate` (YYYY-MM-DD) and are stored as the same strings; the ones a client sends
 * must lie between 1800-01-01 and today plus 50 years (text-rules).
 */
export const LocalDate = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  parseValue: (value) => inRange(LocalDateResolver.parseValue(value)),
  parseLiteral: (ast, variables) => inRange(LocalDateResolver.parseLiteral(ast, variables)),
});
export const DateTime = DateTimeResolver;
export const Url = URLResolver;
