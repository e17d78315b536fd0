import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { selectionOf } from '../../common/selection';
import { Member } from '../members/member.entity';
import { memberById } from '../members/member.loaders';
import { complianceByCommitment } from './timber-compliance.loaders';
import { TimberCompliance } from './timber-compliance.type';
import { TimberCommitmentConnection } from './timber-commitment.connection';
import { TimberCommitment } from './timber-commitment.entity';
import { TimberCommitmentFilter, TimberCommitmentInput, TimberCommitmentOrder } from './timber-commitment.inputs';
import { listTimberCommitments, setTimberCommitment } from './timber-commitment.service';
import { TimberProcurement } from './timber-procurement.entity';
import { commitmentProcurements } from './timber-procurement.service';

@Resolver(() => TimberCommitment)
export class TimberCommitmentResolver {
  @Query(() => TimberCommitmentConnection, {
    description: "Members' timber commitments, filtered and ordered, a page at a time. Public.",
  })
  async timberCommitments(
    @Args() page: PageArgs,
    @Arg('filter', () => TimberCommitmentFilter, { nullable: true }) filter: TimberCommitmentFilter | null,
    @Arg('orderBy', () => TimberCommitmentOrder, { nullable: true, description: 'Default: by member name, ascending.' })
    orderBy: TimberCommitmentOrder | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<TimberCommitmentConnection> {
    const withTotalCount = selectionOf(info).has('totalCount');
    return new TimberCommitmentConnection(
      await listTimberCommitments(ctx, { ...page, filter, orderBy }, withTotalCount),
    );
  }

  @Mutation(() => TimberCommitment, {
    description:
      "Creates a member's timber commitment or replaces its terms (pass its current `version`; stale → CONFLICT), " +
      'and re-judges its procurements. MEMBER_EDITOR of that member or ADMIN.',
  })
  setTimberCommitment(
    @Arg('input', () => TimberCommitmentInput) input: TimberCommitmentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<TimberCommitment> {
    return setTimberCommitment(ctx, input);
  }

  @FieldResolver(() => Member, { description: 'The member committed.' })
  async member(@Root() commitment: TimberCommitment, @Ctx() ctx: RequestContext): Promise<Member> {
    return (await memberById(ctx).load(commitment.member.id))!;
  }

  @FieldResolver(() => [TimberProcurement], {
    description:
      'Procurements recorded under it, by year. Network-visible: needs an API key (PARTNER or above); ' +
      'anonymous callers get UNAUTHENTICATED.',
  })
  procurements(
    @Root() commitment: TimberCommitment,
    @Arg('year', () => Int, { nullable: true, description: 'Only this year.' }) year: number | null,
    @Ctx() ctx: RequestContext,
  ): Promise<TimberProcurement[]> {
    return commitmentProcurements(ctx, commitment.id, year ?? null);
  }

  @FieldResolver(() => TimberCompliance, {
    description: 'Compliant and non-compliant volume and value per year, against the current terms. Public.',
  })
  compliance(@Root() commitment: TimberCommitment, @Ctx() ctx: RequestContext): Promise<TimberCompliance> {
    return complianceByCommitment(ctx).load(commitment.id);
  }
}
