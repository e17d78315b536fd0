import { Field, ID, InputType, Int } from 'type-graphql';
import { InventoryStandard, VerificationStatus } from './emission.enums';

@InputType({ description: 'Narrows the inventories list; all given conditions must hold.' })
export class EmissionInventoryFilter {
  @Field(() => [ID], { nullable: true, description: 'Inventories of these members (at most 100).' })
  memberIds?: string[];

  @Field(() => [String], { nullable: true, description: "Members' ISO alpha-2 country codes (at most 100)." })
  countryCodes?: string[];

  @Field(() => [InventoryStandard], { nullable: true, description: 'Any of these standards.' })
  standards?: InventoryStandard[];

  @Field(() => Int, { nullable: true, description: 'Years from this one on.' })
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: 'Years up to and including this one.' })
  toYear?: number;

  @Field(() => Boolean, { nullable: true, description: 'Only baseline inventories (true) or only others (false).' })
  isBaseline?: boolean;

  @Field(() => [VerificationStatus], { nullable: true, description: 'Any of these verification statuses.' })
  verificationStatuses?: VerificationStatus[];
}
