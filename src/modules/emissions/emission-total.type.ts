import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MemberCategory } from '../members/member.enums';
import { EnergyCarrier, InventoryStandard, Sector } from './emission.enums';

export enum EmissionDimension {
  COUNTRY = 'COUNTRY',
  MEMBER = 'MEMBER',
  MEMBER_CATEGORY = 'MEMBER_CATEGORY',
  YEAR = 'YEAR',
  SECTOR = 'SECTOR',
  ENERGY_CARRIER = 'ENERGY_CARRIER',
  STANDARD = 'STANDARD',
}

registerEnumType(EmissionDimension, {
  name: 'EmissionDimension',
  description: 'What emission totals can be grouped by.',
});

@ObjectType({ description: 'Emissions summed over one group; the fields of the grouped dimensions are set.' })
export class EmissionTotal {
  @Field(() => String, { nullable: true, description: 'Country code, when grouped by COUNTRY.' })
  countryCode: string | null = null;

  @Field(() => ID, { nullable: true, description: 'Member id, when grouped by MEMBER.' })
  memberId: string | null = null;

  @Field(() => MemberCategory, { nullable: true, description: 'When grouped by MEMBER_CATEGORY.' })
  memberCategory: MemberCategory | null = null;

  @Field(() => Int, { nullable: true, description: 'Inventory year, when grouped by YEAR.' })
  year: number | null = null;

  @Field(() => Sector, { nullable: true, description: 'When grouped by SECTOR.' })
  sector: Sector | null = null;

  @Field(() => EnergyCarrier, { nullable: true, description: 'When grouped by ENERGY_CARRIER.' })
  energyCarrier: EnergyCarrier | null = null;

  @Field(() => InventoryStandard, { nullable: true, description: 'When grouped by STANDARD.' })
  standard: InventoryStandard | null = null;

  @Field(() => Float, { description: 'Sum of emissions in tonnes CO2e (records with a notation key add 0).' })
  emissionsTco2e!: number;

  @Field(() => Float, { nullable: true, description: 'Sum of final energy in MWh; null when no record gives it.' })
  finalEnergyMwh!: number | null;

  @Field(() => Int, { description: 'How many members have records in the group.' })
  memberCount!: number;
}
