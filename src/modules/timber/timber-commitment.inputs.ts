import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../common/order';
import { DateScalar } from '../../common/scalars';
import { CertificationScheme, CommitmentStatus, TimberPolicyLevel, TimberProductCategory } from './timber.enums';

@InputType({
  description:
    "A member's timber commitment in full: creates it, or replaces all its terms (omitted fields are cleared or " +
    'take their defaults). Its procurements are re-judged against the new terms.',
})
export class TimberCommitmentInput {
  @Field(() => ID, { description: 'The member committing.' })
  memberId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The current `version` of the commitment when the member has one (required then; a stale one gives ' +
      'CONFLICT). Omit it to create the first one.',
  })
  version?: number | null;

  @Field(() => TimberPolicyLevel, { description: 'How strict the policy is.' })
  policyLevel!: TimberPolicyLevel;

  @Field(() => DateScalar, { nullable: true, description: 'When the council adopted it; not in the future.' })
  adoptedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Reference of the council resolution, up to 200 characters.' })
  resolutionRef?: string | null;

  @Field(() => [TimberProductCategory], {
    nullable: true,
    description: 'The product categories it covers, at least one unless the policy level is NONE.',
  })
  scope?: TimberProductCategory[] | null;

  @Field(() => [CertificationScheme], {
    nullable: true,
    description:
      'Schemes whose certified claims count. Default: FSC for CERTIFIED_ONLY_FSC (the only value allowed), FSC ' +
      'and PEFC for CERTIFIED_FSC_OR_PEFC (the only value allowed), none otherwise; must be empty for NONE.',
  })
  acceptedCertificationSchemes?: CertificationScheme[] | null;

  @Field({
    defaultValue: false,
    description: 'Whether tropical timber must carry an EUDR due-diligence reference (default false).',
  })
  requiresDueDiligenceReference: boolean = false;

  @Field(() => [String], {
    nullable: true,
    description:
      "Only for REGIONAL_PREFERENCE: ISO alpha-2 codes of the countries counted as regional (default: the member's " +
      'country).',
  })
  regionCountryCodes?: string[] | null;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the council is due to review it; not before adoptedOn.',
  })
  reviewDue?: string | null;

  @Field(() => CommitmentStatus, { defaultValue: CommitmentStatus.ACTIVE, description: 'Default ACTIVE.' })
  status: CommitmentStatus = CommitmentStatus.ACTIVE;
}

@InputType({ description: 'Narrows the timber commitments list; all given conditions must hold.' })
export class TimberCommitmentFilter {
  @Field(() => [TimberPolicyLevel], { nullable: true, description: 'Any of these policy levels.' })
  policyLevels?: TimberPolicyLevel[];

  @Field(() => [CommitmentStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: CommitmentStatus[];

  @Field(() => [ID], { nullable: true, description: 'Commitments of these members (at most 100 ids).' })
  memberIds?: string[];

  @Field(() => [String], {
    nullable: true,
    description: "ISO alpha-2 codes of the members' countries (at most 100).",
  })
  countryCodes?: string[];
}

export enum TimberCommitmentOrderField {
  MEMBER_NAME = 'MEMBER_NAME',
  ADOPTED_ON = 'ADOPTED_ON',
  REVIEW_DUE = 'REVIEW_DUE',
}

registerEnumType(TimberCommitmentOrderField, {
  name: 'TimberCommitmentOrderField',
  description: 'What to sort timber commitments by.',
  valuesConfig: {
    MEMBER_NAME: { description: "The member's name." },
    ADOPTED_ON: { description: 'The adoption date (commitments without one come last).' },
    REVIEW_DUE: { description: 'The review date (commitments without one come last).' },
  },
});

@InputType({ description: 'Sort order of the timber commitments list (ties are broken by id).' })
export class TimberCommitmentOrder {
  @Field(() => TimberCommitmentOrderField, { description: 'The field to sort by.' })
  field!: TimberCommitmentOrderField;

  @Field(() => OrderDirection, { defaultValue: OrderDirection.ASC, description: 'ASC or DESC.' })
  direction: OrderDirection = OrderDirection.ASC;
}
