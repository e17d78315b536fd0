import { Migration } from '@mikro-orm/migrations';

/**
 * The stored Charter progress by variant and status (the members list's totalCount by progress status) and by variant
 * and reduction percent in either direction (the members list ordered by it), issue 11.
 */
export class Migration20261201163000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "member_charter_progress_variant_status_idx" on "member_charter_progress" ("public_only", "status");`);
    this.addSql(`create index "member_charter_progress_reduction_asc_idx" on "member_charter_progress" ("public_only", coalesce("reduction_percent", '1e308'::double precision), "member_id");`);
    this.addSql(`create index "member_charter_progress_reduction_desc_idx" on "member_charter_progress" ("public_only", coalesce("reduction_percent", '-1e308'::double precision), "member_id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "member_charter_progress_variant_status_idx";`);
    this.addSql(`drop index if exists "member_charter_progress_reduction_asc_idx";`);
    this.addSql(`drop index if exists "member_charter_progress_reduction_desc_idx";`);
  }

}
