import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { GeoLocation } from '../governance/geo-location.type';
import { servedLocation } from '../governance/served-location';
import { Country } from '../members/country.entity';
import { countryByCode } from '../members/member.loaders';
import { IndigenousOrganisation } from './indigenous-organisation.entity';
import { organisationById } from './indigenous-organisation.loaders';
import { IndigenousTerritory } from './indigenous-territory.entity';
import { servedTerritoryById } from './territory.loaders';

@Resolver(() => IndigenousTerritory)
export class IndigenousTerritoryResolver {
  @FieldResolver(() => IndigenousOrganisation, { description: 'The organisation that stewards the territory.' })
  async stewardOrganisation(
    @Root() territory: IndigenousTerritory,
    @Ctx() ctx: RequestContext,
  ): Promise<IndigenousOrganisation> {
    return (await organisationById(ctx).load(territory.stewardOrganisation.id))!;
  }

  @FieldResolver(() => Country, { description: 'The country the territory lies in.' })
  async country(@Root() territory: IndigenousTerritory, @Ctx() ctx: RequestContext): Promise<Country> {
    return (await countryByCode(ctx).load(territory.country.code))!;
  }

  @FieldResolver(() => GeoLocation, {
    nullable: true,
    description:
      'A point in the territory, at the precision this viewer may see; null when hidden. Never finer than ' +
      'COUNTRY where peoples in voluntary isolation live. ' +
      'Precision follows one monotone rule over HIDDEN < COUNTRY < GRID_10KM < EXACT: no API key gets less than a ' +
      'request without one, and a consent decision withholding it from a role also withholds it from every ' +
      'role that sees less (anonymous included).',
  })
  async location(@Root() territory: IndigenousTerritory, @Ctx() ctx: RequestContext): Promise<GeoLocation | null> {
    const served = await servedTerritoryById(ctx).load(territory.id);
    if (!served) return null;
    const { latitude, longitude, country } = served.record;
    return servedLocation({ latitude, longitude, countryCode: country.code }, served.locationAccess);
  }
}
