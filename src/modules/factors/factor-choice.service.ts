import type { RequestContext } from '../../common/context';
import { UserInputError } from '../../common/errors';
import { requireUuid } from '../../common/validation';
import type { InventoryStandard } from '../emissions/emission.enums';
import type { StoredRecord } from '../emissions/inventory-submission.service';
import type { ValidEnergyLine } from '../emissions/inventory-submission.rules';
import { EmissionFactorSet } from './emission-factor-set.entity';
import { computedTco2e, findFactor } from './factor-lookup';
import { factorsBySet } from './emission-factor.loaders';

/** The set `factorSetId` names (BAD_USER_INPUT `field` when none has it), or the newest set for `standard`. */
export async function chosenFactorSet(
  ctx: RequestContext,
  field: string,
  factorSetId: string | null | undefined,
  standard: InventoryStandard,
): Promise<EmissionFactorSet> {
  if (factorSetId != null) {
    const set = await ctx.em.findOne(EmissionFactorSet, requireUuid(field, factorSetId));
    if (!set) throw new UserInputError(field, `no emission factor set has id ${factorSetId}`);
    return set;
  }
  const newest = await ctx.em.findOne(
    EmissionFactorSet,
    { standard },
    { orderBy: { createdAt: 'desc', version: 'desc' } },
  );
  if (!newest) throw new UserInputError(field, `there is no emission factor set for ${standard}: name one`);
  return newest;
}

/**
 * The records of `lines` computed with `set` for a member in `countryCode` and `year`: emissionsTco2e =
 * finalEnergyMwh × factor. A carrier the set has no factor for is refused naming its line (`<prefix>[i].energyCarrier`).
 */
export async function computedRecords(
  ctx: RequestContext,
  prefix: string,
  set: EmissionFactorSet,
  lines: readonly ValidEnergyLine[],
  countryCode: string,
  year: number,
): Promise<StoredRecord[]> {
  const factors = await factorsBySet(ctx).load(set.id);
  return lines.map((line, index) => {
    const factor = findFactor(factors, line.energyCarrier, countryCode, year);
    if (!factor) {
      throw new UserInputError(
        `${prefix}[${index}].energyCarrier`,
        `factor set "${set.name}" version ${set.version} has no ${line.energyCarrier} factor for ${countryCode} in ${year} or before`,
      );
    }
    return {
      ...line,
      emissionsTco2e: computedTco2e(line.finalEnergyMwh, factor.tco2ePerMwh),
      notationKey: null,
      notationExplanation: null,
      emissionFactorTco2ePerMwh: factor.tco2ePerMwh,
      emissionFactorSet: set.id,
    };
  });
}
