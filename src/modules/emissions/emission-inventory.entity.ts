import { DecimalType, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { VersionedEntity } from '../../db/base.entity';
import { Member } from '../members/member.entity';
import { DataSource } from './data-source.entity';
import { InventoryStandard, VerificationStatus } from './emission.enums';

@ObjectType({
  description: "A member's greenhouse-gas inventory for one year and standard; its totals are the sums of its records.",
})
@Entity({ tableName: 'emission_inventory' })
@Unique({ name: 'emission_inventory_member_year_standard_unique', properties: ['member', 'year', 'standard'] })
@Index({ name: 'emission_inventory_year_idx', properties: ['year'] })
export class EmissionInventory extends VersionedEntity<'totalEmissionsTco2e' | 'totalFinalEnergyMwh'> {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Field(() => Int, { description: 'The year the inventory accounts for.' })
  @Property()
  year!: number;

  @Field(() => InventoryStandard, { description: 'The methodology used.' })
  @Enum({ items: () => InventoryStandard, nativeEnumName: 'inventory_standard' })
  standard!: InventoryStandard;

  @Field({ description: 'Whether the member declared this inventory its baseline.' })
  @Property()
  isBaseline: boolean = false;

  @Field(() => VerificationStatus, { description: 'How far the inventory has been checked.' })
  @Enum({ items: () => VerificationStatus, nativeEnumName: 'verification_status' })
  verificationStatus: VerificationStatus = VerificationStatus.SELF_REPORTED;

  @Field({ description: 'Whether anyone may see it; otherwise only API keys (partners and up) see it.' })
  @Property()
  isPublic: boolean = true;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the member published it.' })
  @Property({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null = null;

  @ManyToOne(() => DataSource, { ref: true, nullable: true, deleteRule: 'set null' })
  dataSource: Ref<DataSource> | null = null;

  @Field(() => String, { nullable: true, description: 'The tool it was made with, e.g. "Klimaschutz-Planer".' })
  @Property({ length: 100, nullable: true })
  toolName: string | null = null;

  /** Sum of the records' emissions, written in the same transaction as the records (see inventory-totals.sql.ts). */
  @Field(() => Float, { description: 'Sum of emissionsTco2e over the records (records with a notation key add 0).' })
  @Property({ type: new DecimalType('number'), precision: 16, scale: 3 })
  totalEmissionsTco2e: number = 0;

  @Field(() => Float, {
    nullable: true,
    description: 'Sum of finalEnergyMwh over the records; null when no record gives energy.',
  })
  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  totalFinalEnergyMwh: number | null = null;

  @Field(() => Int, { description: 'Rises with every resubmission.' })
  declare version: number;

  @Field(() => DateTimeScalar, { description: 'When the inventory was last submitted.' })
  declare updatedAt: Date;
}
