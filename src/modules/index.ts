import type { NonEmptyArray } from 'type-graphql';
import { ApiKey } from '../auth/api-key.entity';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { CoordinationOffice } from './members/coordination-office.entity';
import { CoordinationOfficeResolver } from './members/coordination-office.resolver';
import { Country } from './members/country.entity';
import { countryReference } from './members/country.reference';
import { CountryResolver } from './members/country.resolver';
import { Member } from './members/member.entity';
import { memberReference } from './members/member.reference';
import { MemberResolver } from './members/member.resolver';
import { PopulationRecord } from './members/population-record.entity';
import { TimberCommitment } from './timber/timber-commitment.entity';
import { TimberProcurement } from './timber/timber-procurement.entity';

/** Every MikroORM entity of the API. */
export const entities = [
  ApiKey,
  Country,
  CoordinationOffice,
  Member,
  PopulationRecord,
  TimberCommitment,
  TimberProcurement,
];

/** Every type-graphql resolver class of the API. */
export const resolvers: NonEmptyArray<Function> = [
  ApiKeyResolver,
  CountryResolver,
  CoordinationOfficeResolver,
  MemberResolver,
];

/** Federation `__resolveReference` functions, per entity type. */
export const referenceResolvers = [memberReference, countryReference];
