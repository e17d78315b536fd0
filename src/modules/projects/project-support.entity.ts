import { Entity, Index, ManyToOne, Unique, type Ref } from '@mikro-orm/postgresql';
import { BaseEntity } from '../../db/base.entity';
import { Member } from '../members/member.entity';
import { BiodiversityProject } from './biodiversity-project.entity';

/** A member that supports a project (the project's `supportingMembers`). */
@Entity({ tableName: 'project_supporting_member' })
@Unique({ name: 'project_supporting_member_unique', properties: ['project', 'member'] })
export class ProjectSupport extends BaseEntity {
  @ManyToOne(() => BiodiversityProject, { ref: true, deleteRule: 'cascade' })
  project!: Ref<BiodiversityProject>;

  @Index({ name: 'project_supporting_member_member_idx' })
  @ManyToOne(() => Member, { ref: true })
  member!: Ref<Member>;
}
