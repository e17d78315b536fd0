import { Migration } from '@mikro-orm/migrations';

export class Migration20261201121900 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "member_figure_group" ("member_id" uuid not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, constraint "member_figure_group_pkey" primary key ("member_id"));`);
    this.addSql(`create index "member_figure_group_group_idx" on "member_figure_group" ("country_code", "member_category");`);

    this.addSql(`create table "network_member_sector_year_count" ("public_only" boolean not null, "sector" "emission_sector" not null, "previous_year" int not null, "year" int not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "member_count" int not null, constraint "network_member_sector_year_count_pkey" primary key ("public_only", "sector", "previous_year", "year", "country_code", "member_category"));`);

    this.addSql(`create table "network_member_year_count" ("public_only" boolean not null, "previous_year" int not null, "year" int not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "member_count" int not null, constraint "network_member_year_count_pkey" primary key ("public_only", "previous_year", "year", "country_code", "member_category"));`);

    this.addSql(`create table "network_year_sector_total" ("public_only" boolean not null, "year" int not null, "sector" "emission_sector" not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "emissions_tco2e" numeric(18,3) null, "emissions_count" int not null, "final_energy_mwh" numeric(18,3) null, "final_energy_count" int not null, "member_count" int not null, constraint "network_year_sector_total_pkey" primary key ("public_only", "year", "sector", "country_code", "member_category"));`);

    this.addSql(`create table "network_year_total" ("public_only" boolean not null, "year" int not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "emissions_tco2e" numeric(18,3) not null, "final_energy_mwh" numeric(18,3) null, "final_energy_count" int not null, "member_count" int not null, constraint "network_year_total_pkey" primary key ("public_only", "year", "country_code", "member_category"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "member_figure_group" cascade;`);

    this.addSql(`drop table if exists "network_member_sector_year_count" cascade;`);

    this.addSql(`drop table if exists "network_member_year_count" cascade;`);

    this.addSql(`drop table if exists "network_year_sector_total" cascade;`);

    this.addSql(`drop table if exists "network_year_total" cascade;`);
  }

}
