import type { Knex } from '@mikro-orm/postgresql';
import type { EmissionTotalsFilter } from './emission-filter';

/** Applies the member, year and standard conditions to maintained figure rows `f` joined to `member m`. */
export function whereFiguresMatch(query: Knex.QueryBuilder, filter: EmissionTotalsFilter): Knex.QueryBuilder {
  if (filter.countryCodes?.length) query.whereIn('m.country_code', filter.countryCodes);
  if (filter.memberIds?.length) query.whereIn('f.member_id', filter.memberIds);
  if (filter.memberCategories?.length) query.whereIn('m.category', filter.memberCategories);
  if (filter.fromYear != null) query.where('f.year', '>=', filter.fromYear);
  if (filter.toYear != null) query.where('f.year', '<=', filter.toYear);
  if (filter.standards?.length) query.whereIn('f.standard', filter.standards);
  return query;
}

/** Applies the line conditions to inventory_line_total rows `f`. */
export function whereLinesMatch(query: Knex.QueryBuilder, filter: EmissionTotalsFilter): Knex.QueryBuilder {
  if (filter.sectors?.length) query.whereIn('f.sector', filter.sectors);
  if (filter.energyCarriers?.length) query.whereIn('f.energy_carrier', filter.energyCarriers);
  if (filter.scopes?.length) query.whereIn('f.scope', filter.scopes);
  return query;
}
