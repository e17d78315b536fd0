import { Entity, Enum, Property, Unique } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { BaseEntity } from '../../db/base.entity';
import { InventoryStandard } from '../emissions/emission.enums';

@ObjectType({
  description:
    'A published, versioned set of emission factors (tonnes CO2e per MWh of final energy) that energy balances are ' +
    'computed with. A set never changes: a correction is a new version under the same name, and records keep the ' +
    'version they were computed with.',
})
@Entity({ tableName: 'emission_factor_set' })
@Unique({ name: 'emission_factor_set_name_version_unique', properties: ['name', 'version'] })
export class EmissionFactorSet extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'Name shared by all versions, e.g. "BISKO default (Climate Alliance)".' })
  @Property({ length: 200 })
  name!: string;

  @Field(() => Int, { description: 'Version under the name: 1, then one more for every correction.' })
  @Property()
  version!: number;

  @Field(() => InventoryStandard, {
    description: 'The standard it is for; the newest set of a standard is its default for energy balances.',
  })
  @Enum({ items: () => InventoryStandard, nativeEnumName: 'inventory_standard' })
  standard!: InventoryStandard;

  @Field(() => String, { nullable: true, description: 'What the factors cover and how they were derived.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field({ description: 'Where the factors are published (http or https URL).' })
  @Property({ length: 500 })
  sourceUrl!: string;

  @Field({ description: 'Licence of the factors, e.g. "CC BY 4.0" or "Datenlizenz Deutschland 2.0".' })
  @Property({ length: 100 })
  licence!: string;

  @Field(() => DateTimeScalar, { description: 'When this version was stored.' })
  declare createdAt: Date;
}
