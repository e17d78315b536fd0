import { Entity, Enum, Index, ManyToOne, Property, type Ref, Unique } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../../common/scalars';
import { VersionedEntity } from '../../db/base.entity';
import { Member } from '../members/member.entity';
import { CertificationScheme, CommitmentStatus, TimberPolicyLevel, TimberProductCategory } from './timber.enums';

@ObjectType({
  description:
    "A member's commitment on timber procurement (e.g. a council resolution to buy no tropical timber). A member " +
    'has at most one: setTimberCommitment creates it or replaces its terms in place (no history of earlier terms is ' +
    'kept), and its procurements and compliance are always judged against the current terms.',
})
@Entity({ tableName: 'timber_commitment' })
@Index({ name: 'timber_commitment_policy_status_idx', properties: ['policyLevel', 'status'] })
export class TimberCommitment extends VersionedEntity {
  @Field(() => ID)
  declare id: string;

  @Unique({ name: 'timber_commitment_member_unique' })
  @ManyToOne(() => Member, { ref: true, deleteRule: 'cascade' })
  member!: Ref<Member>;

  @Field(() => TimberPolicyLevel, { description: 'How strict the policy is.' })
  @Enum({ items: () => TimberPolicyLevel, nativeEnumName: 'timber_policy_level' })
  policyLevel!: TimberPolicyLevel;

  @Field(() => DateScalar, { nullable: true, description: 'When the council adopted it.' })
  @Property({ type: 'date', nullable: true })
  adoptedOn: string | null = null;

  @Field(() => String, { nullable: true, description: 'Reference of the council resolution, e.g. "GR-2019/114".' })
  @Property({ length: 200, nullable: true })
  resolutionRef: string | null = null;

  @Field(() => [TimberProductCategory], {
    description: 'The product categories it covers; procurements of other categories are OUT_OF_SCOPE.',
  })
  @Enum({ items: () => TimberProductCategory, array: true, nativeEnumName: 'timber_product_category' })
  scope: TimberProductCategory[] = [];

  @Field(() => [CertificationScheme], {
    description:
      'Schemes whose certified claims count: exactly FSC for CERTIFIED_ONLY_FSC, FSC and PEFC for ' +
      'CERTIFIED_FSC_OR_PEFC; for FULL_TROPICAL_ABSTENTION the schemes non-tropical timber must carry (none: any ' +
      'non-tropical timber); for REGIONAL_PREFERENCE the schemes that make non-regional timber acceptable.',
  })
  @Enum({ items: () => CertificationScheme, array: true, nativeEnumName: 'certification_scheme' })
  acceptedCertificationSchemes: CertificationScheme[] = [];

  @Field({
    description:
      'Whether tropical timber must carry an EU Deforestation Regulation (EU 2023/1115) due-diligence reference.',
  })
  @Property()
  requiresDueDiligenceReference: boolean = false;

  @Field(() => [String], {
    description: 'ISO alpha-2 codes of the countries counted as regional for REGIONAL_PREFERENCE (else empty).',
  })
  @Property({ type: 'text[]' })
  regionCountryCodes: string[] = [];

  @Field(() => DateScalar, { nullable: true, description: 'When the council is due to review it.' })
  @Property({ type: 'date', nullable: true })
  reviewDue: string | null = null;

  @Field(() => CommitmentStatus, { description: 'Whether it is in force.' })
  @Enum({ items: () => CommitmentStatus, nativeEnumName: 'timber_commitment_status' })
  status: CommitmentStatus = CommitmentStatus.ACTIVE;

  @Field(() => Int, { description: 'Rises with every change; pass it to setTimberCommitment to change the terms.' })
  declare version: number;

  @Field(() => DateTimeScalar, { description: 'When the commitment was first recorded.' })
  declare createdAt: Date;

  @Field(() => DateTimeScalar, { description: 'When its terms last changed.' })
  declare updatedAt: Date;
}
