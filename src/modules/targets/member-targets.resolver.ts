import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { plannedField } from '../../common/read-plan';
import { selectionOf } from '../../common/selection';
import { Member } from '../members/member.entity';
import type { MemberParent } from '../members/member-parent';
import { ClimateProgress } from './climate-progress.type';
import { ClimateTarget } from './climate-target.entity';
import { charterProgressByMember, targetsByMember } from './progress.loaders';

/** Member fields of the targets area. */
@Resolver(() => Member)
export class MemberTargetsResolver {
  @FieldResolver(() => [ClimateTarget], {
    description: "The member's climate targets: the Charter target first, then by origin and target year.",
  })
  targets(
    @Root() member: MemberParent,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): ClimateTarget[] | Promise<ClimateTarget[]> {
    return plannedField<ClimateTarget[]>(member, 'targets') ?? targetsByMember(ctx, selectionOf(info)).load(member.id);
  }

  @FieldResolver(() => ClimateProgress, { description: 'Progress against the Charter target, with its inputs.' })
  progress(@Root() member: MemberParent, @Ctx() ctx: RequestContext): Promise<ClimateProgress> {
    return charterProgressByMember(ctx).load(member.id);
  }
}
