import { Field, Float, Int, ObjectType } from 'type-graphql';
import { compliantVolumePercent } from './timber-compliance.rules';

@ObjectType({
  description:
    'Procurement volumes and values split by compliance with the commitment (see ProcurementCompliance): ' +
    'COMPLIANT + NON_COMPLIANT are what the policy covers; OUT_OF_SCOPE is bought outside its scope.',
})
export class TimberComplianceFigures {
  @Field(() => Float, { description: 'Compliant volume, m³.' })
  compliantVolumeM3!: number;

  @Field(() => Float, { description: 'Non-compliant volume, m³.' })
  nonCompliantVolumeM3!: number;

  @Field(() => Float, { description: "Volume outside the commitment's scope, m³." })
  outOfScopeVolumeM3!: number;

  @Field(() => Float, { description: 'Value of the compliant procurements, EUR.' })
  compliantValueEur!: number;

  @Field(() => Float, { description: 'Value of the non-compliant procurements, EUR.' })
  nonCompliantValueEur!: number;

  @Field(() => Float, { description: "Value of the procurements outside the commitment's scope, EUR." })
  outOfScopeValueEur!: number;

  @Field(() => Int, { description: 'How many procurements were recorded.' })
  procurementCount!: number;

  @Field(() => Int, { description: 'How many of them are non-compliant.' })
  nonCompliantCount!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'compliant / (compliant + non-compliant) volume, in percent; null when the policy covers nothing.',
  })
  compliantVolumePercent(): number | null {
    return compliantVolumePercent(this.compliantVolumeM3, this.nonCompliantVolumeM3);
  }
}

@ObjectType({ description: 'Compliance figures of one year.' })
export class TimberComplianceYear extends TimberComplianceFigures {
  @Field(() => Int, { description: 'The year of purchase.' })
  year!: number;
}

@ObjectType({
  description:
    "How a member's timber procurement complies with its commitment, derived from the procurement records and the " +
    "commitment's current terms. Public: a member's dashboard shows it to anyone (item detail needs an API key).",
})
export class TimberCompliance {
  @Field(() => [TimberComplianceYear], { description: 'Figures per year with procurements, oldest first.' })
  years!: TimberComplianceYear[];

  @Field(() => TimberComplianceFigures, { description: 'Figures over all years.' })
  total!: TimberComplianceFigures;
}
