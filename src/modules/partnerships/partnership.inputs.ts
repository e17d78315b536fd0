import { Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '../../common/scalars';
import { RecordVisibility } from '../governance/governance.enums';
import { PartnershipType } from './partnership.enums';

@InputType({ description: 'Narrows the partnerships list; all given conditions must hold.' })
export class PartnershipFilter {
  @Field(() => [ID], { nullable: true, description: 'With any of these indigenous organisations (at most 100).' })
  organisationIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'With any of these members (at most 100).' })
  memberIds?: string[];

  @Field(() => [ID], { nullable: true, description: 'With any of these coordination offices (at most 100).' })
  coordinationOfficeIds?: string[];

  @Field(() => [PartnershipType], { nullable: true, description: 'Any of these types.' })
  types?: PartnershipType[];

  @Field(() => Boolean, { nullable: true, description: 'true: only those not ended; false: only ended ones.' })
  active?: boolean;
}

@InputType({ description: 'The fields of a partnership that can be changed; omitted fields stay as they are.' })
export class PartnershipUpdate {
  @Field(() => PartnershipType, { nullable: true, description: 'What kind of partnership it is.' })
  type?: PartnershipType;

  @Field(() => DateScalar, { nullable: true, description: 'When the partnership began.' })
  startedOn?: string;

  @Field(() => DateScalar, { nullable: true, description: 'When it ended; not before startedOn.' })
  endedOn?: string | null;

  @Field(() => String, { nullable: true, description: 'What the partners do together (at most 5,000 characters).' })
  description?: string | null;

  @Field(() => RecordVisibility, { nullable: true, description: 'Who may see the partnership.' })
  visibility?: RecordVisibility;
}

@InputType({ description: 'A new partnership: an indigenous organisation and exactly one member or office.' })
export class PartnershipInput extends PartnershipUpdate {
  @Field(() => ID, { description: 'The indigenous organisation.' })
  organisationId!: string;

  @Field(() => ID, { nullable: true, description: 'The member partner; give this or coordinationOfficeId.' })
  memberId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The coordination office partner; give this or memberId.' })
  coordinationOfficeId?: string | null;

  @Field(() => PartnershipType, { description: 'What kind of partnership it is.' })
  declare type: PartnershipType;

  @Field(() => DateScalar, { description: 'When the partnership began.' })
  declare startedOn: string;

  @Field(() => RecordVisibility, { defaultValue: RecordVisibility.PUBLIC, description: 'Who may see it.' })
  declare visibility: RecordVisibility;
}
