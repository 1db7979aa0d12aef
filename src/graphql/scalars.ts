import { GraphQLError, GraphQLScalarType } from 'graphql';
import { BadUserInputError } from '../common/errors';
import { dateRangeProblem } from '../common/text-rules';
import { DateTimeResolver, LocalDateResolver, URLResolver } from 'graphql-scalars';
import { argumentOfLiteral } from './argument-paths.rule';

const inRange = (value: unknown): unknown => {
  const date =
    typeof value === 'string' ? value : value instanceof Date ? value.toISOString().slice(0, 10) : null;
  const problem = date ? dateRangeProblem(date) : null;
  if (problem) throw new GraphQLError(`LocalDate ${problem} (got ${date})`);
  return value;
};

/**
 * A scalar whose refusal of a literal (`filter: { signedFrom: "2020-13-45" }`) is BAD_USER_INPUT naming the
 * argument (`filter.signedFrom: Value is not a valid LocalDate: 2020-13-45`, `extensions.argument`), as the same
 * value sent in a variable is (graphql-js names the variable and the path there). graphql-js reports a
 * GraphQLError thrown while checking a literal as a validation failure (GRAPHQL_VALIDATION_FAILED); any other
 * error travels as the failure's `originalError`, which the error formatter answers with its own code.
 */
function namingTheArgument(scalar: GraphQLScalarType): GraphQLScalarType {
  const config = scalar.toConfig();
  return new GraphQLScalarType({
    ...config,
    parseLiteral: (ast, variables) => {
      try {
        return config.parseLiteral!(ast, variables);
      } catch (error) {
        const argument = argumentOfLiteral(ast);
        if (argument === undefined) throw error;
        throw new BadUserInputError(argument, error instanceof Error ? error.message : String(error));
      }
    },
  });
}

/**
 * Calendar dates travel as `LocalDate` (YYYY-MM-DD) and are stored as the same strings; the ones a client sends
 * must lie between 1800-01-01 and today plus 50 years (text-rules).
 */
export const LocalDate = namingTheArgument(
  new GraphQLScalarType({
    ...LocalDateResolver.toConfig(),
    parseValue: (value) => inRange(LocalDateResolver.parseValue(value)),
    parseLiteral: (ast, variables) => inRange(LocalDateResolver.parseLiteral(ast, variables)),
  }),
);
export const DateTime = namingTheArgument(DateTimeResolver);
export const Url = namingTheArgument(URLResolver);
