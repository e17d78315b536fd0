import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { isPlanned } from '../../common/read-plan';
import { selectionOf } from '../../common/selection';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { CoordinationOffice } from './coordination-office.entity';
import { Country } from './country.entity';
import { MemberConnection } from './member.connection';
import { Member } from './member.entity';
import type { MemberParent } from './member-parent';
import { MemberFilter, MemberInput, MemberOrder, MemberUpdate } from './member.inputs';
import { coordinationOfficeById, countryByCode, latestPopulationOf, populationHistoryByMember } from './member.loaders';
import { createMember, listMembers, readMember, updateMember } from './member.service';
import { PopulationRecord } from './population-record.entity';

@Resolver(() => Member)
export class MemberResolver {
  @Query(() => MemberConnection, { description: 'Members of the alliance, filtered and ordered, a page at a time.' })
  async members(
    @Args() page: PageArgs,
    @Arg('filter', () => MemberFilter, { nullable: true }) filter: MemberFilter | null,
    @Arg('orderBy', () => MemberOrder, { nullable: true, description: 'Default: by name, ascending.' })
    orderBy: MemberOrder | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MemberConnection> {
    return new MemberConnection(await listMembers(ctx, { ...page, filter, orderBy }, selectionOf(info)));
  }

  @Query(() => Member, { nullable: true, description: 'One member by id; null when there is none.' })
  member(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Member | null> {
    return readMember(ctx, id, info);
  }

  @Mutation(() => Member, { description: 'Adds a member. ADMIN only.' })
  createMember(@Arg('input', () => MemberInput) input: MemberInput, @Ctx() ctx: RequestContext): Promise<Member> {
    return createMember(ctx, input);
  }

  @Mutation(() => Member, {
    description:
      'Changes a member. ADMIN only. `version` must be the current one, else CONFLICT (someone changed it since).',
  })
  updateMember(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => MemberUpdate) input: MemberUpdate,
    @Ctx() ctx: RequestContext,
  ): Promise<Member> {
    return updateMember(ctx, id, version, input);
  }

  @FieldResolver(() => Country, { description: 'The country the member is in.' })
  country(@Root() member: MemberParent, @Ctx() ctx: RequestContext): Country | Promise<Country> {
    if (isPlanned(member.country)) return member.country as unknown as Country;
    return countryByCode(ctx)
      .load(member.country.code)
      .then((country) => country!);
  }

  @FieldResolver(() => CoordinationOffice, {
    nullable: true,
    description: 'The national coordination office serving it.',
  })
  coordinationOffice(
    @Root() member: MemberParent,
    @Ctx() ctx: RequestContext,
  ): CoordinationOffice | Promise<CoordinationOffice | null> | null {
    const office = member.coordinationOffice;
    if (!office || isPlanned(office)) return office as CoordinationOffice | null;
    return coordinationOfficeById(ctx).load(office.id);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'The latest recorded population.' })
  population(@Root() member: MemberParent, @Ctx() ctx: RequestContext): number | null | Promise<number | null> {
    return latestPopulationOf(ctx, member);
  }

  @FieldResolver(() => [PopulationRecord], { description: 'Population by year, oldest first.' })
  populationHistory(@Root() member: MemberParent, @Ctx() ctx: RequestContext): Promise<PopulationRecord[]> {
    return populationHistoryByMember(ctx).load(member.id);
  }
}
