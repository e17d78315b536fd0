import { GraphQLError, GraphQLScalarType, type GraphQLScalarTypeConfig } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/**
 * Years a Date or DateTime may have. Four digits, as the formats write them; PostgreSQL has no year 0, and nothing the
 * API records (joins, consents, projects, inventories) lies before the year 1000 or after 9999.
 */
export const FIRST_YEAR = 1000;
export const LAST_YEAR = 9999;

const YEAR_RANGE = `years ${FIRST_YEAR} to ${LAST_YEAR}`;

/** Whether `value` is a calendar date `YYYY-MM-DD` in the range of the Date scalar. */
export function isDateInRange(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= FIRST_YEAR && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The same scalar with every parsed value checked by `inRange`. */
function withRange<T>(
  config: GraphQLScalarTypeConfig<T, unknown>,
  inRange: (value: T) => boolean,
): GraphQLScalarTypeConfig<T, unknown> {
  const checked = (value: T): T => {
    if (!inRange(value)) throw new GraphQLError(`${config.name} must lie in the ${YEAR_RANGE}`);
    return value;
  };
  return {
    ...config,
    parseValue: (value) => checked(config.parseValue!(value)),
    parseLiteral: (ast, variables) => checked(config.parseLiteral!(ast, variables)),
  };
}

const localDate = LocalDateResolver.toConfig() as GraphQLScalarTypeConfig<string, unknown>;
const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A calendar date, `YYYY-MM-DD`, kept as a string end to end so no time zone can shift it. Dates read from PostgreSQL
 * already have that shape, so serialising them skips the full check (a few percent of a list's CPU otherwise).
 */
export const DateScalar = new GraphQLScalarType(
  withRange(
    {
      ...localDate,
      serialize: (value) => (typeof value === 'string' && DATE_SHAPE.test(value) ? value : localDate.serialize!(value)),
      name: 'Date',
      description: `A calendar date without time zone, as YYYY-MM-DD (ISO 8601), e.g. 1990-09-14; ${YEAR_RANGE}.`,
    },
    isDateInRange,
  ),
);

export const DateTimeScalar = new GraphQLScalarType(
  withRange(
    {
      ...(DateTimeResolver.toConfig() as GraphQLScalarTypeConfig<Date, unknown>),
      description: `${DateTimeResolver.description} Years ${FIRST_YEAR} to ${LAST_YEAR} (UTC).`,
    },
    (value) => value.getUTCFullYear() >= FIRST_YEAR && value.getUTCFullYear() <= LAST_YEAR,
  ),
);
