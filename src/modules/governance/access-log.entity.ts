import { Entity, Enum, Index, Property } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { ViewerRole } from '../../auth/roles';
import { DateTimeScalar } from '../../common/scalars';
import { BaseEntity } from '../../db/base.entity';
import { ConsentSubjectType } from './consent-decision.enums';
import { AccessPurpose } from './access-purpose.enums';
import { LocationAccess } from './governance.enums';

/** Written in bulk, never changed. */
@ObjectType({
  description: 'One read of restricted indigenous data: who read what, when, at which precision, for what purpose.',
})
@Entity({ tableName: 'access_log' })
@Index({ name: 'access_log_steward_created_idx', properties: ['stewardOrganisationId', 'createdAt'] })
export class AccessLog extends BaseEntity<'readerOrganisationId' | 'readerMemberId' | 'purpose'> {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  declare id: string;

  @Field(() => DateTimeScalar, { description: 'When the data was read.' })
  declare createdAt: Date;

  @Field(() => ViewerRole, { description: 'The role the reader acted with.' })
  @Enum({ items: () => ViewerRole })
  role!: ViewerRole;

  @Field(() => ID, { nullable: true, description: 'The API key used (null for the bootstrap admin secret).' })
  @Property({ type: 'uuid', nullable: true })
  apiKeyId: string | null = null;

  @Field(() => String, { nullable: true, description: 'The name of that key: who holds it and what it is for.' })
  @Property({ length: 200, nullable: true })
  apiKeyName: string | null = null;

  @Field(() => ID, {
    nullable: true,
    description: 'The indigenous organisation the reader speaks for (an INDIGENOUS_STEWARD key).',
  })
  @Property({ type: 'uuid', nullable: true })
  readerOrganisationId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The member the reader speaks for (a MEMBER_EDITOR key).' })
  @Property({ type: 'uuid', nullable: true })
  readerMemberId: string | null = null;

  @Field(() => AccessPurpose, { description: 'The purpose the reader declared for the read.' })
  @Enum({ items: () => AccessPurpose, nativeEnumName: 'access_purpose', default: AccessPurpose.UNDECLARED })
  purpose: AccessPurpose = AccessPurpose.UNDECLARED;

  @Field(() => ConsentSubjectType, { description: 'What kind of record was read.' })
  @Enum({ items: () => ConsentSubjectType, nativeEnumName: 'consent_subject_type' })
  subjectType!: ConsentSubjectType;

  @Field(() => ID, { description: 'The id of the record read.' })
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => ID, { description: 'The organisation that stewards the record.' })
  @Property({ type: 'uuid' })
  stewardOrganisationId!: string;

  @Field(() => LocationAccess, { description: 'The precision its location was served at (HIDDEN: not at all).' })
  @Enum({ items: () => LocationAccess, nativeEnumName: 'location_access' })
  locationAccess!: LocationAccess;
}
