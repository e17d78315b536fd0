import DataLoader from 'dataloader';
import { defineLoader, type RequestContext } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import {
  type KeyedPlan,
  plannedObject,
  planRead,
  type ReadPlan,
  rememberedPlan,
  selectPlanned,
} from '../../common/read-plan';
import { keysOnly, type Selection } from '../../common/selection';
import { DataSource } from './data-source.entity';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionRecord } from './emission-record.entity';
import { visibleInventoriesSql } from './inventory-visibility.rules';
import { byYearThenPreference, standardRankSql } from './standard-preference';

const inventoryPlans = new WeakMap<Selection, KeyedPlan>();
const recordPlans = new WeakMap<Selection, KeyedPlan>();

/** The inventory columns a selection needs, plus what the loaders group, sort and filter by. */
function inventoryPlan(ctx: RequestContext, selection: Selection): KeyedPlan {
  return rememberedPlan(inventoryPlans, selection, () =>
    planRead(ctx.reads, EmissionInventory, keysOnly(selection, ['member', 'dataSource']), 'i', [
      'member',
      'year',
      'standard',
    ]),
  );
}

/** Plain inventory rows, typed as the entity for the GraphQL type: their resolvers read only InventoryParent. */
function plannedInventories(rows: Record<string, unknown>[], plan: ReadPlan): EmissionInventory[] {
  return rows.map((row) => plannedObject(row, plan) as unknown as EmissionInventory);
}

/**
 * The inventories the viewer may see, per member, oldest first (in standard preference order within a year), as plain
 * rows with the columns `selection` asks: one loader, so one statement per batch, per shape of selection.
 */
export function inventoriesByMember(
  ctx: RequestContext,
  selection: Selection,
): DataLoader<string, EmissionInventory[]> {
  const { plan, key } = inventoryPlan(ctx, selection);
  return ctx.loaders.get(
    `inventoriesByMember ${key}`,
    () =>
      new DataLoader<string, EmissionInventory[]>(async (memberIds) => {
        const query = ctx.reads
          .getKnex()
          .from(`${plan.table} as i`)
          .whereIn('i.member_id', [...memberIds])
          .whereRaw(visibleInventoriesSql(ctx.viewer, 'i'));
        const inventories = plannedInventories(await selectPlanned(query, plan), plan);
        return groupByKeys(memberIds, inventories.sort(byYearThenPreference), (inventory) => inventory.member.id);
      }),
  );
}

/** Per member, the preferred visible inventory of its latest year, as a plain row with the columns `selection` asks. */
export function latestInventoryByMember(
  ctx: RequestContext,
  selection: Selection,
): DataLoader<string, EmissionInventory | null> {
  const { plan, key } = inventoryPlan(ctx, selection);
  return ctx.loaders.get(
    `latestInventoryByMember ${key}`,
    () =>
      new DataLoader<string, EmissionInventory | null>(async (memberIds) => {
        const query = ctx.reads
          .getKnex()
          .from(`${plan.table} as i`)
          .distinctOn('i.member_id')
          .whereIn('i.member_id', [...memberIds])
          .whereRaw(visibleInventoriesSql(ctx.viewer, 'i'))
          .orderByRaw(`i.member_id, i.year desc, ${standardRankSql('i.standard')}`);
        const inventories = plannedInventories(await selectPlanned(query, plan), plan);
        return byKeys(memberIds, inventories, (inventory) => inventory.member.id, null);
      }),
  );
}

/**
 * Records per inventory, by sector, energy carrier and scope, as plain rows with the columns `selection` asks (records
 * have no field resolvers, so the rows are the answer).
 */
export function recordsByInventory(ctx: RequestContext, selection: Selection): DataLoader<string, EmissionRecord[]> {
  const { plan, key } = rememberedPlan(recordPlans, selection, () =>
    planRead(ctx.reads, EmissionRecord, keysOnly(selection, ['inventory']), 'r', ['inventory', 'sector']),
  );
  return ctx.loaders.get(
    `recordsByInventory ${key}`,
    () =>
      new DataLoader<string, EmissionRecord[]>(async (inventoryIds) => {
        const query = ctx.reads
          .getKnex()
          .from(`${plan.table} as r`)
          .whereIn('r.inventory_id', [...inventoryIds])
          .orderBy(['r.sector', 'r.energy_carrier', 'r.scope']);
        const rows: Record<string, unknown>[] = await selectPlanned(query, plan);
        const records = rows.map((row) => plannedObject(row, plan) as unknown as EmissionRecord);
        return groupByKeys(inventoryIds, records, (record) => record.inventory.id);
      }),
  );
}

export const dataSourceById = defineLoader(
  (ctx) =>
    new DataLoader<string, DataSource | null>(async (ids) =>
      byKeys(ids, await ctx.em.find(DataSource, { id: { $in: [...ids] } }), (source) => source.id, null),
    ),
);
