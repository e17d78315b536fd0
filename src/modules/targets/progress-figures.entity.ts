import { Enum, Property } from '@mikro-orm/postgresql';
import { TrajectoryStatus } from './target.enums';

/**
 * The figures a member's Charter progress and a climate target's progress both store: the status, the baseline and
 * latest inventories' years and emissions, the reduction so far and the yearly cut still needed. Each stored progress
 * declares its own keys (base-class properties come first in MikroORM's metadata, so keys stay out of here).
 */
export abstract class ProgressFigures {
  @Enum({ items: () => TrajectoryStatus, nativeEnumName: 'trajectory_status' })
  status!: TrajectoryStatus;

  @Property({ type: 'integer', nullable: true })
  baselineYear: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  baselineTco2e: number | null = null;

  @Property({ type: 'integer', nullable: true })
  latestYear: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  latestTco2e: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  reductionPercent: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  requiredAnnualReductionPercent: number | null = null;
}
