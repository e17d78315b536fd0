import { Field, InputType, Int } from 'type-graphql';
import { TargetOrigin, TargetType, TrajectoryStatus } from './target.enums';

@InputType({
  description:
    'Members with at least one target meeting every condition given, e.g. Covenant signatories on track for 2030: ' +
    '{ origins: [COVENANT_OF_MAYORS], targetYear: 2030, statuses: [ON_TRACK] }.',
})
export class TargetProgressFilter {
  @Field(() => [TargetOrigin], { nullable: true, description: 'The target has any of these origins.' })
  origins?: TargetOrigin[];

  @Field(() => [TargetType], { nullable: true, description: 'The target has any of these types.' })
  types?: TargetType[];

  @Field(() => Int, { nullable: true, description: 'The target is to be met in this year.' })
  targetYear?: number;

  @Field(() => [TrajectoryStatus], {
    nullable: true,
    description: 'Its progress (ClimateTarget.progress.status) is any of these.',
  })
  statuses?: TrajectoryStatus[];
}
