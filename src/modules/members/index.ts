import { plannedValue } from '../../common/known-fields';
import type { ApiModule } from '../module';
import { CoordinationOffice } from './coordination-office.entity';
import { CoordinationOfficeResolver } from './coordination-office.resolver';
import { Country } from './country.entity';
import { countryReference } from './country.reference';
import { CountryResolver } from './country.resolver';
import { Member } from './member.entity';
import { listedPopulation } from './member.loaders';
import { memberReference, memberReferences } from './member.reference';
import { MemberResolver } from './member.resolver';
import { PopulationRecord } from './population-record.entity';

/** Members, their countries, coordination offices and populations. */
export const members: ApiModule = {
  entities: [Country, CoordinationOffice, Member, PopulationRecord],
  resolvers: [CountryResolver, CoordinationOfficeResolver, MemberResolver],
  references: [memberReference, countryReference],
  referenceBatches: memberReferences,
  knownFields: {
    Member: {
      country: plannedValue('country'),
      coordinationOffice: plannedValue('coordinationOffice'),
      population: listedPopulation,
    },
    CoordinationOffice: { country: plannedValue('country') },
  },
};
