import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, LocalDateResolver } from 'graphql-scalars';

/** A calendar date, `YYYY-MM-DD`, kept as a string end to end so no time zone can shift it. */
export const DateScalar = new GraphQLScalarType({
  ...LocalDateResolver.toConfig(),
  name: 'Date',
  description: 'A calendar date without time zone, as YYYY-MM-DD (ISO 8601), e.g. 1990-09-14.',
});

export const DateTimeScalar = DateTimeResolver;
