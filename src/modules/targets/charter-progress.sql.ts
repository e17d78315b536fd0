/**
 * Whether the viewer's figures are the public-only variant, as an SQL expression, from `visible` (an SQL condition on
 * alias `i`, from visibleInventoriesSql): the condition holds for a non-public inventory exactly when the viewer sees
 * more than public inventories; evaluated once per statement, it picks the stored variant without the caller naming it.
 */
export function publicOnlyVariantSql(visible: string): string {
  return `not (select ${visible} from (select false as is_public) i)`;
}

/**
 * A LATERAL subquery with the stored Charter progress (member_charter_progress) of the member whose id is
 * `memberId` (an SQL column), in the variant `visible` (an SQL condition on alias `i`, from visibleInventoriesSql)
 * selects: status, reduction_percent, baseline_year, baseline_tco2e, latest_year, latest_tco2e, charter_path_tco2e,
 * required_annual_reduction_percent, per_capita_tco2e. Lists filter and sort by it in SQL.
 */
export function charterProgressLateral(memberId: string, visible: string): string {
  return `(
    select cp.* from member_charter_progress cp
    where cp.member_id = ${memberId} and cp.public_only = ${publicOnlyVariantSql(visible)}
  )`;
}

/**
 * An inner join of the stored Charter progress as `pg` on the member whose id is `memberId` (an SQL column), in the
 * variant `visible` selects. Every member has exactly one row per variant, written in the transaction that creates the
 * member (refreshMemberFigures), so the join keeps every member, like `charterProgressLateral`; unlike a LEFT JOIN it
 * lets PostgreSQL walk member_charter_progress in the order of an index (the reduction-percent indexes) and stop at a
 * page.
 */
export function charterProgressJoin(memberId: string, visible: string): string {
  return `join member_charter_progress pg on pg.member_id = ${memberId} and pg.public_only = ${publicOnlyVariantSql(visible)}`;
}
