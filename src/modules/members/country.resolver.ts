import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Country } from './country.entity';
import { findCountry, listCountries } from './country.service';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { description: 'The member countries and the Amazon countries of the indigenous partners.' })
  countries(@Ctx() ctx: RequestContext): Promise<Country[]> {
    return listCountries(ctx);
  }

  @Query(() => Country, { nullable: true, description: 'One country by ISO alpha-2 code; null when unknown.' })
  country(@Arg('code', () => String) code: string, @Ctx() ctx: RequestContext): Promise<Country | null> {
    return findCountry(ctx, code);
  }
}
