import { Check, DecimalType, Entity, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { Member } from '../members/member.entity';
import { BiodiversityProject } from '../projects/biodiversity-project.entity';
import { Partnership } from '../partnerships/partnership.entity';

@ObjectType({ description: "A member's financial contribution to a project or partnership in one year." })
@Entity({ tableName: 'contribution' })
@Check({ name: 'contribution_one_target_check', expression: '(project_id is null) <> (partnership_id is null)' })
@Check({ name: 'contribution_amount_check', expression: 'amount >= 0' })
export class Contribution extends BaseEntity<'currency'> {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  declare id: string;

  @ManyToOne(() => Member, { ref: true })
  member!: Ref<Member>;

  @Index({ name: 'contribution_project_idx' })
  @ManyToOne(() => BiodiversityProject, { ref: true, nullable: true, deleteRule: 'cascade' })
  project: Ref<BiodiversityProject> | null = null;

  @Index({ name: 'contribution_partnership_idx' })
  @ManyToOne(() => Partnership, { ref: true, nullable: true, deleteRule: 'cascade' })
  partnership: Ref<Partnership> | null = null;

  @Field(() => Int, { description: 'The year the money was given.' })
  @Property()
  year!: number;

  @Field(() => Float, { description: 'The amount, in `currency`.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2 })
  amount!: number;

  @Field({ description: 'ISO 4217 currency code, e.g. EUR.' })
  @Property({ length: 3 })
  currency: string = 'EUR';
}
