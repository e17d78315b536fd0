import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Member } from '../members/member.entity';
import { memberById } from '../members/member.loaders';
import { Contribution } from './contribution.entity';

@Resolver(() => Contribution)
export class ContributionResolver {
  @FieldResolver(() => Member, { description: 'The member that contributed.' })
  async member(@Root() contribution: Contribution, @Ctx() ctx: RequestContext): Promise<Member> {
    return (await memberById(ctx).load(contribution.member.id))!;
  }
}
