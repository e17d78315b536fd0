import { Migration } from '@mikro-orm/migrations';

export class Migration20261129083741 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "inventory_standard" as enum ('BISKO', 'COM_BEI', 'COM_MEI', 'GPC_BASIC', 'GPC_BASIC_PLUS', 'OTHER');`);
    this.addSql(`create type "verification_status" as enum ('SELF_REPORTED', 'THIRD_PARTY_REVIEWED', 'VERIFIED', 'ESTIMATED');`);
    this.addSql(`create type "emission_sector" as enum ('RESIDENTIAL', 'COMMERCIAL_SERVICES', 'MUNICIPAL_FACILITIES', 'INDUSTRY', 'TRANSPORT', 'WASTE', 'AGRICULTURE_FORESTRY', 'OTHER');`);
    this.addSql(`create type "energy_carrier" as enum ('ELECTRICITY', 'DISTRICT_HEATING', 'NATURAL_GAS', 'HEATING_OIL', 'LPG', 'COAL', 'BIOMASS', 'BIOGAS', 'SOLAR_THERMAL', 'AMBIENT_HEAT', 'PETROL', 'DIESEL', 'BIOFUELS', 'OTHER_RENEWABLE', 'OTHER_FOSSIL', 'NOT_ENERGY');`);
    this.addSql(`create type "emission_scope" as enum ('SCOPE_1', 'SCOPE_2', 'SCOPE_3', 'TERRITORIAL');`);
    this.addSql(`create type "data_quality" as enum ('A', 'B', 'C', 'D');`);
    this.addSql(`create type "notation_key" as enum ('NO', 'IE', 'NE', 'C');`);
    this.addSql(`create type "target_origin" as enum ('CLIMATE_ALLIANCE_CHARTER', 'COVENANT_OF_MAYORS', 'NATIONAL_LAW', 'LOCAL_RESOLUTION', 'OTHER');`);
    this.addSql(`create type "target_type" as enum ('BASE_YEAR_ABSOLUTE', 'PER_CAPITA_LEVEL', 'NET_ZERO', 'FIXED_LEVEL');`);
    this.addSql(`create type "target_legal_status" as enum ('LEGALLY_BINDING', 'COUNCIL_RESOLUTION', 'VOLUNTARY_COMMITMENT');`);
    this.addSql(`create table "data_source" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "publisher" varchar(200) null, "url" varchar(500) null, "retrieved_at" timestamptz null, "licence" varchar(100) null, constraint "data_source_pkey" primary key ("id"));`);

    this.addSql(`create table "emission_inventory" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "member_id" uuid not null, "year" int not null, "standard" "inventory_standard" not null, "is_baseline" boolean not null default false, "verification_status" "verification_status" not null default 'SELF_REPORTED', "is_public" boolean not null default true, "published_at" timestamptz null, "data_source_id" uuid null, "tool_name" varchar(100) null, "total_emissions_tco2e" numeric(16,3) not null default 0, "total_final_energy_mwh" numeric(16,3) null, constraint "emission_inventory_pkey" primary key ("id"));`);
    this.addSql(`create index "emission_inventory_year_idx" on "emission_inventory" ("year");`);
    this.addSql(`alter table "emission_inventory" add constraint "emission_inventory_member_year_standard_unique" unique ("member_id", "year", "standard");`);

    this.addSql(`create table "emission_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "inventory_id" uuid not null, "sector" "emission_sector" not null, "energy_carrier" "energy_carrier" not null, "scope" "emission_scope" not null, "final_energy_mwh" numeric(16,3) null, "emissions_tco2e" numeric(16,3) null, "data_quality" "data_quality" null, "notation_key" "notation_key" null, "notation_explanation" varchar(500) null, constraint "emission_record_pkey" primary key ("id"), constraint emission_record_value_or_notation_key check ((emissions_tco2e is null) <> (notation_key is null)));`);
    this.addSql(`alter table "emission_record" add constraint "emission_record_inventory_line_unique" unique ("inventory_id", "sector", "energy_carrier", "scope");`);

    this.addSql(`create table "climate_target" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "member_id" uuid not null, "origin" "target_origin" not null, "type" "target_type" not null, "base_year" int null, "target_year" int not null, "reduction_percent" numeric(5,2) null, "per_capita_target_t" numeric(8,3) null, "legal_status" "target_legal_status" not null, "adopted_on" date null, constraint "climate_target_pkey" primary key ("id"));`);
    this.addSql(`create index "climate_target_member_idx" on "climate_target" ("member_id");`);

    this.addSql(`alter table "emission_inventory" add constraint "emission_inventory_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "emission_inventory" add constraint "emission_inventory_data_source_id_foreign" foreign key ("data_source_id") references "data_source" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "emission_record" add constraint "emission_record_inventory_id_foreign" foreign key ("inventory_id") references "emission_inventory" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "climate_target" add constraint "climate_target_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "emission_inventory" drop constraint "emission_inventory_data_source_id_foreign";`);

    this.addSql(`alter table "emission_record" drop constraint "emission_record_inventory_id_foreign";`);

    this.addSql(`drop table if exists "data_source" cascade;`);

    this.addSql(`drop table if exists "emission_inventory" cascade;`);

    this.addSql(`drop table if exists "emission_record" cascade;`);

    this.addSql(`drop table if exists "climate_target" cascade;`);

    this.addSql(`drop type "inventory_standard";`);
    this.addSql(`drop type "verification_status";`);
    this.addSql(`drop type "emission_sector";`);
    this.addSql(`drop type "energy_carrier";`);
    this.addSql(`drop type "emission_scope";`);
    this.addSql(`drop type "data_quality";`);
    this.addSql(`drop type "notation_key";`);
    this.addSql(`drop type "target_origin";`);
    this.addSql(`drop type "target_type";`);
    this.addSql(`drop type "target_legal_status";`);
  }

}
