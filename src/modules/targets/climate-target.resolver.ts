import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { ClimateTargetInput } from './climate-target.inputs';
import { ClimateTarget } from './climate-target.entity';
import { targetProgressByTarget } from './progress.loaders';
import type { TargetProgress } from './target-progress';
import { ClimateTargetProgress } from './target-progress.type';
import { removeClimateTarget, setClimateTarget } from './climate-target.service';

@Resolver(() => ClimateTarget)
export class ClimateTargetResolver {
  @Mutation(() => ClimateTarget, {
    description:
      "Adds a target to a member, or changes one (pass its id and current `version`; stale → CONFLICT). The member's " +
      'MEMBER_EDITOR or ADMIN. Invalid terms are refused naming the field (e.g. input.baseYear) and nothing is written.',
  })
  setClimateTarget(
    @Arg('input', () => ClimateTargetInput) input: ClimateTargetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ClimateTarget> {
    return setClimateTarget(ctx, input);
  }

  @Mutation(() => ClimateTarget, {
    description:
      "Removes a target at its current `version` (stale → CONFLICT) and returns it as it was; the member's " +
      'MEMBER_EDITOR or ADMIN. The Charter target cannot be removed.',
  })
  removeClimateTarget(
    @Arg('id', () => ID, { description: 'The target.' }) id: string,
    @Arg('version', () => Int, { description: 'Its current version.' }) version: number,
    @Ctx() ctx: RequestContext,
  ): Promise<ClimateTarget> {
    return removeClimateTarget(ctx, id, version);
  }

  @FieldResolver(() => ClimateTargetProgress, {
    nullable: true,
    description: 'Progress against this target, with its inputs; null only for a target just removed.',
  })
  progress(@Root() target: { id: string }, @Ctx() ctx: RequestContext): Promise<TargetProgress | null> {
    return targetProgressByTarget(ctx).load(target.id);
  }
}
