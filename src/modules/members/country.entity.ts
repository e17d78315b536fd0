import { Entity, Enum, OptionalProps, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/postgresql';
import { Directive, Field, ObjectType } from 'type-graphql';
import { CountryRegion } from './member.enums';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'A country where the alliance has members or indigenous partners.' })
@Entity({ tableName: 'country' })
export class Country {
  [PrimaryKeyProp]?: 'code';
  [OptionalProps]?: 'isMemberCountry' | 'createdAt' | 'updatedAt';

  @Field({ description: 'ISO 3166-1 alpha-2 code, e.g. AT.' })
  @PrimaryKey({ length: 2 })
  code!: string;

  @Field({ description: 'English short name, e.g. Austria.' })
  @Property({ length: 100 })
  name!: string;

  @Field(() => CountryRegion, { description: 'Europe or the Amazon Basin.' })
  @Enum({ items: () => CountryRegion, nativeEnumName: 'country_region' })
  region!: CountryRegion;

  @Field({ description: 'Whether the Climate Alliance has member municipalities or regions here.' })
  @Property()
  isMemberCountry: boolean = false;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
