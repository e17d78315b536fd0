import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { EnergyCarrier } from '../src/modules/emissions/emission.enums';
import { EmissionFactorSet } from '../src/modules/factors/emission-factor-set.entity';
import { EmissionFactor } from '../src/modules/factors/emission-factor.entity';
import { DEFAULT_FACTOR_SET, ELECTRICITY_G_PER_KWH, ELECTRICITY_YEARS, FUEL_FACTORS } from './data/emission-factors';
import { uuidFromKey } from './random';

export const DEFAULT_FACTOR_SET_ID = uuidFromKey('factor-set:bisko-default:1');

/** The default BISKO-style emission factor set (seeds/data/emission-factors.ts), version 1, for the member countries. */
export class EmissionFactorsSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const set = em.create(EmissionFactorSet, { id: DEFAULT_FACTOR_SET_ID, ...DEFAULT_FACTOR_SET });
    for (const [energyCarrier, tco2ePerMwh] of FUEL_FACTORS) {
      em.create(EmissionFactor, { set, energyCarrier, countryCode: null, year: null, tco2ePerMwh });
    }
    for (const [countryCode, grams] of Object.entries(ELECTRICITY_G_PER_KWH)) {
      for (const [index, year] of ELECTRICITY_YEARS.entries()) {
        em.create(EmissionFactor, {
          set,
          energyCarrier: EnergyCarrier.ELECTRICITY,
          countryCode,
          year,
          tco2ePerMwh: grams[index] / 1000,
        });
      }
    }
    await em.flush();
  }
}
