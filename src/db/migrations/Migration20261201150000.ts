import { Migration } from '@mikro-orm/migrations';

/** The network line totals (groupings by energy carrier, scope and standard at the network level, issue 11). */
export class Migration20261201150000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "network_line_total" ("public_only" boolean not null, "shape" text not null, "year" int not null, "standard" text not null, "sector" text not null, "energy_carrier" text not null, "scope" text not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "emissions_tco2e" numeric(18,3) null, "emissions_count" int not null, "final_energy_mwh" numeric(18,3) null, "final_energy_count" int not null, "member_count" int not null, constraint "network_line_total_pkey" primary key ("public_only", "shape", "year", "standard", "sector", "energy_carrier", "scope", "country_code", "member_category"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network_line_total" cascade;`);
  }

}
