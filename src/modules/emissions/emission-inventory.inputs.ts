import { Extensions, Field, Float, ID, InputType, Int } from 'type-graphql';
import { DateTimeScalar } from '../../common/scalars';
import {
  DataQuality,
  EmissionScope,
  EnergyCarrier,
  InventoryStandard,
  NotationKey,
  Sector,
  VerificationStatus,
} from './emission.enums';

@InputType({ description: 'One line of an inventory: a value (emissionsTco2e) or a notation key, not both.' })
export class EmissionRecordInput {
  @Field(() => Sector)
  sector!: Sector;

  @Field(() => EnergyCarrier)
  energyCarrier!: EnergyCarrier;

  @Field(() => EmissionScope)
  scope!: EmissionScope;

  @Field(() => Float, { nullable: true, description: 'Final energy in MWh, finite and ≥ 0; only with a value.' })
  finalEnergyMwh?: number | null;

  @Field(() => Float, { nullable: true, description: 'Emissions in tonnes CO2e, finite and ≥ 0.' })
  emissionsTco2e?: number | null;

  @Field(() => DataQuality, { nullable: true, description: 'Quality of the value; only with a value.' })
  dataQuality?: DataQuality | null;

  @Field(() => NotationKey, { nullable: true, description: 'Why there is no value, instead of emissionsTco2e.' })
  notationKey?: NotationKey | null;

  @Field(() => String, {
    nullable: true,
    description: 'Required with a notation key (1 to 500 characters): what is missing and why.',
  })
  notationExplanation?: string | null;
}

@InputType({ description: 'Where the data comes from; stored as a new data source.' })
export class DataSourceInput {
  @Field({ description: 'Name, 1 to 200 characters.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Publisher, at most 200 characters.' })
  publisher?: string | null;

  @Field(() => String, { nullable: true, description: 'An http(s) URL, at most 500 characters.' })
  url?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the data was retrieved.' })
  retrievedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Licence, at most 100 characters.' })
  licence?: string | null;
}

/**
 * What an inventory says about itself, whether its records are entered or computed from an energy balance: the
 * fields both inputs inherit (no argument takes it, so the schema has no such type).
 */
@InputType({ description: 'The fields every inventory input has.' })
export class InventoryHeaderInput {
  @Field(() => ID, { description: 'The member the inventory is for.' })
  memberId!: string;

  @Field(() => Int, { description: 'The year accounted for, from 1990 to the current year.' })
  year!: number;

  @Field(() => InventoryStandard)
  standard!: InventoryStandard;

  @Field({ defaultValue: false, description: 'Whether this is the baseline inventory.' })
  isBaseline: boolean = false;

  @Field(() => VerificationStatus, { defaultValue: VerificationStatus.SELF_REPORTED })
  verificationStatus: VerificationStatus = VerificationStatus.SELF_REPORTED;

  @Field({ defaultValue: true, description: 'false: only API keys (partners and up) see it.' })
  isPublic: boolean = true;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the member published it.' })
  publishedAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'The tool used, at most 100 characters.' })
  toolName?: string | null;

  @Field(() => ID, { nullable: true, description: 'An existing data source (not together with dataSource).' })
  dataSourceId?: string | null;

  @Field(() => DataSourceInput, { nullable: true, description: 'A new data source (not with dataSourceId).' })
  dataSource?: DataSourceInput | null;
}

@InputType({
  description:
    "A member's inventory for one year and standard with all its records; replaces any earlier submission " +
    'for the same member, year and standard, records included.',
})
export class EmissionInventoryInput extends InventoryHeaderInput {
  @Field(() => [EmissionRecordInput], {
    description: 'All records, at most 100; one per sector × energy carrier × scope.',
  })
  records!: EmissionRecordInput[];
}

@InputType({ description: 'One line of an energy balance: final energy of a sector × energy carrier × scope.' })
export class EnergyLineInput {
  @Field(() => Sector)
  sector!: Sector;

  @Field(() => EnergyCarrier, { description: 'Any carrier the factor set has a factor for (not NOT_ENERGY).' })
  energyCarrier!: EnergyCarrier;

  @Field(() => EmissionScope)
  scope!: EmissionScope;

  @Field(() => Float, { description: 'Final energy consumed, MWh, finite and ≥ 0.' })
  finalEnergyMwh!: number;

  @Field(() => DataQuality, { nullable: true, description: 'Quality of the energy figure.' })
  dataQuality?: DataQuality | null;
}

@InputType({
  description:
    "A member's energy balance for one year and standard: the server computes every record's emissions as " +
    "finalEnergyMwh × the factor of the chosen set for the carrier (electricity: of the member's country and the " +
    'year, else the latest earlier year), and stores it as the inventory of (member, year, standard), replacing ' +
    'any earlier submission, records included.',
})
// stored as an EmissionInventory: its string fields take that entity's column lengths (src/schema/input-lengths.ts)
@Extensions({ storedAs: 'EmissionInventory' })
export class EnergyBalanceInput extends InventoryHeaderInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The factor set version to use; default: the newest set for `standard`.',
  })
  factorSetId?: string | null;

  @Field(() => [EnergyLineInput], {
    description: 'All lines, at most 100; one per sector × energy carrier × scope.',
  })
  lines!: EnergyLineInput[];
}
