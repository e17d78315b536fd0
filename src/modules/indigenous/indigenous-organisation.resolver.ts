import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { Country } from '../members/country.entity';
import { countryByCode } from '../members/member.loaders';
import { IndigenousOrganisationConnection } from './indigenous-organisation.connection';
import { IndigenousOrganisation } from './indigenous-organisation.entity';
import { IndigenousOrganisationFilter } from './indigenous-organisation.inputs';
import { organisationById, organisationsByParent } from './indigenous-organisation.loaders';
import { getOrganisation, listOrganisations } from './indigenous-organisation.service';
import { IndigenousTerritory } from './indigenous-territory.entity';
import { servedTerritoriesBySteward } from './territory.loaders';

@Resolver(() => IndigenousOrganisation)
export class IndigenousOrganisationResolver {
  @Query(() => IndigenousOrganisationConnection, {
    description: 'COICA, its national organisations and theirs, by acronym, a page at a time.',
  })
  async indigenousOrganisations(
    @Args() page: PageArgs,
    @Arg('filter', () => IndigenousOrganisationFilter, {
      nullable: true,
      description: 'Conditions the organisations must meet.',
    })
    filter: IndigenousOrganisationFilter | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<IndigenousOrganisationConnection> {
    const withTotalCount = selectionOf(info).has('totalCount');
    return new IndigenousOrganisationConnection(await listOrganisations(ctx, { ...page, filter }, withTotalCount));
  }

  @Query(() => IndigenousOrganisation, { nullable: true, description: 'One organisation by id; null when unknown.' })
  indigenousOrganisation(
    @Arg('id', () => ID, { description: 'The organisation id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<IndigenousOrganisation | null> {
    return getOrganisation(ctx, id);
  }

  @FieldResolver(() => Country, {
    nullable: true,
    description: 'The country it works in; null for COICA, which spans the basin.',
  })
  country(@Root() organisation: IndigenousOrganisation, @Ctx() ctx: RequestContext): Promise<Country | null> | null {
    return organisation.country ? countryByCode(ctx).load(organisation.country.code) : null;
  }

  @FieldResolver(() => IndigenousOrganisation, {
    nullable: true,
    description: 'The organisation it belongs to (e.g. AIDESEP → COICA, FOIRN → COIAB); null for COICA.',
  })
  parent(
    @Root() organisation: IndigenousOrganisation,
    @Ctx() ctx: RequestContext,
  ): Promise<IndigenousOrganisation | null> | null {
    return organisation.parent ? organisationById(ctx).load(organisation.parent.id) : null;
  }

  @FieldResolver(() => [IndigenousOrganisation], {
    description: 'The organisations directly under it (for COICA: the nine national organisations), by acronym.',
  })
  members(@Root() organisation: IndigenousOrganisation, @Ctx() ctx: RequestContext): Promise<IndigenousOrganisation[]> {
    return organisationsByParent(ctx).load(organisation.id);
  }

  @FieldResolver(() => [IndigenousTerritory], {
    description: 'The territories it stewards that the viewer may see, by name.',
  })
  async territories(
    @Root() organisation: IndigenousOrganisation,
    @Ctx() ctx: RequestContext,
  ): Promise<IndigenousTerritory[]> {
    return (await servedTerritoriesBySteward(ctx).load(organisation.id)).map((served) => served.record);
  }
}
