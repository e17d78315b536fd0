import DataLoader from 'dataloader';
import { defineLoader } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import { DataSource } from './data-source.entity';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionRecord } from './emission-record.entity';
import { publicInventoriesOnly, visibleInventoriesSql } from './inventory-visibility';
import { byYearThenPreference, standardRankSql } from './standard-preference';

/** The inventories the viewer may see, per member, oldest first (in standard preference order within a year). */
export const inventoriesByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, EmissionInventory[]>(async (memberIds) => {
      const inventories = await ctx.em.find(EmissionInventory, {
        member: { $in: [...memberIds] },
        ...(publicInventoriesOnly(ctx.viewer) ? { isPublic: true } : {}),
      });
      return groupByKeys(memberIds, inventories.sort(byYearThenPreference), (inventory) => inventory.member.id);
    }),
);

/** Per member, the preferred visible inventory of its latest year. */
export const latestInventoryByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, EmissionInventory | null>(async (memberIds) => {
      const rows: Record<string, unknown>[] = await ctx.em
        .getKnex()
        .select('i.*')
        .distinctOn('i.member_id')
        .from('emission_inventory as i')
        .whereIn('i.member_id', [...memberIds])
        .whereRaw(visibleInventoriesSql(ctx.viewer, 'i'))
        .orderByRaw(`i.member_id, i.year desc, ${standardRankSql('i.standard')}`);
      const inventories = rows.map((row) => ctx.em.map(EmissionInventory, row));
      return byKeys(memberIds, inventories, (inventory) => inventory.member.id, null);
    }),
);

/** Records per inventory, by sector, energy carrier and scope. */
export const recordsByInventory = defineLoader(
  (ctx) =>
    new DataLoader<string, EmissionRecord[]>(async (inventoryIds) => {
      const records = await ctx.em.find(
        EmissionRecord,
        { inventory: { $in: [...inventoryIds] } },
        { orderBy: { sector: 'asc', energyCarrier: 'asc', scope: 'asc' } },
      );
      return groupByKeys(inventoryIds, records, (record) => record.inventory.id);
    }),
);

export const dataSourceById = defineLoader(
  (ctx) =>
    new DataLoader<string, DataSource | null>(async (ids) =>
      byKeys(ids, await ctx.em.find(DataSource, { id: { $in: [...ids] } }), (source) => source.id, null),
    ),
);
