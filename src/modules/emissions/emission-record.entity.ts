import { Check, DecimalType, Entity, Enum, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Field, Float, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { EmissionFactorSet } from '../factors/emission-factor-set.entity';
import { EmissionInventory } from './emission-inventory.entity';
import { DataQuality, EmissionScope, EnergyCarrier, NotationKey, Sector } from './emission.enums';

@ObjectType({
  description:
    'One line of an inventory: a sector × energy carrier × scope with its energy and emissions, ' +
    'or a notation key explaining why there is no value.',
})
@Entity({ tableName: 'emission_record' })
@Unique({
  name: 'emission_record_inventory_line_unique',
  properties: ['inventory', 'sector', 'energyCarrier', 'scope'],
})
@Check({
  name: 'emission_record_value_or_notation_key',
  expression: '(emissions_tco2e is null) <> (notation_key is null)',
})
@Check({
  name: 'emission_record_factor_with_set',
  expression: '(emission_factor_tco2e_per_mwh is null) = (emission_factor_set_id is null)',
})
export class EmissionRecord extends BaseEntity {
  @ManyToOne(() => EmissionInventory, { ref: true, deleteRule: 'cascade' })
  inventory!: Ref<EmissionInventory>;

  @Field(() => Sector)
  @Enum({ items: () => Sector, nativeEnumName: 'emission_sector' })
  sector!: Sector;

  @Field(() => EnergyCarrier)
  @Enum({ items: () => EnergyCarrier, nativeEnumName: 'energy_carrier' })
  energyCarrier!: EnergyCarrier;

  @Field(() => EmissionScope)
  @Enum({ items: () => EmissionScope, nativeEnumName: 'emission_scope' })
  scope!: EmissionScope;

  @Field(() => Float, { nullable: true, description: 'Final energy consumed, in MWh.' })
  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  finalEnergyMwh: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Emissions in tonnes CO2e; null when a notation key is given.' })
  @Property({ type: new DecimalType('number'), precision: 16, scale: 3, nullable: true })
  emissionsTco2e: number | null = null;

  @Field(() => Float, {
    nullable: true,
    description:
      'How this figure was computed: for a record of an energy balance, the factor (tonnes CO2e per MWh) that ' +
      'emissionsTco2e = finalEnergyMwh × factor used, from emissionFactorSet; null for a figure entered as it is.',
  })
  @Property({ type: new DecimalType('number'), precision: 10, scale: 6, nullable: true })
  emissionFactorTco2ePerMwh: number | null = null;

  @Field(() => EmissionFactorSet, {
    nullable: true,
    description: 'The factor set version emissionFactorTco2ePerMwh comes from; null for a figure entered as it is.',
  })
  @ManyToOne(() => EmissionFactorSet, { ref: true, nullable: true, deleteRule: 'restrict' })
  emissionFactorSet: Ref<EmissionFactorSet> | null = null;

  @Field(() => DataQuality, { nullable: true, description: 'Quality of the value, A (best) to D.' })
  @Enum({ items: () => DataQuality, nativeEnumName: 'data_quality', nullable: true })
  dataQuality: DataQuality | null = null;

  @Field(() => NotationKey, { nullable: true, description: 'Why there is no value, instead of a value.' })
  @Enum({ items: () => NotationKey, nativeEnumName: 'notation_key', nullable: true })
  notationKey: NotationKey | null = null;

  @Field(() => String, { nullable: true, description: 'The explanation that comes with a notation key.' })
  @Property({ length: 500, nullable: true })
  notationExplanation: string | null = null;
}
