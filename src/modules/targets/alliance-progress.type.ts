import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { MemberCategory, MembershipStatus } from '../members/member.enums';

@ObjectType({ description: 'The network in one year.' })
export class AllianceYear {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, {
    description: "Sum of the reporting members' emissions that year (preferred inventory each), tonnes CO2e.",
  })
  emissionsTco2e!: number;

  @Field(() => Int, { description: 'How many members have an inventory for that year.' })
  reportingMembers!: number;
}

@ObjectType({
  description:
    'The network as a whole: emissions per year, and how many members stand where against the Charter target. ' +
    'Without an API key only public inventories count.',
})
export class AllianceProgress {
  @Field(() => [AllianceYear], { description: 'Every year with at least one inventory, oldest first.' })
  years!: AllianceYear[];

  @Field(() => Int, { description: 'Members counted (onTrack + slightlyOff + offTrack + noData).' })
  memberCount!: number;

  @Field(() => Int, { description: 'Members with status ON_TRACK.' })
  onTrackCount!: number;

  @Field(() => Int, { description: 'Members with status SLIGHTLY_OFF (at most 10 % above the path).' })
  slightlyOffCount!: number;

  @Field(() => Int, { description: 'Members with status OFF_TRACK (more than 10 % above the path).' })
  offTrackCount!: number;

  @Field(() => Int, { description: 'Members with status NO_DATA.' })
  noDataCount!: number;
}

@InputType({ description: 'Which members and years allianceProgress covers.' })
export class AllianceProgressFilter {
  @Field(() => [String], { nullable: true, description: 'Members in these countries (ISO alpha-2, at most 100).' })
  countryCodes?: string[];

  @Field(() => [MemberCategory], { nullable: true, description: 'Members of these categories.' })
  memberCategories?: MemberCategory[];

  @Field(() => [MembershipStatus], {
    nullable: true,
    description: 'Members with these statuses; default: every member that has not left (all but LEFT).',
  })
  memberStatuses?: MembershipStatus[];

  @Field(() => Int, { nullable: true, description: 'Years from this one on (for `years`).' })
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: 'Years up to and including this one (for `years`).' })
  toYear?: number;
}
