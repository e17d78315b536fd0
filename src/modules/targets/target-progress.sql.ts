import type { Knex } from '@mikro-orm/postgresql';
import { publicOnlyVariantSql } from './charter-progress.sql';
import type { TargetProgressFilter } from './target-progress.filter';

/**
 * Limits a query over `member m` to members with a target matching `filter`, by its stored progress
 * (climate_target_progress) in the variant `visible` (an SQL condition on alias `i`, from visibleInventoriesSql) picks.
 */
export function whereTargetProgressMatches(
  query: Knex.QueryBuilder,
  filter: TargetProgressFilter,
  visible: string,
): Knex.QueryBuilder {
  return query.whereExists(function matching() {
    this.from('climate_target as ct')
      .join('climate_target_progress as ctp', 'ctp.target_id', 'ct.id')
      .whereRaw(`ct.member_id = m.id and ctp.public_only = ${publicOnlyVariantSql(visible)}`);
    if (filter.origins?.length) this.whereIn('ct.origin', filter.origins);
    if (filter.types?.length) this.whereIn('ct.type', filter.types);
    if (filter.targetYear != null) this.where('ct.target_year', filter.targetYear);
    if (filter.statuses?.length) this.whereIn('ctp.status', filter.statuses);
  });
}
