import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Member } from '../members/member.entity';
import type { MemberParent } from '../members/member-parent';
import { Partnership } from './partnership.entity';
import { visiblePartnershipsByMember } from './partnership.loaders';

@Resolver(() => Member)
export class MemberPartnershipsResolver {
  @FieldResolver(() => [Partnership], {
    description: "The member's partnerships with indigenous organisations that the viewer may see, oldest first.",
  })
  partnerships(@Root() member: MemberParent, @Ctx() ctx: RequestContext): Promise<Partnership[]> {
    return visiblePartnershipsByMember(ctx).load(member.id);
  }
}
