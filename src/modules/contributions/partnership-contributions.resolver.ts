import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { Partnership } from '../partnerships/partnership.entity';
import { Contribution } from './contribution.entity';
import { contributionsByPartnership } from './contribution.loaders';

@Resolver(() => Partnership)
export class PartnershipContributionsResolver {
  @FieldResolver(() => [Contribution], { description: 'Money members gave to the partnership, by year.' })
  contributions(@Root() partnership: Partnership, @Ctx() ctx: RequestContext): Promise<Contribution[]> {
    return contributionsByPartnership(ctx).load(partnership.id);
  }
}
