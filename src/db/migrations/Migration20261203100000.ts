import { Migration } from '@mikro-orm/migrations';

/**
 * The network line totals' member counts by previous year (issue 11): groupings by energy carrier, scope or
 * standard over a range of years, not by year, count their members from these rows instead of the members' lines.
 * Filled by `db:rebuild-figures` (or a seed) and kept on write from then on.
 */
export class Migration20261203100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "network_member_line_year_count" ("public_only" boolean not null, "shape" text not null, "year" int not null, "previous_year" int not null, "standard" text not null, "sector" text not null, "energy_carrier" text not null, "scope" text not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "member_count" int not null, constraint "network_member_line_year_count_pkey" primary key ("public_only", "shape", "year", "previous_year", "standard", "sector", "energy_carrier", "scope", "country_code", "member_category"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network_member_line_year_count" cascade;`);
  }

}
