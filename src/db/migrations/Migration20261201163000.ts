import { Migration } from '@mikro-orm/migrations';

/** The stored Charter progress by variant and status: the members list's totalCount by progress status (issue 11). */
export class Migration20261201163000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "member_charter_progress_variant_status_idx" on "member_charter_progress" ("public_only", "status");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "member_charter_progress_variant_status_idx";`);
  }

}
