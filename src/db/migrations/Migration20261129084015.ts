import { Migration } from '@mikro-orm/migrations';

export class Migration20261129084015 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "viewer_role" as enum ('ANONYMOUS', 'PARTNER', 'ANALYST', 'MEMBER_EDITOR', 'INDIGENOUS_STEWARD', 'COICA_LIAISON', 'ADMIN');`);
    this.addSql(`create table "audit_log_entry" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "role" "viewer_role" not null, "api_key_id" uuid null, "api_key_name" varchar(200) null, "member_id" uuid null, "organisation_id" uuid null, "operation_name" varchar(200) null, "mutation" varchar(100) not null, "arguments" jsonb not null, "succeeded" boolean not null, "error_code" varchar(50) null, "request_id" varchar(100) not null, "client_ip" varchar(64) null, constraint "audit_log_entry_pkey" primary key ("id"));`);
    this.addSql(`create index "audit_log_entry_api_key_idx" on "audit_log_entry" ("api_key_id");`);
    this.addSql(`create index "audit_log_entry_created_at_idx" on "audit_log_entry" ("created_at", "id");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_log_entry" cascade;`);

    this.addSql(`drop type "viewer_role";`);
  }

}
