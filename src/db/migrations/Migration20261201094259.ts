import { Migration } from '@mikro-orm/migrations';

export class Migration20261201094259 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "trajectory_status" as enum ('ON_TRACK', 'SLIGHTLY_OFF', 'OFF_TRACK', 'NO_DATA');`);
    this.addSql(`create table "inventory_line_total" ("inventory_id" uuid not null, "sector" "emission_sector" not null, "energy_carrier" "energy_carrier" not null, "scope" "emission_scope" not null, "member_id" uuid not null, "year" int not null, "standard" "inventory_standard" not null, "is_public" boolean not null, "preferred" boolean not null, "preferred_public" boolean not null, "emissions_tco2e" numeric(16,3) null, "final_energy_mwh" numeric(16,3) null, constraint "inventory_line_total_pkey" primary key ("inventory_id", "sector", "energy_carrier", "scope"));`);
    this.addSql(`create index "inventory_line_total_year_idx" on "inventory_line_total" ("year");`);
    this.addSql(`create index "inventory_line_total_member_idx" on "inventory_line_total" ("member_id");`);

    this.addSql(`create table "member_charter_progress" ("member_id" uuid not null, "public_only" boolean not null, "status" "trajectory_status" not null, "baseline_year" int null, "baseline_tco2e" double precision null, "latest_year" int null, "latest_tco2e" double precision null, "reduction_percent" double precision null, "charter_path_tco2e" double precision null, "required_annual_reduction_percent" double precision null, "per_capita_tco2e" double precision null, constraint "member_charter_progress_pkey" primary key ("member_id", "public_only"));`);

    this.addSql(
      `create table "member_year_sector_total" ("member_id" uuid not null, "year" int not null, "public_only" boolean not null, "sector" "emission_sector" not null, "emissions_tco2e" numeric(16,3) null, "final_energy_mwh" numeric(16,3) null, constraint "member_year_sector_total_pkey" primary key ("member_id", "year", "public_only", "sector"));`,
    );

    this.addSql(`create table "member_year_total" ("member_id" uuid not null, "year" int not null, "public_only" boolean not null, "standard" "inventory_standard" not null, "emissions_tco2e" numeric(16,3) not null, "final_energy_mwh" numeric(16,3) null, "has_records" boolean not null, constraint "member_year_total_pkey" primary key ("member_id", "year", "public_only"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "inventory_line_total" cascade;`);

    this.addSql(`drop table if exists "member_charter_progress" cascade;`);

    this.addSql(`drop table if exists "member_year_sector_total" cascade;`);

    this.addSql(`drop table if exists "member_year_total" cascade;`);

    this.addSql(`drop type "trajectory_status";`);
  }

}
