import { Migration } from '@mikro-orm/migrations';

export class Migration20261129082341 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "api_key_role" as enum ('PARTNER', 'ANALYST', 'MEMBER_EDITOR', 'INDIGENOUS_STEWARD', 'COICA_LIAISON', 'ADMIN');`);
    this.addSql(`create type "country_region" as enum ('EUROPE', 'AMAZON_BASIN');`);
    this.addSql(`create type "member_category" as enum ('MUNICIPALITY', 'CITY', 'DISTRICT_COUNTY', 'PROVINCE_REGION', 'FEDERAL_STATE', 'ASSOCIATION_NGO', 'OTHER_ORGANISATION');`);
    this.addSql(`create type "membership_type" as enum ('FULL', 'ASSOCIATE');`);
    this.addSql(`create type "membership_status" as enum ('APPLIED', 'ACTIVE', 'SUSPENDED', 'LEFT');`);
    this.addSql(`create table "api_key" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "role" "api_key_role" not null, "member_id" uuid null, "organisation_id" uuid null, "key_hash" varchar(64) not null, "prefix" varchar(12) not null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`);
    this.addSql(`alter table "api_key" add constraint "api_key_key_hash_unique" unique ("key_hash");`);

    this.addSql(`create table "country" ("code" varchar(2) not null, "name" varchar(100) not null, "region" "country_region" not null, "is_member_country" boolean not null default false, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "country_pkey" primary key ("code"));`);

    this.addSql(`create table "coordination_office" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "name" varchar(200) not null, "country_code" varchar(2) not null, "website" varchar(300) null, constraint "coordination_office_pkey" primary key ("id"));`);

    this.addSql(`create table "member" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "name" varchar(200) not null, "category" "member_category" not null, "membership_type" "membership_type" not null, "status" "membership_status" not null, "country_code" varchar(2) not null, "coordination_office_id" uuid null, "joined_on" date null, "left_on" date null, "council_resolution_ref" varchar(200) null, "latitude" double precision null, "longitude" double precision null, "area_km2" double precision null, "lau_code" varchar(20) null, "nuts_code" varchar(10) null, "un_locode" varchar(6) null, "covenant_signatory_id" varchar(40) null, "wikidata_id" varchar(20) null, "geonames_id" varchar(255) null, "website" varchar(300) null, constraint "member_pkey" primary key ("id"));`);
    this.addSql(`create index "member_name_idx" on "member" ("name");`);
    this.addSql(`create index "member_country_status_idx" on "member" ("country_code", "status");`);

    this.addSql(`create table "population_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "member_id" uuid not null, "year" int not null, "population" int not null, constraint "population_record_pkey" primary key ("id"));`);
    this.addSql(`alter table "population_record" add constraint "population_record_member_year_unique" unique ("member_id", "year");`);

    this.addSql(`alter table "coordination_office" add constraint "coordination_office_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade;`);

    this.addSql(`alter table "member" add constraint "member_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade;`);
    this.addSql(`alter table "member" add constraint "member_coordination_office_id_foreign" foreign key ("coordination_office_id") references "coordination_office" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "population_record" add constraint "population_record_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "coordination_office" drop constraint "coordination_office_country_code_foreign";`);

    this.addSql(`alter table "member" drop constraint "member_country_code_foreign";`);

    this.addSql(`alter table "member" drop constraint "member_coordination_office_id_foreign";`);

    this.addSql(`alter table "population_record" drop constraint "population_record_member_id_foreign";`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "country" cascade;`);

    this.addSql(`drop table if exists "coordination_office" cascade;`);

    this.addSql(`drop table if exists "member" cascade;`);

    this.addSql(`drop table if exists "population_record" cascade;`);

    this.addSql(`drop type "api_key_role";`);
    this.addSql(`drop type "country_region";`);
    this.addSql(`drop type "member_category";`);
    this.addSql(`drop type "membership_type";`);
    this.addSql(`drop type "membership_status";`);
  }

}
