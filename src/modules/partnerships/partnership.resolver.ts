import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { CoordinationOffice } from '../members/coordination-office.entity';
import { Member } from '../members/member.entity';
import { coordinationOfficeById, memberById } from '../members/member.loaders';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { organisationById } from '../indigenous/indigenous-organisation.loaders';
import { PartnershipConnection } from './partnership.connection';
import { Partnership } from './partnership.entity';
import { PartnershipFilter, PartnershipInput, PartnershipUpdate } from './partnership.inputs';
import { createPartnership, listPartnerships, updatePartnership } from './partnership.service';

@Resolver(() => Partnership)
export class PartnershipResolver {
  @Query(() => PartnershipConnection, {
    description: 'Partnerships the viewer may see, oldest first (RESTRICTED ones: secretariat, liaison and partners).',
  })
  async partnerships(
    @Args() page: PageArgs,
    @Arg('filter', () => PartnershipFilter, { nullable: true, description: 'Conditions the partnerships must meet.' })
    filter: PartnershipFilter | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PartnershipConnection> {
    const withTotalCount = selectionOf(info).has('totalCount');
    return new PartnershipConnection(await listPartnerships(ctx, { ...page, filter }, withTotalCount));
  }

  @Mutation(() => Partnership, { description: 'Adds a partnership. COICA_LIAISON or ADMIN.' })
  createPartnership(
    @Arg('input', () => PartnershipInput, { description: 'The new partnership.' }) input: PartnershipInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Partnership> {
    return createPartnership(ctx, input);
  }

  @Mutation(() => Partnership, {
    description: 'Changes a partnership. COICA_LIAISON or ADMIN; a stale `version` gives CONFLICT.',
  })
  updatePartnership(
    @Arg('id', () => ID, { description: 'The partnership to change.' }) id: string,
    @Arg('version', () => Int, { description: 'The version last read; a stale one gives CONFLICT.' }) version: number,
    @Arg('input', () => PartnershipUpdate, { description: 'The fields to change.' }) input: PartnershipUpdate,
    @Ctx() ctx: RequestContext,
  ): Promise<Partnership> {
    return updatePartnership(ctx, id, version, input);
  }

  @FieldResolver(() => IndigenousOrganisation, { description: 'The indigenous partner organisation.' })
  async organisation(@Root() partnership: Partnership, @Ctx() ctx: RequestContext): Promise<IndigenousOrganisation> {
    return (await organisationById(ctx).load(partnership.organisation.id))!;
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member partner, when it is a member.' })
  member(@Root() partnership: Partnership, @Ctx() ctx: RequestContext): Promise<Member | null> | null {
    return partnership.member ? memberById(ctx).load(partnership.member.id) : null;
  }

  @FieldResolver(() => CoordinationOffice, {
    nullable: true,
    description: 'The coordination office partner, when it is an office.',
  })
  coordinationOffice(
    @Root() partnership: Partnership,
    @Ctx() ctx: RequestContext,
  ): Promise<CoordinationOffice | null> | null {
    return partnership.coordinationOffice ? coordinationOfficeById(ctx).load(partnership.coordinationOffice.id) : null;
  }
}
