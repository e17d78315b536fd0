import { Migration } from '@mikro-orm/migrations';

/** The access log records who the reader speaks for and the purpose it declared (issue 12). */
export class Migration20261201095600 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create type "access_purpose" as enum ('PARTNERSHIP_COORDINATION', 'PROJECT_MONITORING', 'REPORTING', 'RESEARCH', 'STEWARDSHIP', 'UNDECLARED');`,
    );
    this.addSql(
      `alter table "access_log" add column "reader_organisation_id" uuid null, add column "reader_member_id" uuid null, add column "purpose" "access_purpose" not null default 'UNDECLARED';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "access_log" drop column "reader_organisation_id", drop column "reader_member_id", drop column "purpose";`,
    );
    this.addSql(`drop type "access_purpose";`);
  }
}
