import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { PerCapitaPoint, TargetProgress } from './target-progress';
import { baselineEmissionsField, baselineYearField, latestEmissionsField, latestYearField } from './progress-fields';
import { TargetMeasure, TrajectoryStatus } from './target.enums';

@ObjectType({ description: 'One inventory year of a member: emissions, population and emissions per inhabitant.' })
export class PerCapitaYear implements PerCapitaPoint {
  @Field(() => Int)
  year!: number;

  @Field(() => Float, { description: "The preferred inventory's total that year, tonnes CO2e." })
  tco2e!: number;

  @Field(() => Int, { nullable: true, description: 'Population that year (nearest earlier record).' })
  population!: number | null;

  @Field(() => Float, { nullable: true, description: 'tco2e / population; null without a population.' })
  perCapitaTco2e!: number | null;
}

@ObjectType({
  description:
    'Progress against one climate target, with every input, so a dashboard can show its work. v(y) is the value ' +
    'the target counts in year y: E(y), the total of the preferred inventory of year y (see InventoryStandard), or ' +
    'E(y)/P(y) per inhabitant for PER_CAPITA_LEVEL (P: population that year or the nearest earlier record). B is the ' +
    "baseline year: the target's baseYear (it needs an inventory that year); without one, the earliest inventory " +
    'marked baseline, else the earliest; for the Charter target the Charter rule (1990 if there is a 1990 inventory). ' +
    'T is targetYear, L the target value, "latest" the latest inventory year after B. Values are in the unit `measure` ' +
    'names. Without an API key everything is computed from public inventories only.',
})
export class ClimateTargetProgress implements TargetProgress {
  @Field(() => TrajectoryStatus, {
    description:
      'ON_TRACK if v(latest) ≤ pathValue; SLIGHTLY_OFF if at most 10 % above; else OFF_TRACK (the Charter band); ' +
      'NO_DATA without an inventory in B and a later one (or, per capita, without their populations).',
  })
  status!: TrajectoryStatus;

  @Field(() => TargetMeasure, { description: 'The unit of the values.' })
  measure!: TargetMeasure;

  @baselineYearField()
  baselineYear!: number | null;

  @baselineEmissionsField()
  baselineEmissionsTco2e!: number | null;

  @latestYearField()
  latestYear!: number | null;

  @latestEmissionsField()
  latestEmissionsTco2e!: number | null;

  @Field(() => Float, { nullable: true, description: 'v(B).' })
  baselineValue!: number | null;

  @Field(() => Float, { nullable: true, description: 'v(latest).' })
  latestValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'L, the value to reach in T: v(B)·(1 − reductionPercent/100) for BASE_YEAR_ABSOLUTE; perCapitaTargetT for ' +
      'PER_CAPITA_LEVEL; levelTco2e for FIXED_LEVEL; for NET_ZERO levelTco2e, the residual allowed (0 when not given).',
  })
  targetValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The linear path at latestYear: v(B) + (L − v(B))·(latest − B)/(T − B); L from T on.',
  })
  pathValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '1 − v(latest)/v(B), in percent (40 = 40 % less than in B); null for a zero baseline.',
  })
  reductionPercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'v(latest) − L: what is left to cut (negative when already below the target value).',
  })
  residualValue!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The constant yearly cut from latestYear that reaches L in T: 1 − (L/v(latest))^(1/(T − latest)), in percent; ' +
      'negative when already below L; null from T on, when v(latest) is 0, or when L is 0 (see requiredAnnualCut).',
  })
  requiredAnnualReductionPercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The equal yearly cut from latestYear that reaches L in T: (v(latest) − L)/(T − latest); null from T on.',
  })
  requiredAnnualCut!: number | null;

  @Field(() => [PerCapitaYear], {
    nullable: true,
    description: 'For PER_CAPITA_LEVEL: every inventory year, oldest first, to draw against the level; else null.',
  })
  perCapitaSeries!: PerCapitaYear[] | null;
}
