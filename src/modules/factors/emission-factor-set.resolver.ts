import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { requireUuid } from '../../common/validation';
import { EnergyCarrier, InventoryStandard } from '../emissions/emission.enums';
import { EmissionFactorSet } from './emission-factor-set.entity';
import { EmissionFactorCorrectionInput, EmissionFactorSetInput } from './emission-factor-set.inputs';
import { EmissionFactor } from './emission-factor.entity';
import { factorSetById, factorsBySet } from './factor.loaders';
import { correctEmissionFactorSet, createEmissionFactorSet } from './factor-set-writes';

@Resolver(() => EmissionFactorSet)
export class EmissionFactorSetResolver {
  @Query(() => [EmissionFactorSet], {
    description: 'Every emission factor set, every version: by name, newest version first. Public.',
  })
  emissionFactorSets(
    @Arg('standard', () => InventoryStandard, { nullable: true, description: 'Only sets for this standard.' })
    standard: InventoryStandard | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionFactorSet[]> {
    return ctx.em.find(EmissionFactorSet, standard ? { standard } : {}, {
      orderBy: { name: 'asc', version: 'desc' },
      limit: 100,
    });
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
