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

/** Checks a code is a known ISO alpha-2 code of a country in the database; returns it upper-cased. */
export async function requireKnownCountry(ctx: RequestContext, field: string, code: string): Promise<string> {
  const country = await findCountry(ctx, code.trim());
  if (!country) throw new UserInputError(field, `unknown country code "${code}"`);
  return country.code;
}

export async function requireKnownCountries(
  ctx: RequestContext,
  field: string,
  codes: readonly string[],
): Promise<string[]> {
  requireMaxItems(field, codes);
  return Promise.all(codes.map((code, index) => requireKnownCountry(ctx, `${field}[${index}]`, code)));
}
