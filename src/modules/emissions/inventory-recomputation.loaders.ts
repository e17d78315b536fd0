import DataLoader from 'dataloader';
import { defineLoader } from '../../common/context';
import { groupByKeys } from '../../common/loaders';
import { InventoryRecomputation } from './inventory-recomputation.entity';

/** Recomputations per inventory, oldest first: one statement per batch. */
export const recomputationsByInventory = defineLoader(
  (ctx) =>
    new DataLoader<string, InventoryRecomputation[]>(async (inventoryIds) =>
      groupByKeys(
        inventoryIds,
        await ctx.em.find(
          InventoryRecomputation,
          { inventory: { $in: [...inventoryIds] } },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        ),
        (recomputation) => recomputation.inventory.id,
      ),
    ),
);
