import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CertificationClaim, CertificationScheme, TimberProductCategory } from './timber.enums';

@InputType({ description: 'Timber bought in one year under a commitment.' })
export class TimberProcurementInput {
  @Field(() => ID, { description: 'The commitment it is bought under (`Member.timberCommitment.id`).' })
  commitmentId!: string;

  @Field(() => Int, { description: 'The year of purchase, from 1990 to the current year.' })
  year!: number;

  @Field(() => TimberProductCategory, { description: 'What the timber was bought for.' })
  productCategory!: TimberProductCategory;

  @Field({ description: 'Trade or botanical name of the species, 1 to 120 characters.' })
  species!: string;

  @Field({ description: 'Whether it is tropical timber.' })
  isTropical!: boolean;

  @Field(() => Float, { description: 'Volume in m³: finite, 0 or more, at most 1,000,000,000.' })
  volumeM3!: number;

  @Field(() => Float, { description: 'Net price in EUR: finite, 0 or more, at most 100,000,000,000.' })
  valueEur!: number;

  @Field({ description: 'ISO 3166-1 alpha-2 code of the country of harvest.' })
  countryOfProductionCode!: string;

  @Field(() => CertificationScheme, {
    nullable: true,
    description: 'The scheme, when certified; needs a certificationClaim.',
  })
  certificationScheme?: CertificationScheme | null;

  @Field(() => CertificationClaim, { nullable: true, description: 'The claim under the scheme; needs the scheme.' })
  certificationClaim?: CertificationClaim | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The certificate or licence code, required with a claim, in the format of the scheme: FSC `FSC-C012345` or ' +
      '`SGSCH-COC-004242`; PEFC `PEFC/06-38-12` or `BV-PEFC-COC-123456`.',
  })
  certificateCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Reference of the EUDR due-diligence statement, up to 100 characters; required for tropical timber when ' +
      'the commitment says so.',
  })
  dueDiligenceReference?: string | null;
}
