import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { GeoLocation } from '../governance/geo-location.type';
import { servedLocation } from '../governance/served-location';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { organisationById } from '../indigenous/indigenous-organisation.loaders';
import { IndigenousTerritory } from '../indigenous/indigenous-territory.entity';
import { servedTerritoryById } from '../indigenous/territory.loaders';
import { Partnership } from '../partnerships/partnership.entity';
import { visiblePartnershipById } from '../partnerships/partnership.loaders';
import { Country } from '../members/country.entity';
import { Member } from '../members/member.entity';
import { countryByCode } from '../members/member.loaders';
import { BiodiversityProject } from './biodiversity-project.entity';
import { servedProjectById, supportingMembersByProject } from './project.loaders';

@Resolver(() => BiodiversityProject)
export class BiodiversityProjectFieldsResolver {
  @FieldResolver(() => IndigenousOrganisation, { description: 'The indigenous organisation carrying it out.' })
  async implementingOrganisation(
    @Root() project: BiodiversityProject,
    @Ctx() ctx: RequestContext,
  ): Promise<IndigenousOrganisation> {
    return (await organisationById(ctx).load(project.implementingOrganisation.id))!;
  }

  @FieldResolver(() => IndigenousOrganisation, {
    description: 'The organisation that stewards its data and alone decides consent over it.',
  })
  async dataSteward(@Root() project: BiodiversityProject, @Ctx() ctx: RequestContext): Promise<IndigenousOrganisation> {
    return (await organisationById(ctx).load(project.dataSteward.id))!;
  }

  @FieldResolver(() => [Member], { description: 'The members supporting it, by name.' })
  supportingMembers(@Root() project: BiodiversityProject, @Ctx() ctx: RequestContext): Promise<Member[]> {
    return supportingMembersByProject(ctx).load(project.id);
  }

  @FieldResolver(() => GeoLocation, {
    nullable: true,
    description:
      'The site, at the precision this viewer may see (decided on the server from role, visibility and consent); ' +
      'null when hidden. Never finer than COUNTRY where peoples in voluntary isolation are concerned. ' +
      'Precision follows one monotone rule over HIDDEN < COUNTRY < GRID_10KM < EXACT: no API key gets less than a ' +
      'request without one, and a consent decision withholding it from a role also withholds it from every ' +
      'role that sees less (anonymous included).',
  })
  async location(@Root() project: BiodiversityProject, @Ctx() ctx: RequestContext): Promise<GeoLocation | null> {
    const served = await servedProjectById(ctx).load(project.id);
    if (!served) return null;
    const { latitude, longitude, country } = served.record;
    return servedLocation({ latitude, longitude, countryCode: country.code }, served.locationAccess);
  }

  @FieldResolver(() => Boolean, {
    description:
      'Whether the project concerns peoples in voluntary isolation, itself or through its territory (the same answer ' +
      'the filter, the location cap and the totals use): its location is then never shown below country level.',
  })
  async concernsIsolatedPeoples(@Root() project: BiodiversityProject, @Ctx() ctx: RequestContext): Promise<boolean> {
    const served = await servedProjectById(ctx).load(project.id);
    if (served) return served.facts.touchesIsolatedPeoples;
    // a writer may change a project it may not read (the liaison, a restricted one): answer from the tables
    if (project.concernsIsolatedPeoples || !project.territory) return project.concernsIsolatedPeoples;
    const territory = await ctx.em.findOne(IndigenousTerritory, { id: project.territory.id });
    return territory?.containsIsolatedPeoples ?? false;
  }

  @FieldResolver(() => Country, { description: 'The country of the site.' })
  async country(@Root() project: BiodiversityProject, @Ctx() ctx: RequestContext): Promise<Country> {
    return (await countryByCode(ctx).load(project.country.code))!;
  }

  @FieldResolver(() => IndigenousTerritory, {
    nullable: true,
    description: 'The territory the site lies in; null when none or the viewer may not see it.',
  })
  territory(
    @Root() project: BiodiversityProject,
    @Ctx() ctx: RequestContext,
  ): Promise<IndigenousTerritory | null> | null {
    return project.territory
      ? servedTerritoryById(ctx)
          .load(project.territory.id)
          .then((served) => served?.record ?? null)
      : null;
  }

  @FieldResolver(() => Partnership, {
    nullable: true,
    description: 'The partnership that funds it; null when none or the viewer may not see it.',
  })
  partnership(@Root() project: BiodiversityProject, @Ctx() ctx: RequestContext): Promise<Partnership | null> | null {
    return project.partnership ? visiblePartnershipById(ctx).load(project.partnership.id) : null;
  }
}
