import DataLoader from 'dataloader';
import { defineLoader, type RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { requireMaxItems } from '../../common/validation';
import { Country } from './country.entity';

/** All countries, read once per request (a few dozen rows). */
const allCountriesLoader = defineLoader(
  (ctx) =>
    new DataLoader<'all', Country[]>(async (keys) => {
      const countries = await ctx.em.find(Country, {}, { orderBy: { name: 'asc' } });
      return keys.map(() => countries);
    }),
);

export function listCountries(ctx: RequestContext): Promise<Country[]> {
  return allCountriesLoader(ctx).load('all');
}

export async function findCountry(ctx: RequestContext, code: string): Promise<Country | null> {
  const countries = await listCountries(ctx);
  return countries.find((country) => country.code === code.toUpperCase()) ?? null;
}

/**
 * The codes of the country table, read once per database: the table is reference data that never changes while the
 * server runs (migrations and seeds fill it), so checking a filter's codes needs no statement per request.
 */
const knownCodes = new WeakMap<object, Promise<Set<string>>>();

function countryCodes(ctx: RequestContext): Promise<Set<string>> {
  // the metadata is shared by every fork and transaction of one ORM, so one database
  const key = ctx.reads.getMetadata();
  let codes = knownCodes.get(key);
  if (!codes) {
    codes = ctx.reads
      .getKnex()
      .select('code')
      .from(ctx.reads.getMetadata().get(Country).tableName)
      .then((rows: { code: string }[]) => new Set(rows.map((row) => row.code)));
    codes.catch(() => knownCodes.delete(key));
    knownCodes.set(key, codes);
  }
  return codes;
}

/** Checks a code is a known ISO alpha-2 code of a country in the database; returns it upper-cased. */
export async function requireKnownCountry(ctx: RequestContext, field: string, code: string): Promise<string> {
  const upper = code.trim().toUpperCase();
  if (!(await countryCodes(ctx)).has(upper)) throw new UserInputError(field, `unknown country code "${code}"`);
  return upper;
}

export async function requireKnownCountries(
  ctx: RequestContext,
  field: string,
  codes: readonly string[],
): Promise<string[]> {
  requireMaxItems(field, codes);
  return Promise.all(codes.map((code, index) => requireKnownCountry(ctx, `${field}[${index}]`, code)));
}
