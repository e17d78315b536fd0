import type { ApiModule } from '../module';
import { EmissionFactorSet } from './emission-factor-set.entity';
import { EmissionFactorSetResolver } from './emission-factor-set.resolver';
import { EmissionFactor } from './emission-factor.entity';

/** Emission factor sets: what turns an energy balance into emissions. */
export const factors: ApiModule = {
  entities: [EmissionFactorSet, EmissionFactor],
  resolvers: [EmissionFactorSetResolver],
  references: [],
};
