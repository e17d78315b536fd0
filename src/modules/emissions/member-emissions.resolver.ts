import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { plannedField } from '../../common/read-plan';
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
  inventories(
    @Root() member: MemberParent,
    @Arg('standard', () => InventoryStandard, { nullable: true, description: 'Only this standard.' })
    standard: InventoryStandard | null,
    @Arg('fromYear', () => Int, { nullable: true, description: 'Years from this one on.' }) fromYear: number | null,
    @Arg('toYear', () => Int, { nullable: true, description: 'Years up to and including this one.' })
    toYear: number | null,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): EmissionInventory[] | Promise<EmissionInventory[]> {
    const matching = (inventories: EmissionInventory[]) =>
      standard == null && fromYear == null && toYear == null
        ? inventories
        : inventories.filter(
            (inventory) =>
              (standard == null || inventory.standard === standard) &&
              (fromYear == null || inventory.year >= fromYear) &&
              (toYear == null || inventory.year <= toYear),
          );
    const planned = plannedField<EmissionInventory[]>(member, 'inventories');
    if (planned) return matching(planned);
    return inventoriesByMember(ctx, selectionOf(info)).load(member.id).then(matching);
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
  ): EmissionInventory | null | Promise<EmissionInventory | null> {
    const planned = plannedField<EmissionInventory | null>(member, 'latestInventory');
    if (planned !== undefined) return planned;
    return latestInventoryByMember(ctx, selectionOf(info)).load(member.id);
  }
}
