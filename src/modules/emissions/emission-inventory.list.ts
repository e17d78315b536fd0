import type { Knex } from '@mikro-orm/postgresql';
import type { RequestContext } from '../../common/context';
import { applyKeyset, countAll, pageAndTotal, withTotalCount as withTotal } from '../../common/keyset';
import { OrderDirection } from '../../common/order';
import { Page, pageRequest, type PageArgs } from '../../common/pagination';
import { requireUuids, requireYearRange } from '../../common/validation';
import { requireKnownCountries } from '../members/country.service';
import { EmissionInventory } from './emission-inventory.entity';
import type { EmissionInventoryFilter } from './emission-inventory.filter';
import { visibleInventoriesSql } from './inventory-visibility.rules';

const YEAR_KEY = { expression: 'i.year', sqlType: 'integer', idColumn: 'i.id' } as const;

async function validFilter(ctx: RequestContext, filter: EmissionInventoryFilter): Promise<EmissionInventoryFilter> {
  const checked = { ...filter };
  if (filter.memberIds) checked.memberIds = requireUuids('filter.memberIds', filter.memberIds);
  if (filter.countryCodes) {
    checked.countryCodes = await requireKnownCountries(ctx, 'filter.countryCodes', filter.countryCodes);
  }
  requireYearRange('filter.', filter);
  return checked;
}

function filteredInventories(ctx: RequestContext, filter: EmissionInventoryFilter): Knex.QueryBuilder {
  const query = ctx.reads.getKnex().from('emission_inventory as i').whereRaw(visibleInventoriesSql(ctx.viewer, 'i'));
  if (filter.memberIds?.length) query.whereIn('i.member_id', filter.memberIds);
  if (filter.countryCodes?.length) {
    query.whereIn('i.member_id', (sub) =>
      sub.select('id').from('member').whereIn('country_code', filter.countryCodes!),
    );
  }
  if (filter.standards?.length) query.whereIn('i.standard', filter.standards);
  if (filter.fromYear != null) query.where('i.year', '>=', filter.fromYear);
  if (filter.toYear != null) query.where('i.year', '<=', filter.toYear);
  if (filter.isBaseline != null) query.where('i.is_baseline', filter.isBaseline);
  if (filter.verificationStatuses?.length) query.whereIn('i.verification_status', filter.verificationStatuses);
  return query;
}

/**
 * Inventories the viewer may see, newest year first (ties by id), a page at a time; with `withTotalCount` their
 * `totalCount` read in the same statement.
 */
export async function listInventories(
  ctx: RequestContext,
  args: PageArgs & { filter?: EmissionInventoryFilter | null },
  withTotalCount: boolean,
): Promise<Page<EmissionInventory>> {
  const page = pageRequest(args, 2);
  const filter = await validFilter(ctx, args.filter ?? {});
  const query = applyKeyset(
    filteredInventories(ctx, filter).select('i.*'),
    YEAR_KEY,
    OrderDirection.DESC,
    page.after,
    page.first + 1,
  );
  const read = withTotalCount
    ? pageAndTotal(await withTotal(query, filteredInventories(ctx, filter), OrderDirection.DESC, 'id'), 'id')
    : { rows: (await query) as Record<string, unknown>[], totalCount: null };
  const inventories = read.rows.map(({ sort_key: _sortKey, total_count: _totalCount, ...columns }) =>
    ctx.em.map(EmissionInventory, columns),
  );
  return new Page(
    inventories,
    page,
    (inventory) => [inventory.year, inventory.id],
    () => read.totalCount ?? countAll(filteredInventories(ctx, filter)),
  );
}
