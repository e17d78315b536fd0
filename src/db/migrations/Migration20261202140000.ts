import { Migration } from '@mikro-orm/migrations';

/**
 * Covering indexes on the network totals the figures read (issue 11, x50): each holds the columns a figure filters
 * by and the ones it sums, so emissionTotals and allianceProgress read the index alone (index-only) instead of a heap
 * page for every few rows; the member counts by previous year are keyed by year first, as the figures ask (a range
 * of years, then the rows whose previous report came before it); and each member's yearly totals by member, for
 * the groupings by member of a country or category (a look-up per member instead of a scan of every member's years).
 */
export class Migration20261202140000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create index "network_year_total_read_idx" on "network_year_total" ("public_only", "year", "country_code", "member_category") include ("emissions_tco2e", "final_energy_mwh", "member_count");`);
    this.addSql(`create index "network_year_sector_total_read_idx" on "network_year_sector_total" ("public_only", "year", "sector", "country_code", "member_category") include ("emissions_tco2e", "final_energy_mwh", "member_count");`);
    this.addSql(`create index "network_member_year_count_read_idx" on "network_member_year_count" ("public_only", "year", "previous_year") include ("country_code", "member_category", "member_count");`);
    this.addSql(`create index "network_member_sector_year_count_read_idx" on "network_member_sector_year_count" ("public_only", "year", "previous_year") include ("sector", "country_code", "member_category", "member_count");`);
    this.addSql(`create index "network_line_total_read_idx" on "network_line_total" ("public_only", "shape", "year", "standard", "sector", "energy_carrier", "scope", "country_code", "member_category") include ("emissions_tco2e", "final_energy_mwh", "member_count");`);
    this.addSql(`create index "member_year_total_read_idx" on "member_year_total" ("member_id", "public_only", "year") include ("has_records", "emissions_tco2e", "final_energy_mwh");`);
    this.addSql(`create index "network_status_year_total_read_idx" on "network_status_year_total" ("public_only", "year", "member_status", "country_code", "member_category") include ("emissions_tco2e", "member_count");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "network_year_total_read_idx";`);
    this.addSql(`drop index if exists "network_year_sector_total_read_idx";`);
    this.addSql(`drop index if exists "network_member_year_count_read_idx";`);
    this.addSql(`drop index if exists "network_member_sector_year_count_read_idx";`);
    this.addSql(`drop index if exists "network_line_total_read_idx";`);
    this.addSql(`drop index if exists "member_year_total_read_idx";`);
    this.addSql(`drop index if exists "network_status_year_total_read_idx";`);
  }

}
