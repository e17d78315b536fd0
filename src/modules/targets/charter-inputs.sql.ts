import { standardRankSql } from '../emissions/standard-preference';
import { CHARTER_BASE_YEAR } from './charter-progress';

/**
 * A LATERAL subquery with the Charter inputs (charter-progress.ts CharterInputs) of the member whose id is
 * `memberId` (an SQL column), from the inventories `visible` allows (an SQL condition on alias `i`):
 * baseline_year, baseline_tco2e, latest_year, latest_tco2e, latest_population.
 */
export function charterInputsLateral(memberId: string, visible: string): string {
  const preferred = `order by ${standardRankSql('i.standard')} limit 1`;
  return `(
    select y.baseline_year, b.tco2e as baseline_tco2e, l.year as latest_year, l.tco2e as latest_tco2e,
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
  )`;
}
