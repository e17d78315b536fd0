import type { NonEmptyArray } from 'type-graphql';
import { ApiKey } from '../auth/api-key.entity';
import { ApiKeyResolver } from './api-keys/api-key.resolver';
import { DataSource } from './emissions/data-source.entity';
import { EmissionInventory } from './emissions/emission-inventory.entity';
import { EmissionInventoryResolver } from './emissions/emission-inventory.resolver';
import { EmissionRecord } from './emissions/emission-record.entity';
import { InventoryRecomputation } from './emissions/inventory-recomputation.entity';
import { InventoryRecomputationResolver } from './emissions/inventory-recomputation.resolver';
import { EmissionFactorSet } from './factors/emission-factor-set.entity';
import { EmissionFactorSetResolver } from './factors/emission-factor-set.resolver';
import { EmissionFactor } from './factors/emission-factor.entity';
import { EmissionTotalsResolver } from './emissions/emission-totals.resolver';
import { InventoryLineTotal } from './emissions/inventory-line-total.entity';
import { MemberYearSectorTotal } from './emissions/member-year-sector-total.entity';
import { MemberYearTotal } from './emissions/member-year-total.entity';
import { MemberFigureGroup } from './emissions/member-figure-group.entity';
import { NetworkMemberSectorYearCount } from './emissions/network-member-sector-year-count.entity';
import { NetworkMemberYearCount } from './emissions/network-member-year-count.entity';
import { NetworkYearSectorTotal } from './emissions/network-year-sector-total.entity';
import { NetworkYearTotal } from './emissions/network-year-total.entity';
import { NetworkLineTotal } from './emissions/network-line-total.entity';
import { MemberEmissionsResolver } from './emissions/member-emissions.resolver';
import { AuditLogEntry } from './audit/audit-log-entry.entity';
import { AuditLogResolver } from './audit/audit-log.resolver';
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
import { ClimateTargetResolver } from './targets/climate-target.resolver';
import { StoredTargetProgress } from './targets/stored-target-progress.entity';
import { MemberCharterProgress } from './targets/member-charter-progress.entity';
import { MemberTargetsResolver } from './targets/member-targets.resolver';
import { IndigenousOrganisation } from './indigenous/indigenous-organisation.entity';
import { indigenousOrganisationReference } from './indigenous/indigenous-organisation.reference';
import { IndigenousOrganisationResolver } from './indigenous/indigenous-organisation.resolver';
import { IndigenousTerritory } from './indigenous/indigenous-territory.entity';
import { IndigenousTerritoryResolver } from './indigenous/territory.resolver';
import * as consent from './consent';
import * as contributions from './contributions';
import * as governance from './governance';
import * as partnerships from './partnerships';
import { BiodiversityProject } from './projects/biodiversity-project.entity';
import { OrganisationProjectsResolver } from './projects/organisation-projects.resolver';
import { BiodiversityProjectFieldsResolver } from './projects/project-fields.resolver';
import { ProjectSupport } from './projects/project-support.entity';
import { BiodiversityProjectResolver } from './projects/project.resolver';
import { biodiversityProjectReference } from './projects/project.reference';
import { BiodiversityTotalsResolver } from './projects/project-totals.resolver';
import { MemberTimberResolver } from './timber/member-timber.resolver';
import { TimberCommitment } from './timber/timber-commitment.entity';
import { TimberCommitmentResolver } from './timber/timber-commitment.resolver';
import { TimberProcurement } from './timber/timber-procurement.entity';
import { TimberProcurementResolver } from './timber/timber-procurement.resolver';

/** Every MikroORM entity of the API. */
export const entities = [
  ApiKey,
  AuditLogEntry,
  Country,
  CoordinationOffice,
  Member,
  PopulationRecord,
  TimberCommitment,
  TimberProcurement,
  DataSource,
  EmissionInventory,
  EmissionRecord,
  EmissionFactorSet,
  EmissionFactor,
  InventoryRecomputation,
  ClimateTarget,
  InventoryLineTotal,
  MemberYearTotal,
  MemberYearSectorTotal,
  MemberFigureGroup,
  NetworkYearTotal,
  NetworkYearSectorTotal,
  NetworkMemberYearCount,
  NetworkMemberSectorYearCount,
  NetworkLineTotal,
  MemberCharterProgress,
  StoredTargetProgress,
  IndigenousOrganisation,
  ...partnerships.entities,
  IndigenousTerritory,
  BiodiversityProject,
  ProjectSupport,
  ...contributions.entities,
  ...consent.entities,
  ...governance.entities,
];

/** Every type-graphql resolver class of the API. */
export const resolvers: NonEmptyArray<Function> = [
  ApiKeyResolver,
  AuditLogResolver,
  CountryResolver,
  CoordinationOfficeResolver,
  MemberResolver,
  EmissionInventoryResolver,
  MemberEmissionsResolver,
  EmissionTotalsResolver,
  EmissionFactorSetResolver,
  InventoryRecomputationResolver,
  MemberTargetsResolver,
  ClimateTargetResolver,
  AllianceProgressResolver,
  TimberCommitmentResolver,
  TimberProcurementResolver,
  MemberTimberResolver,
  IndigenousOrganisationResolver,
  ...partnerships.resolvers,
  ...contributions.resolvers,
  IndigenousTerritoryResolver,
  BiodiversityProjectResolver,
  BiodiversityProjectFieldsResolver,
  OrganisationProjectsResolver,
  BiodiversityTotalsResolver,
  ...consent.resolvers,
  ...governance.resolvers,
];

/** Federation `__resolveReference` functions, per entity type. */
export const referenceResolvers = [
  memberReference,
  countryReference,
  indigenousOrganisationReference,
  biodiversityProjectReference,
];
