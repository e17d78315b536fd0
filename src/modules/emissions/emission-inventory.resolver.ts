import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
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
import { EmissionInventoryInput } from './emission-inventory.inputs';
import { listInventories } from './emission-inventory.list';
import { EmissionRecord } from './emission-record.entity';
import { Sector } from './emission.enums';
import { dataSourceById, recordsByInventory } from './emission.loaders';
import { submitEmissionInventory } from './submit-inventory';

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
  ): Promise<EmissionInventoryConnection> {
    return new EmissionInventoryConnection(await listInventories(ctx, { ...page, filter }));
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
