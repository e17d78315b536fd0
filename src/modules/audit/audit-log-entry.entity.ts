import { Entity, Enum, Index, Property } from '@mikro-orm/postgresql';
import { JSONObjectResolver } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { ViewerRole } from '../../auth/roles';
import { DateTimeScalar } from '../../common/scalars';
import { BaseEntity } from '../../db/base.entity';

/**
 * One mutation as the API received it: written in the mutation's own transaction when it commits, after the rollback
 * in a statement of its own when it is refused.
 */
@ObjectType({ description: 'One mutation the API received: who asked, with which key, what, when, and how it ended.' })
@Entity({ tableName: 'audit_log_entry' })
@Index({ name: 'audit_log_entry_created_at_idx', properties: ['createdAt', 'id'] })
export class AuditLogEntry extends BaseEntity {
  @Field(() => ID, { description: 'The id of the entry.' })
  declare id: string;

  @Field(() => DateTimeScalar, { description: 'When the mutation was received.' })
  declare createdAt: Date;

  @Field(() => ViewerRole, { description: 'The role the request acted with.' })
  @Enum({ items: () => ViewerRole, nativeEnumName: 'viewer_role' })
  role!: ViewerRole;

  @Field(() => ID, { nullable: true, description: 'The API key used (null for the bootstrap ADMIN_API_KEY).' })
  @Index({ name: 'audit_log_entry_api_key_idx' })
  @Property({ type: 'uuid', nullable: true })
  apiKeyId: string | null = null;

  @Field(() => String, { nullable: true, description: 'The name of the API key used, when it was used.' })
  @Property({ length: 200, nullable: true })
  apiKeyName: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The member a MEMBER_EDITOR key is scoped to.' })
  @Property({ type: 'uuid', nullable: true })
  memberId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The indigenous organisation an INDIGENOUS_STEWARD key speaks for.' })
  @Property({ type: 'uuid', nullable: true })
  organisationId: string | null = null;

  @Field(() => String, { nullable: true, description: 'The name of the GraphQL operation, if it had one.' })
  @Property({ length: 200, nullable: true })
  operationName: string | null = null;

  @Field({ description: 'The mutation field, e.g. updateMember.' })
  @Property({ length: 100 })
  mutation!: string;

  @Field(() => JSONObjectResolver, {
    name: 'arguments',
    description:
      'The arguments as sent, with secrets replaced by "[REDACTED]", control characters written as escapes ' +
      '(e.g. \\u0000), long values shortened and deep nesting cut.',
  })
  @Property({ type: 'jsonb', fieldName: 'arguments' })
  argumentValues!: Record<string, unknown>;

  @Field({ description: 'Whether the mutation succeeded: its writes were committed together with this entry.' })
  @Property()
  succeeded!: boolean;

  @Field(() => String, { nullable: true, description: 'The error code when it did not, e.g. FORBIDDEN.' })
  @Property({ length: 50, nullable: true })
  errorCode: string | null = null;

  @Field({ description: 'The request id (the x-request-id header), to find the request in the server log.' })
  @Property({ length: 100 })
  requestId!: string;

  @Field(() => String, { nullable: true, description: 'The client IP address the request came from.' })
  @Property({ length: 64, nullable: true })
  clientIp: string | null = null;
}
