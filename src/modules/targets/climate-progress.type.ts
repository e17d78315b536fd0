import { Field, Float, ObjectType } from 'type-graphql';
import type { CharterProgress } from './charter-progress';
import { baselineEmissionsField, baselineYearField, latestEmissionsField, latestYearField } from './progress-fields';
import { TrajectoryStatus } from './target.enums';

@ObjectType({
  description:
    "A member's progress against the Charter target (−95 % by 2050), with the inputs used, so a dashboard can " +
    'show its work. E(y) is the total of the preferred inventory of year y (see InventoryStandard); the baseline ' +
    'year B is 1990 if there is a 1990 inventory, else the earliest inventory marked baseline, else the earliest. ' +
    'Without an API key everything is computed from public inventories only.',
})
export class ClimateProgress implements CharterProgress {
  @Field(() => TrajectoryStatus, {
    description: 'ON_TRACK if E(latest) ≤ path; SLIGHTLY_OFF if at most 10 % above; else OFF_TRACK.',
  })
  status!: TrajectoryStatus;

  @baselineYearField()
  baselineYear!: number | null;

  @baselineEmissionsField()
  baselineEmissionsTco2e!: number | null;

  @latestYearField()
  latestYear!: number | null;

  @latestEmissionsField()
  latestEmissionsTco2e!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '1 − E(latest)/E(B), in percent (40 = 40 % less than the baseline); null for a zero baseline.',
  })
  reductionPercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'The Charter path at latestYear: E(B)·(1 − 0.95·(latest − B)/(2050 − B)), tonnes CO2e.',
  })
  charterPathTco2e!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'Yearly cut needed from latestYear to reach 5 % of E(B) in 2050: 1 − (0.05·E(B)/E(latest))^(1/(2050 − latest)), ' +
      'in percent; negative when emissions are already below that level; null when E(latest) is 0.',
  })
  requiredAnnualReductionPercent!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'E(latest) per inhabitant (population of that year or the nearest earlier record), tonnes CO2e.',
  })
  perCapitaTco2e!: number | null;
}
