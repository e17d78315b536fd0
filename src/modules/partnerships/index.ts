import type { ApiModule } from '../module';
import { MemberPartnershipsResolver } from './member-partnerships.resolver';
import { OrganisationPartnershipsResolver } from './organisation-partnerships.resolver';
import { Partnership } from './partnership.entity';
import { PartnershipResolver } from './partnership.resolver';

/** Partnerships of members and coordination offices with indigenous organisations. */
export const partnerships: ApiModule = {
  entities: [Partnership],
  resolvers: [PartnershipResolver, MemberPartnershipsResolver, OrganisationPartnershipsResolver],
  references: [],
};
