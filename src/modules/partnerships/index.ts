import { MemberPartnershipsResolver } from './member-partnerships.resolver';
import { OrganisationPartnershipsResolver } from './organisation-partnerships.resolver';
import { Partnership } from './partnership.entity';
import { PartnershipResolver } from './partnership.resolver';

/** Partnerships of members and coordination offices with indigenous organisations. */
export const entities = [Partnership];
export const resolvers = [PartnershipResolver, MemberPartnershipsResolver, OrganisationPartnershipsResolver];
