import { ArrayType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { VersionedEntity } from '../../db/base.entity';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { ConsentScope, ConsentStatus, ConsentSubjectType } from '../governance/consent-decision.enums';
import { GeoPrecision } from '../governance/governance.enums';

@ObjectType({
  description:
    'A free, prior and informed consent decision of an indigenous organisation over data it stewards. For one viewer, ' +
    'the latest decision in effect on the record, its territory or its steward organisation that names the viewer ' +
    'applies (PENDING and EXPIRED decisions, and grants outside their validity dates, are not in effect). A refusal ' +
    '(WITHHELD, WITHDRAWN) also binds every role that sees less than those it names: anonymous callers, then ' +
    'partners, analysts, member editors and other stewards, then the COICA liaison, then the secretariat; a refusal ' +
    'to a named organisation or member also binds anonymous callers.',
})
@Entity({ tableName: 'consent_record' })
@Index({ name: 'consent_record_subject_idx', properties: ['subjectId', 'scope'] })
export class ConsentRecord extends VersionedEntity<
  'grantedToRoles' | 'grantedToOrganisationIds' | 'grantedToMemberIds'
> {
  @Field(() => ID, { description: 'Stable identifier (a UUID).' })
  declare id: string;

  @Index({ name: 'consent_record_steward_idx' })
  @ManyToOne(() => IndigenousOrganisation, { ref: true })
  stewardOrganisation!: Ref<IndigenousOrganisation>;

  @Field(() => ConsentSubjectType, { description: 'What kind of record the decision is about.' })
  @Enum({ items: () => ConsentSubjectType, nativeEnumName: 'consent_subject_type' })
  subjectType!: ConsentSubjectType;

  @Field(() => ID, { description: 'The id of the territory, project or organisation the decision is about.' })
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => ConsentScope, { description: 'What the decision covers.' })
  @Enum({ items: () => ConsentScope, nativeEnumName: 'consent_scope' })
  scope!: ConsentScope;

  @Field(() => ConsentStatus, { description: 'Where the decision stands.' })
  @Enum({ items: () => ConsentStatus, nativeEnumName: 'consent_status' })
  status!: ConsentStatus;

  @Field(() => [Role], { description: 'The roles the decision names (given to, or withheld from).' })
  @Enum({ items: () => Role, array: true, nativeEnumName: 'api_key_role' })
  grantedToRoles: Role[] = [];

  @Field(() => [ID], { description: 'The indigenous organisations (their stewards) the decision names.' })
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  grantedToOrganisationIds: string[] = [];

  @Field(() => [ID], { description: 'The members (their MEMBER_EDITOR keys) the decision names.' })
  @Property({ type: ArrayType, columnType: 'uuid[]' })
  grantedToMemberIds: string[] = [];

  @Field(() => GeoPrecision, {
    nullable: true,
    description: 'For LOCATION_DISCLOSURE: the finest precision the location may be shown at.',
  })
  @Enum({ items: () => GeoPrecision, nativeEnumName: 'geo_precision', nullable: true })
  locationPrecision: GeoPrecision | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'From when a grant applies (before it, the grant has no effect); null: from the start.',
  })
  @Property({ type: 'date', nullable: true })
  validFrom: string | null = null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Until when a grant applies (after it, the grant has no effect); null: until withdrawn.',
  })
  @Property({ type: 'date', nullable: true })
  validUntil: string | null = null;

  @Field(() => String, { nullable: true, description: "The people's own consultation protocol, where published." })
  @Property({ length: 500, nullable: true })
  consultationProtocolUrl: string | null = null;

  @Field(() => String, { nullable: true, description: 'Notes of the steward organisation.' })
  @Property({ type: 'text', nullable: true })
  notes: string | null = null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the consent was withdrawn.' })
  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null = null;

  @Field(() => Int, { description: 'Rises with every change.' })
  declare version: number;

  @Field(() => DateTimeScalar, { description: 'When the decision was recorded; later decisions prevail.' })
  declare createdAt: Date;
}
