import DataLoader from 'dataloader';
import { defineLoader } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import { EmissionFactorSet } from './emission-factor-set.entity';
import { EmissionFactor } from './emission-factor.entity';

export const factorSetById = defineLoader(
  (ctx) =>
    new DataLoader<string, EmissionFactorSet | null>(async (ids) =>
      byKeys(ids, await ctx.em.find(EmissionFactorSet, { id: { $in: [...ids] } }), (set) => set.id, null),
    ),
);

/** The factors of each set, by carrier, country and year. */
export const factorsBySet = defineLoader(
  (ctx) =>
    new DataLoader<string, EmissionFactor[]>(async (setIds) =>
      groupByKeys(
        setIds,
        await ctx.em.find(
          EmissionFactor,
          { set: { $in: [...setIds] } },
          { orderBy: { energyCarrier: 'asc', countryCode: 'asc', year: 'asc' } },
        ),
        (factor) => factor.set.id,
      ),
    ),
);
