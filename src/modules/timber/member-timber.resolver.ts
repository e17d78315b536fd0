import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Member } from '../members/member.entity';
import type { MemberParent } from '../members/member-parent';
import { TimberCommitment } from './timber-commitment.entity';
import { memberTimberCommitment } from './timber-commitment.service';

@Resolver(() => Member)
export class MemberTimberResolver {
  @FieldResolver(() => TimberCommitment, {
    nullable: true,
    description: "The member's timber commitment (a member has at most one); null when it has none. Public.",
  })
  timberCommitment(@Root() member: MemberParent, @Ctx() ctx: RequestContext): Promise<TimberCommitment | null> {
    return memberTimberCommitment(ctx, member.id);
  }
}
