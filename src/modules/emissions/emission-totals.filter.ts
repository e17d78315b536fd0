import { Field, ID, InputType, Int } from 'type-graphql';
import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { requireMaxItems, requireUuids, requireYearRange } from '../../common/validation';
import { requireKnownCountries } from '../members/country.service';
import { MemberCategory } from '../members/member.enums';
import { EmissionScope, EnergyCarrier, InventoryStandard, Sector } from './emission.enums';

@InputType({
  description:
    'Which emission records to aggregate or export; all given conditions must hold. Lists hold at most 100 entries.',
})
export class EmissionTotalsFilter {
  @Field(() => [String], { nullable: true, description: "Members' ISO alpha-2 country codes." })
  countryCodes?: string[];

  @Field(() => [ID], { nullable: true, description: 'These members only.' })
  memberIds?: string[];

  @Field(() => [MemberCategory], { nullable: true, description: 'Members of these categories.' })
  memberCategories?: MemberCategory[];

  @Field(() => Int, { nullable: true, description: 'Inventory years from this one on.' })
  fromYear?: number;

  @Field(() => Int, { nullable: true, description: 'Inventory years up to and including this one.' })
  toYear?: number;

  @Field(() => [Sector], { nullable: true, description: 'Records of these sectors.' })
  sectors?: Sector[];

  @Field(() => [EnergyCarrier], { nullable: true, description: 'Records of these energy carriers.' })
  energyCarriers?: EnergyCarrier[];

  @Field(() => [InventoryStandard], { nullable: true, description: 'Inventories of these standards.' })
  standards?: InventoryStandard[];

  @Field(() => [EmissionScope], { nullable: true, description: 'Records of these scopes.' })
  scopes?: EmissionScope[];
}

/** Checks a filter; `prefix` is its field path (`filter`, or the query-string name for exports). */
export async function validEmissionFilter(
  ctx: RequestContext,
  filter: EmissionTotalsFilter,
  prefix = 'filter.',
): Promise<EmissionTotalsFilter> {
  const checked = { ...filter };
  if (filter.countryCodes) {
    checked.countryCodes = await requireKnownCountries(ctx, `${prefix}countryCodes`, filter.countryCodes);
  }
  if (filter.memberIds) checked.memberIds = requireUuids(`${prefix}memberIds`, filter.memberIds);
  for (const list of ['memberCategories', 'sectors', 'energyCarriers', 'standards', 'scopes'] as const) {
    if (filter[list]) requireMaxItems(`${prefix}${list}`, filter[list]);
  }
  requireYearRange(prefix, filter);
  return checked;
}

/**
 * Applies the inventory and member conditions to a query over `emission_inventory i` (or maintained figure rows named
 * `inventory`) joined to `member m`.
 */
export function whereInventoriesMatch(
  query: Knex.QueryBuilder,
  filter: EmissionTotalsFilter,
  inventory = 'i',
): Knex.QueryBuilder {
  if (filter.countryCodes?.length) query.whereIn('m.country_code', filter.countryCodes);
  if (filter.memberIds?.length) query.whereIn(`${inventory}.member_id`, filter.memberIds);
  if (filter.memberCategories?.length) query.whereIn('m.category', filter.memberCategories);
  if (filter.fromYear != null) query.where(`${inventory}.year`, '>=', filter.fromYear);
  if (filter.toYear != null) query.where(`${inventory}.year`, '<=', filter.toYear);
  if (filter.standards?.length) query.whereIn(`${inventory}.standard`, filter.standards);
  return query;
}

/** Applies the record conditions to a query over `emission_record r` (or inventory_line_total rows named `line`). */
export function whereRecordsMatch(
  query: Knex.QueryBuilder,
  filter: EmissionTotalsFilter,
  line = 'r',
): Knex.QueryBuilder {
  if (filter.sectors?.length) query.whereIn(`${line}.sector`, filter.sectors);
  if (filter.energyCarriers?.length) query.whereIn(`${line}.energy_carrier`, filter.energyCarriers);
  if (filter.scopes?.length) query.whereIn(`${line}.scope`, filter.scopes);
  return query;
}
