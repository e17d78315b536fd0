import { DecimalType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { VersionedEntity } from '../../db/base.entity';
import { Member } from '../members/member.entity';
import { TargetLegalStatus, TargetOrigin, TargetType } from './target.enums';

@ObjectType({ description: 'A climate target a member has committed to.' })
@Entity({ tableName: 'climate_target' })
@Index({ name: 'climate_target_member_idx', properties: ['member'] })
export class ClimateTarget extends VersionedEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Field(() => TargetOrigin, { description: 'Who set the target.' })
  @Enum({ items: () => TargetOrigin, nativeEnumName: 'target_origin' })
  origin!: TargetOrigin;

  @Field(() => TargetType, { description: 'What the target measures.' })
  @Enum({ items: () => TargetType, nativeEnumName: 'target_type' })
  type!: TargetType;

  @Field(() => Int, { nullable: true, description: 'The year reductions are measured against.' })
  @Property({ type: 'integer', nullable: true })
  baseYear: number | null = null;

  @Field(() => Int, { description: 'The year the target is to be met.' })
  @Property()
  targetYear!: number;

  @Field(() => Float, { nullable: true, description: 'Reduction against baseYear, in percent (95 = −95 %).' })
  @Property({ type: new DecimalType('number'), precision: 5, scale: 2, nullable: true })
  reductionPercent: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Tonnes CO2e per inhabitant to reach, for PER_CAPITA_LEVEL.' })
  @Property({ type: new DecimalType('number'), precision: 8, scale: 3, nullable: true })
  perCapitaTargetT: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Tonnes CO2e a year to reach: required for FIXED_LEVEL; for NET_ZERO the residual emissions allowed ' +
      '(offset elsewhere), 0 when not given.',
  })
  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  levelTco2e: number | null = null;

  @Field(() => TargetLegalStatus, { description: 'How binding the target is.' })
  @Enum({ items: () => TargetLegalStatus, nativeEnumName: 'target_legal_status' })
  legalStatus!: TargetLegalStatus;

  @Field(() => DateScalar, { nullable: true, description: 'When the target was adopted.' })
  @Property({ type: 'date', nullable: true })
  adoptedOn: string | null = null;

  @Field(() => Int, { description: 'Rises with every change; setClimateTarget and removeClimateTarget need it.' })
  declare version: number;
}
