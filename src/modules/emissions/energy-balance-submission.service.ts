import type { RequestContext } from '../../common/context';
import { notFound } from '../../common/errors';
import { chosenFactorSet, computedRecords } from '../factors/factor-choice.service';
import { memberById } from '../members/member.loaders';
import type { EnergyBalanceInput } from './emission-inventory.inputs';
import type { EmissionInventory } from './emission-inventory.entity';
import { validEnergyLines, validHeader } from './inventory-submission.rules';
import { requireInventoryWriter, storeInventory } from './inventory-submission.service';

/**
 * Stores an energy balance as the inventory of (member, year, standard): every line's emissions computed with the
 * chosen factor set, which each record keeps with its factor. The same write path as submitEmissionInventory, so
 * totals and progress count computed records exactly like entered ones; everything is checked before the first write.
 */
export async function submitEnergyBalance(ctx: RequestContext, input: EnergyBalanceInput): Promise<EmissionInventory> {
  const memberId = requireInventoryWriter(ctx, 'submitEnergyBalance', input);
  const header = validHeader(input);
  const lines = validEnergyLines(input.lines);
  const member = await memberById(ctx).load(memberId);
  if (!member) throw notFound('input.memberId', 'Member', memberId);
  const set = await chosenFactorSet(ctx, 'input.factorSetId', input.factorSetId, input.standard);
  const records = await computedRecords(ctx, 'input.lines', set, lines, member.country.code, header.year);
  return storeInventory(ctx, memberId, input, header, records);
}
