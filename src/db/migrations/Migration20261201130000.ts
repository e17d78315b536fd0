import { Migration } from '@mikro-orm/migrations';

/** Target writes and the progress of every target; emission factor sets, computed records and their recomputations (issue 14). */
export class Migration20261201130000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "target_measure" as enum ('TOTAL_TCO2E', 'TCO2E_PER_CAPITA');`);
    this.addSql(`create table "emission_factor_set" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "version" int not null, "standard" "inventory_standard" not null, "description" text null, "source_url" varchar(500) not null, "licence" varchar(100) not null, constraint "emission_factor_set_pkey" primary key ("id"));`);
    this.addSql(`alter table "emission_factor_set" add constraint "emission_factor_set_name_version_unique" unique ("name", "version");`);

    this.addSql(`create table "emission_factor" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "set_id" uuid not null, "energy_carrier" "energy_carrier" not null, "country_code" varchar(2) null, "year" int null, "tco2e_per_mwh" numeric(10,6) not null, constraint "emission_factor_pkey" primary key ("id"));`);
    this.addSql(`create index "emission_factor_set_idx" on "emission_factor" ("set_id");`);

    this.addSql(`create table "inventory_recomputation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "inventory_id" uuid not null, "factor_set_id" uuid not null, "previous_total_emissions_tco2e" numeric(16,3) not null, "total_emissions_tco2e" numeric(16,3) not null, "previous_records" jsonb not null, constraint "inventory_recomputation_pkey" primary key ("id"));`);
    this.addSql(`create index "inventory_recomputation_inventory_idx" on "inventory_recomputation" ("inventory_id");`);

    this.addSql(`create table "climate_target_progress" ("target_id" uuid not null, "public_only" boolean not null, "member_id" uuid not null, "status" "trajectory_status" not null, "measure" "target_measure" not null, "baseline_year" int null, "baseline_tco2e" double precision null, "latest_year" int null, "latest_tco2e" double precision null, "baseline_value" double precision null, "latest_value" double precision null, "target_value" double precision null, "path_value" double precision null, "reduction_percent" double precision null, "residual_value" double precision null, "required_annual_reduction_percent" double precision null, "required_annual_cut" double precision null, "per_capita_series" jsonb null, constraint "climate_target_progress_pkey" primary key ("target_id", "public_only"));`);
    this.addSql(`create index "climate_target_progress_member_idx" on "climate_target_progress" ("member_id");`);

    this.addSql(`alter table "emission_factor" add constraint "emission_factor_set_id_foreign" foreign key ("set_id") references "emission_factor_set" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "inventory_recomputation" add constraint "inventory_recomputation_inventory_id_foreign" foreign key ("inventory_id") references "emission_inventory" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "inventory_recomputation" add constraint "inventory_recomputation_factor_set_id_foreign" foreign key ("factor_set_id") references "emission_factor_set" ("id") on update cascade on delete restrict;`);

    this.addSql(`alter table "emission_record" add column "emission_factor_tco2e_per_mwh" numeric(10,6) null, add column "emission_factor_set_id" uuid null;`);
    this.addSql(`alter table "emission_record" add constraint "emission_record_emission_factor_set_id_foreign" foreign key ("emission_factor_set_id") references "emission_factor_set" ("id") on update cascade on delete restrict;`);
    this.addSql(`alter table "emission_record" add constraint emission_record_factor_with_set check((emission_factor_tco2e_per_mwh is null) = (emission_factor_set_id is null));`);

    this.addSql(`alter table "climate_target" add column "level_tco2e" numeric(16,3) null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "emission_factor" drop constraint "emission_factor_set_id_foreign";`);

    this.addSql(`alter table "inventory_recomputation" drop constraint "inventory_recomputation_factor_set_id_foreign";`);

    this.addSql(`alter table "emission_record" drop constraint "emission_record_emission_factor_set_id_foreign";`);

    this.addSql(`drop table if exists "emission_factor_set" cascade;`);

    this.addSql(`drop table if exists "emission_factor" cascade;`);

    this.addSql(`drop table if exists "inventory_recomputation" cascade;`);

    this.addSql(`drop table if exists "climate_target_progress" cascade;`);

    this.addSql(`alter table "climate_target" drop column "level_tco2e";`);

    this.addSql(`alter table "emission_record" drop constraint emission_record_factor_with_set;`);
    this.addSql(`alter table "emission_record" drop column "emission_factor_tco2e_per_mwh", drop column "emission_factor_set_id";`);

    this.addSql(`drop type "target_measure";`);
  }

}
