import { ArrayType, Entity, Enum, Index, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Country } from '../members/country.entity';
import { IndigenousOrganisationLevel } from './indigenous.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'An organisation of the indigenous peoples of the Amazon: COICA, its national organisations and theirs.',
})
@Entity({ tableName: 'indigenous_organisation' })
export class IndigenousOrganisation extends BaseEntity<'alternateNames' | 'peoples'> {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  declare id: string;

  @Field({ description: 'The acronym it is known by, e.g. "AIDESEP".' })
  @Unique({ name: 'indigenous_organisation_acronym_unique' })
  @Property({ length: 30 })
  acronym!: string;

  @Field({ description: 'The full name in its own language.' })
  @Property({ length: 300 })
  name!: string;

  @Field(() => [String], { description: 'Other names: translations, former names and acronyms.' })
  @Property({ type: ArrayType })
  alternateNames: string[] = [];

  @Field(() => IndigenousOrganisationLevel, { description: 'Its level in the COICA hierarchy.' })
  @Enum({ items: () => IndigenousOrganisationLevel, nativeEnumName: 'indigenous_organisation_level' })
  level!: IndigenousOrganisationLevel;

  @ManyToOne(() => Country, { ref: true, nullable: true })
  country: Ref<Country> | null = null;

  @Index({ name: 'indigenous_organisation_parent_idx' })
  @ManyToOne(() => IndigenousOrganisation, { ref: true, nullable: true })
  parent: Ref<IndigenousOrganisation> | null = null;

  @Field(() => [String], { description: 'The peoples (nationalities) it represents, e.g. "Asháninka".' })
  @Property({ type: ArrayType })
  peoples: string[] = [];

  @Field(() => String, { nullable: true, description: 'Seat of the organisation, e.g. "Quito, Ecuador".' })
  @Property({ length: 200, nullable: true })
  headquarters: string | null = null;

  @Field(() => Int, { nullable: true, description: 'The year it was founded.' })
  @Property({ type: 'integer', nullable: true })
  foundedYear: number | null = null;

  @Field(() => String, { nullable: true, description: 'Where it was founded, e.g. "Lima, Peru" for COICA.' })
  @Property({ length: 200, nullable: true })
  foundedIn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Website of the organisation.' })
  @Property({ length: 300, nullable: true })
  website: string | null = null;
}
