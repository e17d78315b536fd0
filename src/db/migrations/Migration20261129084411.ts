import { Migration } from '@mikro-orm/migrations';

export class Migration20261129084411 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "consent_subject_type" as enum ('TERRITORY', 'PROJECT', 'ORGANISATION');`);
    this.addSql(`create type "location_access" as enum ('HIDDEN', 'COUNTRY', 'GRID_10KM', 'EXACT');`);
    this.addSql(`create type "indigenous_organisation_level" as enum ('REGIONAL_COORDINATION', 'NATIONAL', 'REGIONAL', 'LOCAL');`);
    this.addSql(`create type "consent_scope" as enum ('DATA_PUBLICATION', 'LOCATION_DISCLOSURE', 'RESEARCH_USE', 'MEDIA_USE');`);
    this.addSql(`create type "consent_status" as enum ('PENDING', 'GRANTED', 'WITHHELD', 'WITHDRAWN', 'EXPIRED');`);
    this.addSql(`create type "geo_precision" as enum ('EXACT', 'GRID_10KM', 'COUNTRY');`);
    this.addSql(`create type "territory_legal_status" as enum ('TITLED', 'DEMARCATED', 'STATE_RESERVE', 'CLAIMED');`);
    this.addSql(`create type "record_visibility" as enum ('PUBLIC', 'NETWORK', 'RESTRICTED');`);
    this.addSql(`create type "partnership_type" as enum ('CLIMATE_PARTNERSHIP', 'PROJECT_SUPPORT', 'KNOWLEDGE_EXCHANGE', 'ADVOCACY');`);
    this.addSql(`create type "project_theme" as enum ('FOREST_PROTECTION', 'TERRITORIAL_RIGHTS', 'RESTORATION', 'AGROFORESTRY', 'SUSTAINABLE_LIVELIHOODS', 'BIODIVERSITY_MONITORING', 'WATER_PROTECTION', 'CLIMATE_ADAPTATION', 'RENEWABLE_ENERGY', 'EDUCATION_AND_CULTURE');`);
    this.addSql(`create type "project_status" as enum ('PLANNED', 'ACTIVE', 'COMPLETED', 'SUSPENDED', 'CANCELLED');`);
    this.addSql(`create table "access_log" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "role" text check ("role" in ('ANONYMOUS', 'PARTNER', 'ANALYST', 'MEMBER_EDITOR', 'INDIGENOUS_STEWARD', 'COICA_LIAISON', 'ADMIN')) not null, "api_key_id" uuid null, "api_key_name" varchar(200) null, "subject_type" "consent_subject_type" not null, "subject_id" uuid not null, "steward_organisation_id" uuid not null, "location_access" "location_access" not null, constraint "access_log_pkey" primary key ("id"));`);
    this.addSql(`create index "access_log_steward_created_idx" on "access_log" ("steward_organisation_id", "created_at");`);

    this.addSql(`create table "indigenous_organisation" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "acronym" varchar(30) not null, "name" varchar(300) not null, "alternate_names" text[] not null, "level" "indigenous_organisation_level" not null, "country_code" varchar(2) null, "parent_id" uuid null, "peoples" text[] not null, "headquarters" varchar(200) null, "founded_year" int null, "founded_in" varchar(200) null, "website" varchar(300) null, constraint "indigenous_organisation_pkey" primary key ("id"));`);
    this.addSql(`alter table "indigenous_organisation" add constraint "indigenous_organisation_acronym_unique" unique ("acronym");`);
    this.addSql(`create index "indigenous_organisation_parent_idx" on "indigenous_organisation" ("parent_id");`);

    this.addSql(`create table "consent_record" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "steward_organisation_id" uuid not null, "subject_type" "consent_subject_type" not null, "subject_id" uuid not null, "scope" "consent_scope" not null, "status" "consent_status" not null, "granted_to_roles" "api_key_role"[] not null, "granted_to_organisation_ids" uuid[] not null, "granted_to_member_ids" uuid[] not null, "location_precision" "geo_precision" null, "valid_from" date null, "valid_until" date null, "consultation_protocol_url" varchar(500) null, "notes" text null, "withdrawn_at" timestamptz null, constraint "consent_record_pkey" primary key ("id"));`);
    this.addSql(`create index "consent_record_steward_idx" on "consent_record" ("steward_organisation_id");`);
    this.addSql(`create index "consent_record_subject_idx" on "consent_record" ("subject_id", "scope");`);

    this.addSql(`create table "indigenous_territory" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "steward_organisation_id" uuid not null, "name" varchar(300) not null, "country_code" varchar(2) not null, "legal_status" "territory_legal_status" not null, "area_hectares" numeric(14,2) null, "latitude" double precision null, "longitude" double precision null, "contains_isolated_peoples" boolean not null default false, "visibility" "record_visibility" not null default 'RESTRICTED', constraint "indigenous_territory_pkey" primary key ("id"));`);
    this.addSql(`create index "indigenous_territory_steward_idx" on "indigenous_territory" ("steward_organisation_id");`);

    this.addSql(`create table "partnership" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "organisation_id" uuid not null, "member_id" uuid null, "coordination_office_id" uuid null, "type" "partnership_type" not null, "started_on" date not null, "ended_on" date null, "description" text null, "visibility" "record_visibility" not null default 'PUBLIC', constraint "partnership_pkey" primary key ("id"), constraint partnership_one_partner_check check ((member_id is null) <> (coordination_office_id is null)));`);
    this.addSql(`create index "partnership_organisation_idx" on "partnership" ("organisation_id");`);
    this.addSql(`create index "partnership_member_idx" on "partnership" ("member_id");`);

    this.addSql(`create table "biodiversity_project" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "title" varchar(300) not null, "description" text null, "implementing_organisation_id" uuid not null, "data_steward_id" uuid not null, "partnership_id" uuid null, "territory_id" uuid null, "country_code" varchar(2) not null, "themes" "project_theme"[] not null, "status" "project_status" not null, "start_date" date null, "end_date" date null, "hectares_protected" numeric(14,2) null, "hectares_restored" numeric(14,2) null, "budget_eur" numeric(14,2) null, "latitude" double precision null, "longitude" double precision null, "concerns_isolated_peoples" boolean not null default false, "visibility" "record_visibility" not null default 'RESTRICTED', constraint "biodiversity_project_pkey" primary key ("id"));`);
    this.addSql(`create index "biodiversity_project_implementing_idx" on "biodiversity_project" ("implementing_organisation_id");`);
    this.addSql(`create index "biodiversity_project_steward_idx" on "biodiversity_project" ("data_steward_id");`);
    this.addSql(`create index "biodiversity_project_country_idx" on "biodiversity_project" ("country_code");`);

    this.addSql(`create table "contribution" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "member_id" uuid not null, "project_id" uuid null, "partnership_id" uuid null, "year" int not null, "amount" numeric(14,2) not null, "currency" varchar(3) not null default 'EUR', constraint "contribution_pkey" primary key ("id"), constraint contribution_amount_check check (amount >= 0), constraint contribution_one_target_check check ((project_id is null) <> (partnership_id is null)));`);
    this.addSql(`create index "contribution_project_idx" on "contribution" ("project_id");`);
    this.addSql(`create index "contribution_partnership_idx" on "contribution" ("partnership_id");`);

    this.addSql(`create table "project_supporting_member" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "project_id" uuid not null, "member_id" uuid not null, constraint "project_supporting_member_pkey" primary key ("id"));`);
    this.addSql(`create index "project_supporting_member_member_idx" on "project_supporting_member" ("member_id");`);
    this.addSql(`alter table "project_supporting_member" add constraint "project_supporting_member_unique" unique ("project_id", "member_id");`);

    this.addSql(`alter table "indigenous_organisation" add constraint "indigenous_organisation_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade on delete set null;`);
    this.addSql(`alter table "indigenous_organisation" add constraint "indigenous_organisation_parent_id_foreign" foreign key ("parent_id") references "indigenous_organisation" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "consent_record" add constraint "consent_record_steward_organisation_id_foreign" foreign key ("steward_organisation_id") references "indigenous_organisation" ("id") on update cascade;`);

    this.addSql(`alter table "indigenous_territory" add constraint "indigenous_territory_steward_organisation_id_foreign" foreign key ("steward_organisation_id") references "indigenous_organisation" ("id") on update cascade;`);
    this.addSql(`alter table "indigenous_territory" add constraint "indigenous_territory_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade;`);

    this.addSql(`alter table "partnership" add constraint "partnership_organisation_id_foreign" foreign key ("organisation_id") references "indigenous_organisation" ("id") on update cascade;`);
    this.addSql(`alter table "partnership" add constraint "partnership_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "partnership" add constraint "partnership_coordination_office_id_foreign" foreign key ("coordination_office_id") references "coordination_office" ("id") on update cascade on delete set null;`);

    this.addSql(`alter table "biodiversity_project" add constraint "biodiversity_project_implementing_organisation_id_foreign" foreign key ("implementing_organisation_id") references "indigenous_organisation" ("id") on update cascade;`);
    this.addSql(`alter table "biodiversity_project" add constraint "biodiversity_project_data_steward_id_foreign" foreign key ("data_steward_id") references "indigenous_organisation" ("id") on update cascade;`);
    this.addSql(`alter table "biodiversity_project" add constraint "biodiversity_project_partnership_id_foreign" foreign key ("partnership_id") references "partnership" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "biodiversity_project" add constraint "biodiversity_project_territory_id_foreign" foreign key ("territory_id") references "indigenous_territory" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "biodiversity_project" add constraint "biodiversity_project_country_code_foreign" foreign key ("country_code") references "country" ("code") on update cascade;`);

    this.addSql(`alter table "contribution" add constraint "contribution_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade;`);
    this.addSql(`alter table "contribution" add constraint "contribution_project_id_foreign" foreign key ("project_id") references "biodiversity_project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "contribution" add constraint "contribution_partnership_id_foreign" foreign key ("partnership_id") references "partnership" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "project_supporting_member" add constraint "project_supporting_member_project_id_foreign" foreign key ("project_id") references "biodiversity_project" ("id") on update cascade on delete cascade;`);
    this.addSql(`alter table "project_supporting_member" add constraint "project_supporting_member_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "indigenous_organisation" drop constraint "indigenous_organisation_parent_id_foreign";`);

    this.addSql(`alter table "consent_record" drop constraint "consent_record_steward_organisation_id_foreign";`);

    this.addSql(`alter table "indigenous_territory" drop constraint "indigenous_territory_steward_organisation_id_foreign";`);

    this.addSql(`alter table "partnership" drop constraint "partnership_organisation_id_foreign";`);

    this.addSql(`alter table "biodiversity_project" drop constraint "biodiversity_project_implementing_organisation_id_foreign";`);

    this.addSql(`alter table "biodiversity_project" drop constraint "biodiversity_project_data_steward_id_foreign";`);

    this.addSql(`alter table "biodiversity_project" drop constraint "biodiversity_project_territory_id_foreign";`);

    this.addSql(`alter table "biodiversity_project" drop constraint "biodiversity_project_partnership_id_foreign";`);

    this.addSql(`alter table "contribution" drop constraint "contribution_partnership_id_foreign";`);

    this.addSql(`alter table "contribution" drop constraint "contribution_project_id_foreign";`);

    this.addSql(`alter table "project_supporting_member" drop constraint "project_supporting_member_project_id_foreign";`);

    this.addSql(`drop table if exists "access_log" cascade;`);

    this.addSql(`drop table if exists "indigenous_organisation" cascade;`);

    this.addSql(`drop table if exists "consent_record" cascade;`);

    this.addSql(`drop table if exists "indigenous_territory" cascade;`);

    this.addSql(`drop table if exists "partnership" cascade;`);

    this.addSql(`drop table if exists "biodiversity_project" cascade;`);

    this.addSql(`drop table if exists "contribution" cascade;`);

    this.addSql(`drop table if exists "project_supporting_member" cascade;`);

    this.addSql(`drop type "consent_subject_type";`);
    this.addSql(`drop type "location_access";`);
    this.addSql(`drop type "indigenous_organisation_level";`);
    this.addSql(`drop type "consent_scope";`);
    this.addSql(`drop type "consent_status";`);
    this.addSql(`drop type "geo_precision";`);
    this.addSql(`drop type "territory_legal_status";`);
    this.addSql(`drop type "record_visibility";`);
    this.addSql(`drop type "partnership_type";`);
    this.addSql(`drop type "project_theme";`);
    this.addSql(`drop type "project_status";`);
  }

}
