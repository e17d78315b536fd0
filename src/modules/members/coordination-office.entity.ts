import { Entity, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Country } from './country.entity';

@ObjectType({ description: 'A national coordination office of the Climate Alliance (e.g. Klimabündnis Österreich).' })
@Entity({ tableName: 'coordination_office' })
export class CoordinationOffice extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'The office name, e.g. "Klimabündnis Österreich".' })
  @Property({ length: 200 })
  name!: string;

  @ManyToOne(() => Country, { ref: true })
  country!: Ref<Country>;

  @Field(() => String, { nullable: true, description: 'Website of the office.' })
  @Property({ length: 300, nullable: true })
  website: string | null = null;
}
