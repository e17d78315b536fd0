import { Field, Float, InputType, Int, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { OrderDirection } from '../../common/order';
import { TargetProgressFilter } from '../targets/target-progress.filter';
import { TrajectoryStatus } from '../targets/target.enums';
import { MemberCategory, MembershipStatus, MembershipType } from './member.enums';

@InputType({ description: 'Narrows the members list; all given conditions must hold.' })
export class MemberFilter {
  @Field(() => [String], { nullable: true, description: 'ISO alpha-2 codes of the countries (at most 100).' })
  countryCodes?: string[];

  @Field(() => [MemberCategory], { nullable: true, description: 'Any of these categories.' })
  categories?: MemberCategory[];

  @Field(() => [MembershipStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: MembershipStatus[];

  @Field(() => [MembershipType], { nullable: true, description: 'Any of these membership types.' })
  membershipTypes?: MembershipType[];

  @Field(() => String, { nullable: true, description: 'Part of the name, case-insensitive.' })
  nameContains?: string;

  @Field(() => Int, { nullable: true, description: 'Latest population at least this.' })
  populationMin?: number;

  @Field(() => Int, { nullable: true, description: 'Latest population at most this.' })
  populationMax?: number;

  @Field(() => DateScalar, { nullable: true, description: 'Joined on or after this date.' })
  joinedAfter?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Joined on or before this date.' })
  joinedBefore?: string;

  @Field(() => [TrajectoryStatus], {
    nullable: true,
    description: 'Members whose Charter progress (Member.progress.status) is any of these.',
  })
  progressStatuses?: TrajectoryStatus[];

  @Field(() => TargetProgressFilter, {
    nullable: true,
    description: 'Members with at least one climate target matching this (its origin, type, year and progress).',
  })
  targetProgress?: TargetProgressFilter;
}

export enum MemberOrderField {
  NAME = 'NAME',
  POPULATION = 'POPULATION',
  JOINED_ON = 'JOINED_ON',
  REDUCTION_PERCENT = 'REDUCTION_PERCENT',
}

registerEnumType(MemberOrderField, {
  name: 'MemberOrderField',
  description: 'What to sort members by.',
  valuesConfig: {
    REDUCTION_PERCENT: { description: 'Member.progress.reductionPercent; members without one come last.' },
  },
});

@InputType({ description: 'Sort order of the members list (ties are broken by id).' })
export class MemberOrder {
  @Field(() => MemberOrderField, { description: 'The field to sort by.' })
  field!: MemberOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'ASC or DESC.' })
  direction: OrderDirection = OrderDirection.ASC;
}

@InputType({ description: "A member's population in one year." })
export class PopulationInput {
  @Field(() => Int, { description: 'The year counted, 1950 or later.' })
  year!: number;

  @Field(() => Int, { description: 'Inhabitants, 0 or more.' })
  population!: number;
}

@InputType({ description: 'The fields of a member that can be changed; omitted fields stay as they are.' })
export class MemberUpdate {
  @Field(() => String, { nullable: true, description: 'The name, 1 to 200 characters.' })
  name?: string;

  @Field(() => MemberCategory, { nullable: true })
  category?: MemberCategory;

  @Field(() => MembershipType, { nullable: true })
  membershipType?: MembershipType;

  @Field(() => MembershipStatus, { nullable: true })
  status?: MembershipStatus;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2 code of a known country.' })
  countryCode?: string;

  @Field(() => String, { nullable: true, description: 'ID of a coordination office.' })
  coordinationOfficeId?: string | null;

  @Field(() => DateScalar, { nullable: true })
  joinedOn?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Must not be before joinedOn.' })
  leftOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the council resolution, at most 200 characters.' })
  councilResolutionRef?: string | null;

  @Field(() => Float, { nullable: true, description: 'From -90 to 90.' })
  latitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'From -180 to 180.' })
  longitude?: number | null;

  @Field(() => Float, { nullable: true, description: 'Area in km², 0 or more.' })
  areaKm2?: number | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL, at most 300 characters.' })
  website?: string | null;

  @Field(() => [PopulationInput], {
    nullable: true,
    description: 'Population records to add or replace, by year (at most 100).',
  })
  populations?: PopulationInput[];
}

@InputType({ description: 'A new member.' })
export class MemberInput extends MemberUpdate {
  @Field({ description: 'The name, 1 to 200 characters.' })
  declare name: string;

  @Field(() => MemberCategory)
  declare category: MemberCategory;

  @Field(() => MembershipType, { defaultValue: MembershipType.FULL })
  declare membershipType: MembershipType;

  @Field(() => MembershipStatus, { defaultValue: MembershipStatus.ACTIVE })
  declare status: MembershipStatus;

  @Field({ description: 'ISO alpha-2 code of a known country.' })
  declare countryCode: string;
}
