import type { ApiModule } from '../module';
import { Contribution } from './contribution.entity';
import { ContributionResolver } from './contribution.resolver';
import { IndigenousOrganisation } from './indigenous-organisation.entity';
import { indigenousOrganisationReference } from './indigenous-organisation.reference';
import { IndigenousOrganisationResolver } from './indigenous-organisation.resolver';
import { IndigenousTerritory } from './indigenous-territory.entity';
import { MemberPartnershipsResolver } from './member-partnerships.resolver';
import { Partnership } from './partnership.entity';
import { PartnershipResolver } from './partnership.resolver';
import { IndigenousTerritoryResolver } from './territory.resolver';

/** Indigenous organisations, their territories, partnerships with members and contributions to projects. */
export const indigenous: ApiModule = {
  entities: [IndigenousOrganisation, Partnership, IndigenousTerritory, Contribution],
  resolvers: [
    IndigenousOrganisationResolver,
    PartnershipResolver,
    MemberPartnershipsResolver,
    ContributionResolver,
    IndigenousTerritoryResolver,
  ],
  references: [indigenousOrganisationReference],
};
