import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { TargetLegalStatus, TargetOrigin, TargetType } from './target.enums';

@InputType({
  description:
    "A member's climate target, new (no id) or replacing one (id and its current version). The Charter target is " +
    'implied for every member that has not left and cannot be set here.',
})
export class ClimateTargetInput {
  @Field(() => ID, { nullable: true, description: 'The target to change; none to add one.' })
  id?: string | null;

  @Field(() => Int, { nullable: true, description: 'The current version of the target `id` (stale → CONFLICT).' })
  version?: number | null;

  @Field(() => ID, { description: 'The member the target is for.' })
  memberId!: string;

  @Field(() => TargetOrigin, { description: 'Who set it; not CLIMATE_ALLIANCE_CHARTER.' })
  origin!: TargetOrigin;

  @Field(() => TargetType, { description: 'What it measures; decides which of the fields below are needed.' })
  type!: TargetType;

  @Field(() => Int, {
    nullable: true,
    description:
      'The year reductions are measured against, 1990 to the current year, not after targetYear: required for ' +
      'BASE_YEAR_ABSOLUTE, optional otherwise (default: the baseline inventory).',
  })
  baseYear?: number | null;

  @Field(() => Int, { description: 'The year the target is to be met, 1990 to 2100.' })
  targetYear!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Reduction against baseYear in percent, above 0 up to 100: required for BASE_YEAR_ABSOLUTE only.',
  })
  reductionPercent?: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Tonnes CO2e per inhabitant to reach, 0.001 to below 1000: required for PER_CAPITA_LEVEL only.',
  })
  perCapitaTargetT?: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Tonnes CO2e a year, 0 or more: required for FIXED_LEVEL; for NET_ZERO the residual allowed (default 0); ' +
      'not for the other types.',
  })
  levelTco2e?: number | null;

  @Field(() => TargetLegalStatus, { description: 'How binding the target is.' })
  legalStatus!: TargetLegalStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When the target was adopted.' })
  adoptedOn?: string | null;
}
