import { Migration } from '@mikro-orm/migrations';

/**
 * The network totals by membership status allianceProgress reads (issue 11): each member's status recorded with its
 * network group, and the two tables filled from the maintained per-member figures (the statements of
 * network-progress.sql.ts over every member), so a migrated database answers at once, without a rebuild.
 */
export class Migration20261201190000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table "member_figure_group" add column "member_status" "membership_status" null;`);
    this.addSql(`update "member_figure_group" g set "member_status" = m."status" from "member" m where m."id" = g."member_id";`);
    // a group row without its member (none should exist) is dropped rather than given a status it never had
    this.addSql(`delete from "member_figure_group" where "member_status" is null;`);
    this.addSql(`alter table "member_figure_group" alter column "member_status" set not null;`);

    this.addSql(`create table "network_status_year_total" ("public_only" boolean not null, "year" int not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "member_status" "membership_status" not null, "emissions_tco2e" numeric(18,3) not null, "member_count" int not null, constraint "network_status_year_total_pkey" primary key ("public_only", "year", "country_code", "member_category", "member_status"));`);

    this.addSql(`create table "network_charter_status_count" ("public_only" boolean not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "member_status" "membership_status" not null, "status" "trajectory_status" not null, "member_count" int not null, constraint "network_charter_status_count_pkey" primary key ("public_only", "country_code", "member_category", "member_status", "status"));`);

    this.addSql(`insert into "network_status_year_total" ("public_only", "year", "country_code", "member_category", "member_status", "emissions_tco2e", "member_count") select r."public_only", r."year", g."country_code", g."member_category", g."member_status", sum(r."emissions_tco2e"), count(*)::int from "member_figure_group" g join "member_year_total" r on r."member_id" = g."member_id" group by r."public_only", r."year", g."country_code", g."member_category", g."member_status";`);

    this.addSql(`insert into "network_charter_status_count" ("public_only", "country_code", "member_category", "member_status", "status", "member_count") select r."public_only", g."country_code", g."member_category", g."member_status", r."status", count(*)::int from "member_figure_group" g join "member_charter_progress" r on r."member_id" = g."member_id" group by r."public_only", g."country_code", g."member_category", g."member_status", r."status";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network_status_year_total" cascade;`);

    this.addSql(`drop table if exists "network_charter_status_count" cascade;`);

    this.addSql(`alter table "member_figure_group" drop column "member_status";`);
  }

}
