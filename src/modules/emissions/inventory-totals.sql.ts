import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Recomputes the stored totals of inventories from their records (all inventories when no ids are given).
 * Every write of records calls it in the same transaction, so totals never disagree with the records.
 */
export async function refreshInventoryTotals(em: EntityManager, inventoryIds?: string[]): Promise<void> {
  const knex = em.getKnex();
  const sums = knex
    .from('emission_inventory as i')
    .leftJoin('emission_record as r', 'r.inventory_id', 'i.id')
    .groupBy('i.id')
    .select(
      'i.id',
      knex.raw('coalesce(sum(r.emissions_tco2e), 0) as tco2e'),
      knex.raw('sum(r.final_energy_mwh) as mwh'),
    );
  if (inventoryIds) sums.whereIn('i.id', inventoryIds);
  const update = knex.raw(
    'update emission_inventory set total_emissions_tco2e = sums.tco2e, total_final_energy_mwh = sums.mwh ' +
      'from (?) sums where sums.id = emission_inventory.id',
    [sums],
  );
  const transaction = em.getTransactionContext();
  await (transaction ? update.transacting(transaction) : update);
}
