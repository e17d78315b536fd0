import { Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Directive, Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { VersionedEntity } from '../../db/base.entity';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { CoordinationOffice } from './coordination-office.entity';
import { Country } from './country.entity';
import { MemberCategory, MembershipStatus, MembershipType } from './member.enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A city, municipality, district, region or organisation that is a member of the Climate Alliance.',
})
@Entity({ tableName: 'member' })
@Index({ name: 'member_country_status_idx', properties: ['country', 'status'] })
export class Member extends VersionedEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'The name the member uses, e.g. "Frankfurt am Main".' })
  @Index({ name: 'member_name_idx' })
  @Property({ length: 200 })
  name!: string;

  @Field(() => MemberCategory, { description: 'What kind of body the member is.' })
  @Enum({ items: () => MemberCategory, nativeEnumName: 'member_category' })
  category!: MemberCategory;

  @Field(() => MembershipType, { description: 'Full or associate membership.' })
  @Enum({ items: () => MembershipType, nativeEnumName: 'membership_type' })
  membershipType!: MembershipType;

  @Field(() => MembershipStatus, { description: 'Where the membership stands.' })
  @Enum({ items: () => MembershipStatus, nativeEnumName: 'membership_status' })
  status!: MembershipStatus;

  @ManyToOne(() => Country, { ref: true })
  country!: Ref<Country>;

  @ManyToOne(() => CoordinationOffice, { ref: true, nullable: true })
  coordinationOffice: Ref<CoordinationOffice> | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the member joined (its council resolution took effect).',
  })
  @Property({ type: 'date', nullable: true })
  joinedOn: string | null = null;

  @Field(() => DateScalar, { nullable: true, description: 'When the member left, for status LEFT.' })
  @Property({ type: 'date', nullable: true })
  leftOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Reference of the council resolution to join.' })
  @Property({ length: 200, nullable: true })
  councilResolutionRef: string | null = null;

  @Field(() => Float, { nullable: true, description: 'Latitude of the seat of government, WGS 84 degrees.' })
  @Property({ type: 'double', nullable: true })
  latitude: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Longitude of the seat of government, WGS 84 degrees.' })
  @Property({ type: 'double', nullable: true })
  longitude: number | null = null;

  @Field(() => Float, { nullable: true, description: 'Area in km².' })
  @Property({ type: 'double', nullable: true })
  areaKm2: number | null = null;

  @Field(() => String, { nullable: true, description: 'Eurostat LAU code of the municipality.' })
  @Property({ length: 20, nullable: true })
  lauCode: string | null = null;

  @Field(() => String, { nullable: true, description: 'Eurostat NUTS code of the region.' })
  @Property({ length: 10, nullable: true })
  nutsCode: string | null = null;

  @Field(() => String, { nullable: true, description: 'UN/LOCODE, e.g. DE FRA.' })
  @Property({ length: 6, nullable: true })
  unLocode: string | null = null;

  @Field(() => String, { nullable: true, description: 'Covenant of Mayors signatory id, where the member signed.' })
  @Property({ length: 40, nullable: true })
  covenantSignatoryId: string | null = null;

  @Field(() => String, { nullable: true, description: 'Wikidata item id, e.g. Q1794.' })
  @Property({ length: 20, nullable: true })
  wikidataId: string | null = null;

  @Field(() => Int, { nullable: true, description: 'GeoNames id of the place, where it is one.' })
  @Property({ type: 'integer', nullable: true })
  geonamesId: number | null = null;

  @Field(() => String, { nullable: true, description: 'Website of the member.' })
  @Property({ length: 300, nullable: true })
  website: string | null = null;

  @Field(() => Int, { description: 'Rises with every update; pass it back to updateMember.' })
  declare version: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  declare createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  declare updatedAt: Date;
}
