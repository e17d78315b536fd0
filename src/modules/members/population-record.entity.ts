import { Entity, ManyToOne, Property, Unique, type Ref } from '@mikro-orm/postgresql';
import { Field, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Member } from './member.entity';

@ObjectType({ description: "A member's population in one year." })
@Entity({ tableName: 'population_record' })
@Unique({ name: 'population_record_member_year_unique', properties: ['member', 'year'] })
export class PopulationRecord extends BaseEntity {
  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Field(() => Int, { description: 'The year counted.' })
  @Property()
  year!: number;

  @Field(() => Int, { description: 'Inhabitants in that year.' })
  @Property()
  population!: number;
}
