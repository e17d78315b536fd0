import { standardRankSql } from '../emissions/standard-preference';
import { CHARTER_BASE_YEAR, CHARTER_REDUCTION, CHARTER_TARGET_YEAR, SLIGHTLY_OFF_FACTOR } from './charter-progress';

/**
 * A LATERAL subquery with the Charter inputs of the member whose id is `memberId` (an SQL column), from the
 * inventories `visible` allows (an SQL condition on alias `i`): baseline_year, baseline_tco2e, latest_year,
 * latest_tco2e, latest_population; plus status and reduction_percent so lists can filter and sort in SQL.
 * status and reduction_percent repeat the formulas of charter-progress.ts in double precision, with the same
 * operations in the same order, so both give the same answer (tests hold them to it).
 */
export function charterProgressLateral(memberId: string, visible: string): string {
  const preferred = `order by ${standardRankSql('i.standard')} limit 1`;
  return `(
    select x.*,
      case
        when x.latest_year is null then 'NO_DATA'
        when x.latest_tco2e <= x.path_tco2e then 'ON_TRACK'
        when x.latest_tco2e <= x.path_tco2e * ${SLIGHTLY_OFF_FACTOR}::float8 then 'SLIGHTLY_OFF'
        else 'OFF_TRACK'
      end as status,
      case when x.latest_year is not null and x.baseline_tco2e > 0
        then (1 - x.latest_tco2e / x.baseline_tco2e) * 100 end as reduction_percent
    from (
      select y.baseline_year, b.tco2e as baseline_tco2e, l.year as latest_year, l.tco2e as latest_tco2e,
        b.tco2e * (1 - (${CHARTER_REDUCTION}::float8 * (l.year - y.baseline_year))
          / (${CHARTER_TARGET_YEAR} - y.baseline_year)) as path_tco2e,
        pop.population as latest_population
      from (
        select coalesce(min(i.year) filter (where i.year = ${CHARTER_BASE_YEAR}),
                        min(i.year) filter (where i.is_baseline), min(i.year)) as baseline_year,
               max(i.year) as latest_year
        from emission_inventory i where i.member_id = ${memberId} and ${visible}
      ) y
      left join lateral (
        select i.total_emissions_tco2e::float8 as tco2e from emission_inventory i
        where i.member_id = ${memberId} and ${visible} and i.year = y.baseline_year ${preferred}
      ) b on true
      left join lateral (
        select i.year, i.total_emissions_tco2e::float8 as tco2e from emission_inventory i
        where i.member_id = ${memberId} and ${visible} and i.year = y.latest_year and y.latest_year > y.baseline_year
        ${preferred}
      ) l on true
      left join lateral (
        select pr.population from population_record pr
        where pr.member_id = ${memberId} and pr.year <= l.year order by pr.year desc limit 1
      ) pop on true
    ) x
  )`;
}
