import { Migration } from '@mikro-orm/migrations';

/**
 * The network line totals' member counts by previous year (issue 11): groupings by energy carrier, scope or
 * standard over a range of years, not by year, count their members from these rows instead of the members' lines.
 * Filled here from the maintained lines, kept on write from then on.
 */
export class Migration20261203100000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table "network_member_line_year_count" ("public_only" boolean not null, "shape" text not null, "year" int not null, "previous_year" int not null, "standard" text not null, "sector" text not null, "energy_carrier" text not null, "scope" text not null, "country_code" varchar(2) not null, "member_category" "member_category" not null, "member_count" int not null, constraint "network_member_line_year_count_pkey" primary key ("public_only", "shape", "year", "previous_year", "standard", "sector", "energy_carrier", "scope", "country_code", "member_category"));`);
    // filled from the maintained lines (the statement of network-member-line-year-count.sql.ts over every member),
    // so a migrated database counts these groupings' members at once, without a rebuild
    this.addSql(`insert into "network_member_line_year_count" ("public_only", "shape", "year", "previous_year", "standard", "sector", "energy_carrier", "scope", "country_code", "member_category", "member_count") select public_only, shape, year, previous_year, standard, sector, energy_carrier, scope, country_code, member_category, count(*)::int as member_count from ( select v.public_only, concat_ws(' ', case when s.standard is not null then 'standard' end, case when s.sector is not null then 'sector' end, case when s.energy_carrier is not null then 'energy_carrier' end, case when s.scope is not null then 'scope' end) as shape, coalesce(s.standard::text, '*') as standard, coalesce(s.sector::text, '*') as sector, coalesce(s.energy_carrier::text, '*') as energy_carrier, coalesce(s.scope::text, '*') as scope, coalesce(lag(s.year) over (partition by s.member_id, v.public_only, s.standard, s.sector, s.energy_carrier, s.scope order by s.year), 0) as previous_year, s.year, s.country_code, s.member_category from (select f.member_id, f.year, f.preferred as in_all, f.preferred_public as in_public, null::inventory_standard as standard, f.sector, f.energy_carrier, f.scope, g.country_code, g.member_category from member_figure_group g join inventory_line_total f on f.member_id = g.member_id where (f.preferred or f.preferred_public) and true group by f.inventory_id, f.member_id, f.year, f.preferred, f.preferred_public, g.country_code, g.member_category, grouping sets ((f.energy_carrier), (f.scope), (f.sector, f.scope), (f.energy_carrier, f.scope)) union all select f.member_id, f.year, true as in_all, f.is_public as in_public, f.standard as standard, f.sector, null::energy_carrier, null::emission_scope, g.country_code, g.member_category from member_figure_group g join inventory_line_total f on f.member_id = g.member_id where (true) and true group by f.inventory_id, f.member_id, f.year, f.is_public, f.standard, g.country_code, g.member_category, grouping sets ((), (f.sector))) s cross join (values (false), (true)) v(public_only) where case when v.public_only then s.in_public else s.in_all end ) r group by public_only, shape, year, previous_year, standard, sector, energy_carrier, scope, country_code, member_category;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "network_member_line_year_count" cascade;`);
  }

}
