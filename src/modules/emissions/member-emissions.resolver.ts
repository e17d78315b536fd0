import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { selectionOf } from '../../common/selection';
import { Member } from '../members/member.entity';
import type { MemberParent } from '../members/member-parent';
import { EmissionInventory } from './emission-inventory.entity';
import { InventoryStandard } from './emission.enums';
import { inventoriesByMember, latestInventoryByMember } from './emission.loaders';

/** Member fields of the emissions area. */
@Resolver(() => Member)
export class MemberEmissionsResolver {
  @FieldResolver(() => [EmissionInventory], {
    description:
      "The member's inventories, oldest first; without an API key only public ones. Several standards of " +
      'one year come in preference order (see InventoryStandard).',
  })
  async inventories(
    @Root() member: MemberParent,
    @Arg('standard', () => InventoryStandard, { nullable: true, description: 'Only this standard.' })
    standard: InventoryStandard | null,
    @Arg('fromYear', () => Int, { nullable: true, description: 'Years from this one on.' }) fromYear: number | null,
    @Arg('toYear', () => Int, { nullable: true, description: 'Years up to and including this one.' })
    toYear: number | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EmissionInventory[]> {
    const inventories = await inventoriesByMember(ctx, selectionOf(info)).load(member.id);
    return inventories.filter(
      (inventory) =>
        (standard == null || inventory.standard === standard) &&
        (fromYear == null || inventory.year >= fromYear) &&
        (toYear == null || inventory.year <= toYear),
    );
  }

  @FieldResolver(() => EmissionInventory, {
    nullable: true,
    description:
      'The inventory of the latest year the viewer may see; of several standards that year, the preferred one ' +
      '(see InventoryStandard).',
  })
  latestInventory(
    @Root() member: MemberParent,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<EmissionInventory | null> {
    return latestInventoryByMember(ctx, selectionOf(info)).load(member.id);
  }
}
