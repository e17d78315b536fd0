import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { ProgressFigures } from './progress-figures.entity';

/**
 * A member's progress against the Charter (charter-progress.ts), maintained in the same transaction as every
 * write that changes it (see charter-progress-refresh.sql.ts). Every member has two rows: `publicOnly` computed from
 * its public inventories only, for anonymous callers, and one from all its inventories.
 */
@Entity({ tableName: 'member_charter_progress' })
// the members list's totalCount by progress status counts these, index-only
@Index({ name: 'member_charter_progress_variant_status_idx', properties: ['publicOnly', 'status'] })
// the members list by reduction percent walks these and stops at a page: its sort key, with the sentinel that puts
// members without a reduction last in each direction (member.list.ts, SORT_KEYS), must be the indexed expression
@Index({
  name: 'member_charter_progress_reduction_asc_idx',
  expression:
    'create index "member_charter_progress_reduction_asc_idx" on "member_charter_progress" ' +
    '("public_only", coalesce("reduction_percent", \'1e308\'::double precision), "member_id")',
})
@Index({
  name: 'member_charter_progress_reduction_desc_idx',
  expression:
    'create index "member_charter_progress_reduction_desc_idx" on "member_charter_progress" ' +
    '("public_only", coalesce("reduction_percent", \'-1e308\'::double precision), "member_id")',
})
export class MemberCharterProgress extends ProgressFigures {
  @PrimaryKey({ type: 'uuid' })
  memberId!: string;

  @PrimaryKey()
  publicOnly!: boolean;

  @Property({ type: 'double precision', nullable: true })
  charterPathTco2e: number | null = null;

  @Property({ type: 'double precision', nullable: true })
  perCapitaTco2e: number | null = null;
}
