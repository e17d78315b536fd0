import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { isPlanned } from '../../common/read-plan';
import { CoordinationOffice } from './coordination-office.entity';
import { Country } from './country.entity';
import type { CoordinationOfficeParent } from './member-parent';
import { countryByCode } from './member.loaders';

@Resolver(() => CoordinationOffice)
export class CoordinationOfficeResolver {
  @Query(() => [CoordinationOffice], { description: 'The national coordination offices, by name.' })
  coordinationOffices(@Ctx() ctx: RequestContext): Promise<CoordinationOffice[]> {
    return ctx.em.find(CoordinationOffice, {}, { orderBy: { name: 'asc' } });
  }

  @FieldResolver(() => Country, { description: 'The country the office serves.' })
  async country(@Root() office: CoordinationOfficeParent, @Ctx() ctx: RequestContext): Promise<Country> {
    if (isPlanned(office.country)) return office.country as unknown as Country;
    return (await countryByCode(ctx).load(office.country.code))!;
  }
}
