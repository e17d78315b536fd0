import { Extensions, Field, Float, ID, InputType, Int } from 'type-graphql';
import { EnergyCarrier, InventoryStandard } from '../emissions/emission.enums';

@InputType({ description: 'One factor: tonnes CO2e per MWh of final energy of a carrier.' })
export class EmissionFactorInput {
  @Field(() => EnergyCarrier, { description: 'Any carrier but NOT_ENERGY.' })
  energyCarrier!: EnergyCarrier;

  @Field(() => String, {
    nullable: true,
    description: 'ISO alpha-2 code of a known country (electricity mixes); none: every country.',
  })
  countryCode?: string | null;

  @Field(() => Int, { nullable: true, description: 'The year, 1990 to 2100; none: every year.' })
  year?: number | null;

  @Field(() => Float, { description: 'Tonnes CO2e per MWh, 0 to 10.' })
  tco2ePerMwh!: number;
}

@InputType({ description: 'A new emission factor set (version 1 of its name).' })
export class EmissionFactorSetInput {
  @Field({ description: 'Name, 1 to 200 characters, not used by another set.' })
  name!: string;

  @Field(() => InventoryStandard, { description: 'The standard it is for.' })
  standard!: InventoryStandard;

  @Field(() => String, { nullable: true, description: 'What the factors cover and how they were derived.' })
  description?: string | null;

  @Field({ description: 'Where the factors are published: an http(s) URL, at most 500 characters.' })
  sourceUrl!: string;

  @Field({ description: 'Licence of the factors, 1 to 100 characters.' })
  licence!: string;

  @Field(() => [EmissionFactorInput], {
    description: 'The factors, 1 to 100; one per carrier × country × year.',
  })
  factors!: EmissionFactorInput[];
}

@InputType({
  description:
    'A correction of a set: a new version under the same name with the factors of `setId`, the given ones ' +
    'replacing those of the same carrier, country and year (or added).',
})
// stored as an EmissionFactorSet: its string fields take that entity's column lengths (src/schema/input-lengths.ts)
@Extensions({ storedAs: 'EmissionFactorSet' })
export class EmissionFactorCorrectionInput {
  @Field(() => ID, { description: 'The newest version of the set (an older one → CONFLICT).' })
  setId!: string;

  @Field(() => String, { nullable: true, description: 'A new description (what was corrected); default: kept.' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'A new source URL; default: kept.' })
  sourceUrl?: string | null;

  @Field(() => String, { nullable: true, description: 'A new licence; default: kept.' })
  licence?: string | null;

  @Field(() => [EmissionFactorInput], { description: 'The corrected or added factors, 1 to 100.' })
  factors!: EmissionFactorInput[];
}
