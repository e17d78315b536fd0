import { Migration } from '@mikro-orm/migrations';

export class Migration20261129083253 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create type "timber_policy_level" as enum ('FULL_TROPICAL_ABSTENTION', 'CERTIFIED_ONLY_FSC', 'CERTIFIED_FSC_OR_PEFC', 'REGIONAL_PREFERENCE', 'NONE');`);
    this.addSql(`create type "timber_product_category" as enum ('CONSTRUCTION', 'JOINERY', 'FLOORING', 'FURNITURE', 'OUTDOOR_FACILITIES', 'PAPER', 'PACKAGING', 'OTHER');`);
    this.addSql(`create type "certification_scheme" as enum ('FSC', 'PEFC');`);
    this.addSql(`create type "timber_commitment_status" as enum ('ACTIVE', 'LAPSED', 'REVOKED');`);
    this.addSql(`create type "certification_claim" as enum ('CERTIFIED_100_PERCENT', 'MIX', 'RECYCLED', 'CONTROLLED_SOURCES');`);
    this.addSql(`create type "timber_procurement_compliance" as enum ('COMPLIANT', 'NON_COMPLIANT', 'OUT_OF_SCOPE');`);
    this.addSql(`create type "timber_non_compliance_reason" as enum ('TROPICAL_TIMBER', 'NOT_CERTIFIED', 'SCHEME_NOT_ACCEPTED', 'NOT_REGIONAL', 'MISSING_DUE_DILIGENCE');`);
    this.addSql(`create table "timber_commitment" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, "member_id" uuid not null, "policy_level" "timber_policy_level" not null, "adopted_on" date null, "resolution_ref" varchar(200) null, "scope" "timber_product_category"[] not null, "accepted_certification_schemes" "certification_scheme"[] not null, "requires_due_diligence_reference" boolean not null default false, "region_country_codes" text[] not null, "review_due" date null, "status" "timber_commitment_status" not null default 'ACTIVE', constraint "timber_commitment_pkey" primary key ("id"));`);
    this.addSql(`alter table "timber_commitment" add constraint "timber_commitment_member_unique" unique ("member_id");`);
    this.addSql(`create index "timber_commitment_policy_status_idx" on "timber_commitment" ("policy_level", "status");`);

    this.addSql(`create table "timber_procurement" ("id" uuid not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, "commitment_id" uuid not null, "year" int not null, "product_category" "timber_product_category" not null, "species" varchar(120) not null, "is_tropical" boolean not null, "volume_m3" numeric(14,3) not null, "value_eur" numeric(14,2) not null, "country_of_production_code" varchar(2) not null, "certification_scheme" "certification_scheme" null, "certification_claim" "certification_claim" null, "certificate_code" varchar(40) null, "due_diligence_reference" varchar(100) null, "compliance" "timber_procurement_compliance" not null, "non_compliance_reason" "timber_non_compliance_reason" null, constraint "timber_procurement_pkey" primary key ("id"), constraint timber_procurement_reason_check check ((compliance = 'NON_COMPLIANT') = (non_compliance_reason is not null)), constraint timber_procurement_amounts_check check (volume_m3 >= 0 and value_eur >= 0), constraint timber_procurement_year_check check (year >= 1990));`);
    this.addSql(`create index "timber_procurement_commitment_year_idx" on "timber_procurement" ("commitment_id", "year");`);

    this.addSql(`alter table "timber_commitment" add constraint "timber_commitment_member_id_foreign" foreign key ("member_id") references "member" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table "timber_procurement" add constraint "timber_procurement_commitment_id_foreign" foreign key ("commitment_id") references "timber_commitment" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "timber_procurement" drop constraint "timber_procurement_commitment_id_foreign";`);

    this.addSql(`drop table if exists "timber_commitment" cascade;`);

    this.addSql(`drop table if exists "timber_procurement" cascade;`);

    this.addSql(`drop type "timber_policy_level";`);
    this.addSql(`drop type "timber_product_category";`);
    this.addSql(`drop type "certification_scheme";`);
    this.addSql(`drop type "timber_commitment_status";`);
    this.addSql(`drop type "certification_claim";`);
    this.addSql(`drop type "timber_procurement_compliance";`);
    this.addSql(`drop type "timber_non_compliance_reason";`);
  }

}
