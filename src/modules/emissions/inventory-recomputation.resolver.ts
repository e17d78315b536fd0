import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { EmissionFactorSet } from '../factors/emission-factor-set.entity';
import { factorSetById } from '../factors/emission-factor.loaders';
import { InventoryRecomputation } from './inventory-recomputation.entity';

@Resolver(() => InventoryRecomputation)
export class InventoryRecomputationResolver {
  @FieldResolver(() => EmissionFactorSet, { description: 'The factor set version the records were recomputed with.' })
  async factorSet(
    @Root() recomputation: InventoryRecomputation,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionFactorSet> {
    return (await factorSetById(ctx).load(recomputation.factorSet.id))!;
  }
}
