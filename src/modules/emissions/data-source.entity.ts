import { Entity, Property } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { BaseEntity } from '../../db/base.entity';

@ObjectType({ description: 'Where an emission inventory came from: a tool export, a report, a statistics office.' })
@Entity({ tableName: 'data_source' })
export class DataSource extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'Name of the source, e.g. "Klimaschutz-Planer export".' })
  @Property({ length: 200 })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Who publishes it, e.g. "Klima-Bündnis".' })
  @Property({ length: 200, nullable: true })
  publisher: string | null = null;

  @Field(() => String, { nullable: true, description: 'Where it can be found (http or https URL).' })
  @Property({ length: 500, nullable: true })
  url: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the data was retrieved from the source.' })
  @Property({ type: 'timestamptz', nullable: true })
  retrievedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Licence of the data, e.g. "CC BY 4.0".' })
  @Property({ length: 100, nullable: true })
  licence: string | null = null;
}
