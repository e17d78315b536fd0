import { DecimalType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { EnergyCarrier } from '../emissions/emission.enums';
import { EmissionFactorSet } from './emission-factor-set.entity';

@ObjectType({
  description:
    'One factor of a set: tonnes CO2e per MWh of final energy of a carrier; for ELECTRICITY per country and year ' +
    '(the national mix), for fuels one value for every country and year.',
})
@Entity({ tableName: 'emission_factor' })
@Index({ name: 'emission_factor_set_idx', properties: ['set'] })
export class EmissionFactor extends BaseEntity {
  @ManyToOne(() => EmissionFactorSet, { ref: true, deleteRule: 'cascade' })
  set!: Ref<EmissionFactorSet>;

  @Field(() => EnergyCarrier)
  @Enum({ items: () => EnergyCarrier, nativeEnumName: 'energy_carrier' })
  energyCarrier!: EnergyCarrier;

  @Field(() => String, { nullable: true, description: 'ISO alpha-2 country (electricity); null: every country.' })
  @Property({ length: 2, nullable: true })
  countryCode: string | null = null;

  @Field(() => Int, { nullable: true, description: 'The year it applies to (electricity); null: every year.' })
  @Property({ type: 'integer', nullable: true })
  year: number | null = null;

  @Field(() => Float, { description: 'Tonnes CO2e per MWh of final energy.' })
  @Property({ type: new DecimalType('number'), precision: 10, scale: 6 })
  tco2ePerMwh!: number;
}
