import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { PageArgs } from '../../common/pagination';
import { plannedField } from '../../common/read-plan';
import { selectionOf } from '../../common/selection';
import { Member } from '../members/member.entity';
import { memberById } from '../members/member.loaders';
import { DataSource } from './data-source.entity';
import type { InventoryParent } from './emission-parent';
import { EmissionInventoryConnection } from './emission-inventory.connection';
import { EmissionInventory } from './emission-inventory.entity';
import { EmissionInventoryFilter } from './emission-inventory.filter';
import { EmissionInventoryInput, EnergyBalanceInput } from './emission-inventory.inputs';
import { listInventories } from './emission-inventory.list';
import { EmissionRecord } from './emission-record.entity';
import { Sector } from './emission.enums';
import { dataSourceById, recordsByInventory } from './emission.loaders';
import { InventoryRecomputation } from './inventory-recomputation.entity';
import { recomputationsByInventory } from './inventory-recomputation.loaders';
import { recomputeEmissionInventory } from './inventory-recomputation.service';
import { submitEnergyBalance } from './energy-balance-submission.service';
import { submitEmissionInventory } from './inventory-submission.service';

@Resolver(() => EmissionInventory)
export class EmissionInventoryResolver {
  @Query(() => EmissionInventoryConnection, {
    description:
      'Emission inventories, newest year first. Without an API key only public inventories are listed; ' +
      'partners and up see all.',
  })
  async emissionInventories(
    @Args() page: PageArgs,
    @Arg('filter', () => EmissionInventoryFilter, {
      nullable: true,
      description: 'Conditions the inventories must meet.',
    })
    filter: EmissionInventoryFilter | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EmissionInventoryConnection> {
    const withTotalCount = selectionOf(info).has('totalCount');
    return new EmissionInventoryConnection(await listInventories(ctx, { ...page, filter }, withTotalCount));
  }

  @Mutation(() => EmissionInventory, {
    description:
      'Creates or replaces the inventory of (member, year, standard) with all its records, in one transaction. ' +
      'MEMBER_EDITOR of that member, or ADMIN. Invalid input is refused with the field path ' +
      '(e.g. input.records[3].emissionsTco2e) and nothing is written.',
  })
  submitEmissionInventory(
    @Arg('input', () => EmissionInventoryInput) input: EmissionInventoryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionInventory> {
    return submitEmissionInventory(ctx, input);
  }

  @Mutation(() => EmissionInventory, {
    description:
      "Creates or replaces the inventory of (member, year, standard) from its energy balance: each record's " +
      'emissionsTco2e = finalEnergyMwh × the factor of the chosen set (default: the newest set for the standard), ' +
      'stored with the factor and the set version (EmissionRecord.emissionFactorTco2ePerMwh, emissionFactorSet). ' +
      'MEMBER_EDITOR of that member, or ADMIN. A negative energy, NOT_ENERGY, or a carrier the set has no factor ' +
      'for is refused naming the line (e.g. input.lines[2].energyCarrier) and nothing is written.',
  })
  submitEnergyBalance(
    @Arg('input', () => EnergyBalanceInput) input: EnergyBalanceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionInventory> {
    return submitEnergyBalance(ctx, input);
  }

  @Mutation(() => EmissionInventory, {
    description:
      'Recomputes the computed records of an energy balance with another factor set version (a corrected one), at ' +
      "the inventory's current `version` (stale → CONFLICT); the figures before are kept in `recomputations`. " +
      'Entered records stay as they are. MEMBER_EDITOR of its member, or ADMIN.',
  })
  recomputeEmissionInventory(
    @Arg('id', () => ID, { description: 'The inventory.' }) id: string,
    @Arg('version', () => Int, { description: 'Its current version.' }) version: number,
    @Arg('factorSetId', () => ID, {
      nullable: true,
      description: 'The factor set version to use; default: the newest set for its standard.',
    })
    factorSetId: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<EmissionInventory> {
    return recomputeEmissionInventory(ctx, id, version, factorSetId ?? null);
  }

  @FieldResolver(() => [InventoryRecomputation], {
    description: 'Every recomputation with another factor set, oldest first, with the figures before it.',
  })
  recomputations(@Root() inventory: InventoryParent, @Ctx() ctx: RequestContext): Promise<InventoryRecomputation[]> {
    return recomputationsByInventory(ctx).load(inventory.id);
  }

  @FieldResolver(() => Member, { description: 'The member the inventory belongs to.' })
  async member(@Root() inventory: InventoryParent, @Ctx() ctx: RequestContext): Promise<Member> {
    return (await memberById(ctx).load(inventory.member.id))!;
  }

  @FieldResolver(() => [EmissionRecord], { description: 'The records, by sector, energy carrier and scope.' })
  records(
    @Root() inventory: InventoryParent,
    @Arg('sector', () => Sector, { nullable: true, description: 'Only records of this sector.' }) sector: Sector | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): EmissionRecord[] | Promise<EmissionRecord[]> {
    const ofSector = (records: EmissionRecord[]) =>
      sector ? records.filter((record) => record.sector === sector) : records;
    const planned = plannedField<EmissionRecord[]>(inventory, 'records');
    if (planned) return ofSector(planned);
    return recordsByInventory(ctx, selectionOf(info)).load(inventory.id).then(ofSector);
  }

  @FieldResolver(() => DataSource, { nullable: true, description: 'Where the data comes from.' })
  dataSource(@Root() inventory: InventoryParent, @Ctx() ctx: RequestContext): Promise<DataSource | null> | null {
    return inventory.dataSource ? dataSourceById(ctx).load(inventory.dataSource.id) : null;
  }
}
