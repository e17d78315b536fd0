import { Entity, Enum, Property, Unique } from '@mikro-orm/postgresql';
import { Field, ID, ObjectType } from 'type-graphql';
import { BaseEntity } from '../../db/base.entity';
import { DateTimeScalar } from '../../common/scalars';
import { Role } from '../../auth/roles';

/** An API key: only its SHA-256 hash is stored; the plaintext is shown once, when it is created. */
@ObjectType({ description: 'An API key (never its secret): its role, scope and state.' })
@Entity({ tableName: 'api_key' })
export class ApiKey extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'What the key is for, e.g. "Klimabündnis Österreich dashboard".' })
  @Property({ length: 200 })
  name!: string;

  @Field(() => Role, { description: 'What the key may do.' })
  @Enum({ items: () => Role, nativeEnumName: 'api_key_role' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'The member a MEMBER_EDITOR key may write.' })
  @Property({ type: 'uuid', nullable: true })
  memberId: string | null = null;

  @Field(() => ID, { nullable: true, description: 'The indigenous organisation an INDIGENOUS_STEWARD key speaks for.' })
  @Property({ type: 'uuid', nullable: true })
  organisationId: string | null = null;

  /** SHA-256 of the key, hex: keys are random 256-bit secrets, so a fast hash is enough and lookups stay indexed. */
  @Unique({ name: 'api_key_key_hash_unique' })
  @Property({ length: 64 })
  keyHash!: string;

  @Field({ description: 'The first characters of the key, to recognise it in lists.' })
  @Property({ length: 12 })
  prefix!: string;

  @Field(() => DateTimeScalar, { description: 'When the key was created.' })
  declare createdAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the key was revoked; a revoked key is refused.' })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;
}
