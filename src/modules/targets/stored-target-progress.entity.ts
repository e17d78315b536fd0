import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import type { PerCapitaPoint } from './target-progress';
import { ProgressFigures } from './progress-figures.entity';
import { TargetMeasure } from './target.enums';

/**
 * The progress of one climate target (target-progress.ts), maintained in the same transaction as every write that
 * changes it (see target-progress-refresh.sql.ts), so lists filter on it in SQL. Two rows per target: `publicOnly` from
 * its member's public inventories only, for anonymous callers, and one from all its inventories.
 */
@Entity({ tableName: 'climate_target_progress' })
@Index({ name: 'climate_target_progress_member_idx', properties: ['memberId'] })
export class StoredTargetProgress extends ProgressFigures {
  @PrimaryKey({ type: 'uuid' })
  targetId!: string;

  @PrimaryKey()
  publicOnly!: boolean;

  @Property({ type: 'uuid' })
  memberId!: string;

  @Enum({ items: () => TargetMeasure, nativeEnumName: 'target_measure' })
  measure!: TargetMeasure;

  @Property({ type: 'double precision', nullable: true })
  baselineValue: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  latestValue: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  targetValue: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  pathValue: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  residualValue: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  requiredAnnualCut: number | null = null;

  /** Only for PER_CAPITA_LEVEL targets: every inventory year with its population and per-capita emissions. */
  @Property({ type: 'jsonb', nullable: true })
  perCapitaSeries: PerCapitaPoint[] | null = null;
}
