import { ref } from '@mikro-orm/postgresql';
import { requireMemberEditor, requireRole } from '../../auth/authorize';
import { ViewerRole } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { conflict, notFound, UserInputError } from '../../common/errors';
import { requireUuid } from '../../common/validation';
import { chosenFactorSet, computedRecords } from '../factors/factor-choice.service';
import { memberById } from '../members/member.loaders';
import { refreshMemberFigures } from '../targets/member-figures.service';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionRecord } from './emission-record.entity';
import { InventoryRecomputation, type RecomputedRecord } from './inventory-recomputation.entity';
import { refreshInventoryTotals } from './inventory-totals.sql';

/**
 * Recomputes the computed records of an inventory (those of an energy balance) with another factor set version, at
 * the inventory's current `version`: the figures before are kept as an InventoryRecomputation, the records get the
 * new factor and set, and totals and maintained figures follow in the same transaction. Entered records stay as
 * they are.
 */
export async function recomputeEmissionInventory(
  ctx: RequestContext,
  id: string,
  version: number,
  factorSetId: string | null,
): Promise<EmissionInventory> {
  const action = 'recomputeEmissionInventory';
  requireRole(ctx.viewer, action, ViewerRole.MEMBER_EDITOR);
  const inventory = await ctx.em.findOne(EmissionInventory, requireUuid('id', id));
  if (!inventory) throw notFound('id', 'EmissionInventory', id);
  requireMemberEditor(ctx.viewer, inventory.member.id, action);
  if (inventory.version !== version) throw conflict('EmissionInventory', id, version);
  const set = await chosenFactorSet(ctx, 'factorSetId', factorSetId, inventory.standard);
  const computed = await ctx.em.find(
    EmissionRecord,
    { inventory: inventory.id, emissionFactorSet: { $ne: null } },
    { orderBy: { sector: 'asc', energyCarrier: 'asc', scope: 'asc' } },
  );
  if (computed.length === 0) {
    throw new UserInputError('id', 'the inventory has no computed records: it was not submitted as an energy balance');
  }
  const member = (await memberById(ctx).load(inventory.member.id))!;
  const lines = computed.map((record) => ({
    sector: record.sector,
    energyCarrier: record.energyCarrier,
    scope: record.scope,
    finalEnergyMwh: record.finalEnergyMwh!,
    dataQuality: record.dataQuality,
  }));
  // a carrier the new set lacks is named by the factorSetId it comes from
  const fresh = await computedRecords(ctx, 'factorSetId', set, lines, member.country.code, inventory.year).catch(
    (error: unknown) => {
      if (error instanceof UserInputError)
        throw new UserInputError('factorSetId', error.message.replace(/^[^:]*: /, ''));
      throw error;
    },
  );
  const previousRecords: RecomputedRecord[] = computed.map((record) => ({
    sector: record.sector,
    energyCarrier: record.energyCarrier,
    scope: record.scope,
    finalEnergyMwh: record.finalEnergyMwh!,
    emissionsTco2e: record.emissionsTco2e!,
    emissionFactorTco2ePerMwh: record.emissionFactorTco2ePerMwh!,
    emissionFactorSetId: record.emissionFactorSet!.id,
  }));
  const previousTotal = inventory.totalEmissionsTco2e;
  // the mutation's transaction holds every write below (src/http/mutation-transaction.ts)
  const em = ctx.em;
  const bumped = await em.execute<{ id: string }[]>(
    'update emission_inventory set version = version + 1, updated_at = now() where id = ? and version = ? returning id',
    [inventory.id, version],
  );
  if (bumped.length !== 1) throw conflict('EmissionInventory', id, version);
  for (const [index, record] of computed.entries()) {
    record.emissionsTco2e = fresh[index].emissionsTco2e;
    record.emissionFactorTco2ePerMwh = fresh[index].emissionFactorTco2ePerMwh;
    record.emissionFactorSet = ref(set);
  }
  await em.flush();
  await refreshInventoryTotals(em, [inventory.id]);
  const [{ total }] = await em.execute<{ total: string }[]>(
    'select total_emissions_tco2e as total from emission_inventory where id = ?',
    [inventory.id],
  );
  em.create(InventoryRecomputation, {
    inventory: inventory.id,
    factorSet: set.id,
    previousTotalEmissionsTco2e: previousTotal,
    totalEmissionsTco2e: Number(total),
    previousRecords,
  });
  await em.flush();
  await refreshMemberFigures(em, [inventory.member.id]);
  return ctx.em.findOneOrFail(EmissionInventory, inventory.id, { refresh: true });
}
