import { Extensions, Field, ID, InputType } from 'type-graphql';
import { Role } from '../../auth/roles';
import { DateScalar } from '../../common/scalars';
import { ConsentScope, ConsentStatus, ConsentSubjectType } from '../governance/consent-decision.enums';
import { GeoPrecision } from '../governance/governance.enums';

@InputType({ description: 'A consent decision, recorded by the INDIGENOUS_STEWARD of the steward organisation.' })
// stored as a ConsentRecord: its string fields take that entity's column lengths (src/schema/input-lengths.ts)
@Extensions({ storedAs: 'ConsentRecord' })
export class ConsentInput {
  @Field(() => ID, {
    description:
      'The organisation granting or withholding consent: must be the steward of the subject, and the key’s own.',
  })
  stewardOrganisationId!: string;

  @Field(() => ConsentSubjectType, { description: 'What kind of record the decision is about.' })
  subjectType!: ConsentSubjectType;

  @Field(() => ID, { description: 'The territory, project or organisation the decision is about.' })
  subjectId!: string;

  @Field(() => ConsentScope, { description: 'What the decision covers.' })
  scope!: ConsentScope;

  @Field(() => ConsentStatus, {
    defaultValue: ConsentStatus.GRANTED,
    description: 'GRANTED, WITHHELD or PENDING (withdraw with withdrawConsent).',
  })
  status!: ConsentStatus;

  @Field(() => [Role], { defaultValue: [], description: 'The roles it names.' })
  grantedToRoles!: Role[];

  @Field(() => [ID], { defaultValue: [], description: 'The indigenous organisations it names (at most 100).' })
  grantedToOrganisationIds!: string[];

  @Field(() => [ID], { defaultValue: [], description: 'The members it names (at most 100).' })
  grantedToMemberIds!: string[];

  @Field(() => GeoPrecision, {
    nullable: true,
    description: 'For a LOCATION_DISCLOSURE grant (required there, only there): the finest precision allowed.',
  })
  locationPrecision?: GeoPrecision | null;

  @Field(() => DateScalar, { nullable: true, description: 'From when it applies.' })
  validFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Until when it applies; not before validFrom.' })
  validUntil?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The people's consultation protocol: an http(s) URL, at most 500 characters.",
  })
  consultationProtocolUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'Notes (at most 5,000 characters).' })
  notes?: string | null;
}

@InputType({ description: 'Narrows the consent records list; all given conditions must hold.' })
export class ConsentRecordFilter {
  @Field(() => ID, { nullable: true, description: 'About this territory, project or organisation.' })
  subjectId?: string;

  @Field(() => [ConsentScope], { nullable: true, description: 'Any of these scopes.' })
  scopes?: ConsentScope[];

  @Field(() => [ConsentStatus], { nullable: true, description: 'Any of these statuses.' })
  statuses?: ConsentStatus[];
}
