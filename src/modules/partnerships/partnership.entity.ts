import { Check, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { VersionedEntity } from '../../db/base.entity';
import { RecordVisibility } from '../governance/governance.enums';
import { CoordinationOffice } from '../members/coordination-office.entity';
import { Member } from '../members/member.entity';
import { PartnershipType } from './partnership.enums';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';

@ObjectType({
  description: 'A partnership between a member (or a national coordination office) and an indigenous organisation.',
})
@Entity({ tableName: 'partnership' })
@Check({ name: 'partnership_one_partner_check', expression: '(member_id is null) <> (coordination_office_id is null)' })
export class Partnership extends VersionedEntity<'visibility'> {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  declare id: string;

  @Index({ name: 'partnership_organisation_idx' })
  @ManyToOne(() => IndigenousOrganisation, { ref: true })
  organisation!: Ref<IndigenousOrganisation>;

  @Index({ name: 'partnership_member_idx' })
  @ManyToOne(() => Member, { ref: true, nullable: true })
  member: Ref<Member> | null = null;

  @ManyToOne(() => CoordinationOffice, { ref: true, nullable: true })
  coordinationOffice: Ref<CoordinationOffice> | null = null;

  @Field(() => PartnershipType, { description: 'What kind of partnership it is.' })
  @Enum({ items: () => PartnershipType, nativeEnumName: 'partnership_type' })
  type!: PartnershipType;

  @Field(() => DateScalar, { description: 'When the partnership began.' })
  @Property({ type: 'date' })
  startedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it ended; null while it lasts.' })
  @Property({ type: 'date', nullable: true })
  endedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'What the partners do together.' })
  @Property({ type: 'text', nullable: true })
  description: string | null = null;

  @Field(() => RecordVisibility, { description: 'Who may see the partnership.' })
  @Enum({ items: () => RecordVisibility, nativeEnumName: 'record_visibility' })
  visibility: RecordVisibility = RecordVisibility.PUBLIC;

  @Field(() => Int, { description: 'Rises with every update; pass it back to updatePartnership.' })
  declare version: number;

  @Field(() => DateTimeScalar, { description: 'When the record was created.' })
  declare createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When the record was last changed.' })
  declare updatedAt: Date;
}
