import type { ApiModule } from '../module';
import { IndigenousOrganisation } from './indigenous-organisation.entity';
import { indigenousOrganisationReference } from './indigenous-organisation.reference';
import { IndigenousOrganisationResolver } from './indigenous-organisation.resolver';
import { IndigenousTerritory } from './indigenous-territory.entity';
import { IndigenousTerritoryResolver } from './territory.resolver';

/** Indigenous organisations and their territories. */
export const indigenous: ApiModule = {
  entities: [IndigenousOrganisation, IndigenousTerritory],
  resolvers: [IndigenousOrganisationResolver, IndigenousTerritoryResolver],
  references: [indigenousOrganisationReference],
};
