import { Check, DecimalType, Entity, Enum, Index, ManyToOne, Property, type Ref } from '@mikro-orm/postgresql';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import { BaseEntity } from '../../db/base.entity';
import { TimberCommitment } from './timber-commitment.entity';
import {
  CertificationClaim,
  CertificationScheme,
  NonComplianceReason,
  ProcurementCompliance,
  TimberProductCategory,
} from './timber.enums';

@ObjectType({
  description:
    'Timber a member bought in one year under its commitment. Network-visible: served to API keys (PARTNER and ' +
    'above), not to anonymous callers.',
})
@Entity({ tableName: 'timber_procurement' })
@Index({ name: 'timber_procurement_commitment_year_idx', properties: ['commitment', 'year'] })
@Check({ name: 'timber_procurement_year_check', expression: 'year >= 1990' })
@Check({ name: 'timber_procurement_amounts_check', expression: 'volume_m3 >= 0 and value_eur >= 0' })
@Check({
  name: 'timber_procurement_reason_check',
  expression: "(compliance = 'NON_COMPLIANT') = (non_compliance_reason is not null)",
})
export class TimberProcurement extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => TimberCommitment, { ref: true, deleteRule: 'cascade' })
  commitment!: Ref<TimberCommitment>;

  @Field(() => Int, { description: 'The year of purchase.' })
  @Property()
  year!: number;

  @Field(() => TimberProductCategory, { description: 'What the timber was bought for.' })
  @Enum({ items: () => TimberProductCategory, nativeEnumName: 'timber_product_category' })
  productCategory!: TimberProductCategory;

  @Field({ description: 'Trade or botanical name of the species, e.g. "Spruce" or "Meranti (Shorea spp.)".' })
  @Property({ length: 120 })
  species!: string;

  @Field({ description: 'Whether it is tropical timber.' })
  @Property()
  isTropical!: boolean;

  @Field(() => Float, { description: 'Volume in cubic metres (round-wood equivalent for paper).' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 3 })
  volumeM3!: number;

  @Field(() => Float, { description: 'What was paid, in euros, net of VAT.' })
  @Property({ type: new DecimalType('number'), precision: 14, scale: 2 })
  valueEur!: number;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country where the timber was harvested.' })
  @Property({ length: 2 })
  countryOfProductionCode!: string;

  @Field(() => CertificationScheme, { nullable: true, description: 'The certification scheme; null when uncertified.' })
  @Enum({ items: () => CertificationScheme, nativeEnumName: 'certification_scheme', nullable: true })
  certificationScheme: CertificationScheme | null = null;

  @Field(() => CertificationClaim, { nullable: true, description: 'The claim made under the scheme.' })
  @Enum({ items: () => CertificationClaim, nativeEnumName: 'certification_claim', nullable: true })
  certificationClaim: CertificationClaim | null = null;

  @Field(() => String, { nullable: true, description: "The supplier's certificate or licence code, e.g. FSC-C012345." })
  @Property({ length: 40, nullable: true })
  certificateCode: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Reference of the EU Deforestation Regulation due-diligence statement.',
  })
  @Property({ length: 100, nullable: true })
  dueDiligenceReference: string | null = null;

  @Field(() => ProcurementCompliance, {
    description: "How it stands against the commitment's current terms (re-judged whenever they change).",
  })
  @Enum({ items: () => ProcurementCompliance, nativeEnumName: 'timber_procurement_compliance' })
  compliance!: ProcurementCompliance;

  @Field(() => NonComplianceReason, { nullable: true, description: 'Why it is NON_COMPLIANT; null otherwise.' })
  @Enum({ items: () => NonComplianceReason, nativeEnumName: 'timber_non_compliance_reason', nullable: true })
  nonComplianceReason: NonComplianceReason | null = null;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  declare createdAt: Date;
}
