import type { NonEmptyArray } from 'type-graphql';
import { ApiKey } from '../auth/api-key.entity';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { DataSource } from './emissions/data-source.entity';
import { EmissionInventory } from './emissions/emission-inventory.entity';
import { EmissionInventoryResolver } from './emissions/emission-inventory.resolver';
import { EmissionRecord } from './emissions/emission-record.entity';
import { EmissionTotalsResolver } from './emissions/emission-totals.resolver';
import { MemberEmissionsResolver } from './emissions/member-emissions.resolver';
import { CoordinationOffice } from './members/coordination-office.entity';
import { CoordinationOfficeResolver } from './members/coordination-office.resolver';
import { Country } from './members/country.entity';
import { countryReference } from './members/country.reference';
import { CountryResolver } from './members/country.resolver';
import { Member } from './members/member.entity';
import { memberReference } from './members/member.reference';
import { MemberResolver } from './members/member.resolver';
import { PopulationRecord } from './members/population-record.entity';
import { AllianceProgressResolver } from './targets/alliance-progress.resolver';
import { ClimateTarget } from './targets/climate-target.entity';
import { MemberTargetsResolver } from './targets/member-targets.resolver';
import { MemberTimberResolver } from './timber/member-timber.resolver';
import { TimberCommitment } from './timber/timber-commitment.entity';
import { TimberCommitmentResolver } from './timber/timber-commitment.resolver';
import { TimberProcurement } from './timber/timber-procurement.entity';
import { TimberProcurementResolver } from './timber/timber-procurement.resolver';

/** Every MikroORM entity of the API. */
export const entities = [
  ApiKey,
  Country,
  CoordinationOffice,
  Member,
  PopulationRecord,
  TimberCommitment,
  TimberProcurement,
  DataSource,
  EmissionInventory,
  EmissionRecord,
  ClimateTarget,
];

/** Every type-graphql resolver class of the API. */
export const resolvers: NonEmptyArray<Function> = [
  ApiKeyResolver,
  CountryResolver,
  CoordinationOfficeResolver,
  MemberResolver,
  EmissionInventoryResolver,
  MemberEmissionsResolver,
  EmissionTotalsResolver,
  MemberTargetsResolver,
  AllianceProgressResolver,
  TimberCommitmentResolver,
  TimberProcurementResolver,
  MemberTimberResolver,
];

/** Federation `__resolveReference` functions, per entity type. */
export const referenceResolvers = [memberReference, countryReference];
