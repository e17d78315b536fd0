import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../common/context';
import { IndigenousOrganisation } from '../indigenous/indigenous-organisation.entity';
import { Partnership } from './partnership.entity';
import { visiblePartnershipsByOrganisation } from './partnership.loaders';

@Resolver(() => IndigenousOrganisation)
export class OrganisationPartnershipsResolver {
  @FieldResolver(() => [Partnership], { description: 'Its partnerships that the viewer may see, oldest first.' })
  partnerships(@Root() organisation: IndigenousOrganisation, @Ctx() ctx: RequestContext): Promise<Partnership[]> {
    return visiblePartnershipsByOrganisation(ctx).load(organisation.id);
  }
}
