import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { requireUuid } from '../../common/validation';
import { EnergyCarrier, InventoryStandard } from '../emissions/emission.enums';
import { EmissionFactorSet } from './emission-factor-set.entity';
import { EmissionFactorCorrectionInput, EmissionFactorSetInput } from './emission-factor-set.inputs';
import { EmissionFactor } from './emission-factor.entity';
import { factorSetById, factorsBySet } from './emission-factor.loaders';
import { listFactorSets } from './emission-factor-set.list';
import { correctEmissionFactorSet, createEmissionFactorSet } from './emission-factor-set.service';

@Resolver(() => EmissionFactorSet)
export class EmissionFactorSetResolver {
  @Query(() => [EmissionFactorSet], {
    description:
      'Emission factor sets by name: the newest version of each, or with `name` every version of that set, newest ' +
      'first (at most 20). Public.',
  })
  emissionFactorSets(
    @Arg('standard', () => InventoryStandard, { nullable: true, description: 'Only sets for this standard.' })
    standard: InventoryStandard | null,
    @Arg('name', () => String, { nullable: true, description: 'Every version of the set of this name.' })
    name: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionFactorSet[]> {
    return listFactorSets(ctx, standard ?? null, name ?? null);
  }

  @Query(() => EmissionFactorSet, { nullable: true, description: 'One emission factor set version. Public.' })
  emissionFactorSet(
    @Arg('id', () => ID, { description: 'Its id.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionFactorSet | null> {
    return factorSetById(ctx).load(requireUuid('id', id));
  }

  @Mutation(() => EmissionFactorSet, { description: 'Stores a new emission factor set as version 1. ADMIN only.' })
  createEmissionFactorSet(
    @Arg('input', () => EmissionFactorSetInput) input: EmissionFactorSetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionFactorSet> {
    return createEmissionFactorSet(ctx, input);
  }

  @Mutation(() => EmissionFactorSet, {
    description:
      'Stores a corrected set as the next version of its name; the corrected version stays as it was, so figures ' +
      'computed with it stay traceable (recompute them with recomputeEmissionInventory). ADMIN only.',
  })
  correctEmissionFactorSet(
    @Arg('input', () => EmissionFactorCorrectionInput) input: EmissionFactorCorrectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionFactorSet> {
    return correctEmissionFactorSet(ctx, input);
  }

  @FieldResolver(() => [EmissionFactor], { description: 'Its factors, by carrier, country and year.' })
  async factors(
    @Root() set: { id: string },
    @Arg('energyCarrier', () => EnergyCarrier, { nullable: true, description: 'Only this carrier.' })
    energyCarrier: EnergyCarrier | null,
    @Arg('countryCode', () => String, { nullable: true, description: 'Only this country and every-country factors.' })
    countryCode: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionFactor[]> {
    const country = countryCode?.toUpperCase() ?? null;
    return (await factorsBySet(ctx).load(set.id)).filter(
      (factor) =>
        (!energyCarrier || factor.energyCarrier === energyCarrier) &&
        (!country || factor.countryCode === null || factor.countryCode === country),
    );
  }
}
