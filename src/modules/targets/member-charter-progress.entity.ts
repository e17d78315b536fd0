import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { TrajectoryStatus } from './target.enums';

/**
 * A member's progress against the Charter (charter-progress.ts), maintained in the same transaction as every
 * write that changes it (see charter-progress-refresh.sql.ts). Every member has two rows: `publicOnly` computed from
 * its public inventories only, for anonymous callers, and one from all its inventories.
 */
@Entity({ tableName: 'member_charter_progress' })
export class MemberCharterProgress {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey()
  publicOnly!: boolean;

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
  charterPathTco2e: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  requiredAnnualReductionPercent: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  perCapitaTco2e: number | null = null;
}
