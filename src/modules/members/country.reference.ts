import type { RequestContext } from '../../common/context';
import type { Country } from './country.entity';
import { findCountry } from './country.service';

/** Federation: resolves `{ __typename: "Country", code }` representations from the per-request country list. */
export const countryReference = {
  Country: {
    __resolveReference(reference: { code: string }, ctx: RequestContext): Promise<Country | null> {
      return findCountry(ctx, reference.code);
    },
  },
};
