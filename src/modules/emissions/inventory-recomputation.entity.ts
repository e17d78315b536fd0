import { DecimalType, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, Float, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { BaseEntity } from '../../db/base.entity';
import { EmissionFactorSet } from '../factors/emission-factor-set.entity';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionScope, EnergyCarrier, Sector } from './emission.enums';

@ObjectType({ description: 'A computed record as it was before a recomputation.' })
export class RecomputedRecord {
  @Field(() => Sector)
  sector!: Sector;

  @Field(() => EnergyCarrier)
  energyCarrier!: EnergyCarrier;

  @Field(() => EmissionScope)
  scope!: EmissionScope;

  @Field(() => Float)
  finalEnergyMwh!: number;

  @Field(() => Float, { description: 'The emissions before, tonnes CO2e.' })
  emissionsTco2e!: number;

  @Field(() => Float, { description: 'The factor they were computed with, tonnes CO2e per MWh.' })
  emissionFactorTco2ePerMwh!: number;

  @Field(() => String, { description: 'The id of the factor set version it came from.' })
  emissionFactorSetId!: string;
}

@ObjectType({
  description:
    'One recomputation of an energy balance with another factor set version (recomputeEmissionInventory): the ' +
    'figures before it, so the old figures stay traceable.',
})
@Entity({ tableName: 'inventory_recomputation' })
@Index({ name: 'inventory_recomputation_inventory_idx', properties: ['inventory'] })
export class InventoryRecomputation extends BaseEntity {
  @ManyToOne(() => EmissionInventory, { ref: true, deleteRule: 'cascade' })
  inventory!: Ref<EmissionInventory>;

  @ManyToOne(() => EmissionFactorSet, { ref: true, deleteRule: 'restrict' })
  factorSet!: Ref<EmissionFactorSet>;

  @Field(() => Float, { description: 'The inventory total before, tonnes CO2e.' })
  @Property({ type: new DecimalType('number'), precision: 16, scale: 3 })
  previousTotalEmissionsTco2e!: number;

  @Field(() => Float, { description: 'The inventory total after, tonnes CO2e.' })
  @Property({ type: new DecimalType('number'), precision: 16, scale: 3 })
  totalEmissionsTco2e!: number;

  @Field(() => [RecomputedRecord], { description: 'The computed records as they were before.' })
  @Property({ type: 'jsonb' })
  previousRecords!: RecomputedRecord[];

  @Field(() => DateTimeScalar, { description: 'When it was recomputed.' })
  declare createdAt: Date;
}
