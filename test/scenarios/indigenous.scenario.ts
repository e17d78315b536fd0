import type { EntityManager, RequiredEntityData } from '@mikro-orm/postgresql';
import { insertIndigenousOrganisations, organisationId } from '../../seeds/indigenous.seeder';
import { Role } from '../../src/auth/roles';
import { ConsentRecord } from '../../src/modules/consent/consent-record.entity';
import { ConsentScope, ConsentStatus, ConsentSubjectType } from '../../src/modules/governance/consent-decision.enums';
import { GeoPrecision, RecordVisibility } from '../../src/modules/governance/governance.enums';
import { TerritoryLegalStatus } from '../../src/modules/indigenous/indigenous.enums';
import { PartnershipType } from '../../src/modules/partnerships/partnership.enums';
import { IndigenousTerritory } from '../../src/modules/indigenous/indigenous-territory.entity';
import { Partnership } from '../../src/modules/partnerships/partnership.entity';
import { Contribution } from '../../src/modules/contributions/contribution.entity';
import { CoordinationOffice } from '../../src/modules/members/coordination-office.entity';
import { BiodiversityProject } from '../../src/modules/projects/biodiversity-project.entity';
import { ProjectStatus, ProjectTheme } from '../../src/modules/projects/project.enums';
import { ProjectSupport } from '../../src/modules/projects/project-support.entity';
import { generatedMemberId, NAMED_MEMBERS } from './members.scenario';

/** The real COICA hierarchy from the seeds, by acronym. */
export const ORG = {
  coica: organisationId('coica'),
  aidesep: organisationId('aidesep'),
  coiab: organisationId('coiab'),
  foirn: organisationId('foirn'),
  cart: organisationId('cart'),
  fenamad: organisationId('fenamad'),
  orau: organisationId('orau'),
  ois: organisationId('ois'),
  apa: organisationId('apa'),
  orpia: organisationId('orpia'),
  foag: organisationId('foag'),
};

const id = (group: number, index: number) =>
  `00000000-0000-4000-a${String(group).padStart(3, '0')}-${String(index).padStart(12, '0')}`;

export const TERRITORY = { open: id(1, 1), isolated: id(1, 2) };
export const PARTNERSHIP = { muenchen: id(2, 1), office: id(2, 2), restricted: id(2, 3), network: id(2, 4) };

/** Named projects, each with one governance situation (see the consent records below). */
export const PROJECT = {
  publicOpen: { id: id(3, 1), steward: ORG.foirn, latitude: 0.1234, longitude: -67.0987 },
  networkSite: { id: id(3, 2), steward: ORG.cart, latitude: -11.2711, longitude: -74.0234 },
  restrictedSite: { id: id(3, 3), steward: ORG.cart, latitude: -11.1, longitude: -73.9 },
  isolatedPublic: { id: id(3, 4), steward: ORG.fenamad, latitude: -12.05, longitude: -71.3 },
  isolatedViaTerritory: { id: id(3, 5), steward: ORG.fenamad, latitude: -11.9, longitude: -71.4 },
};

/** Small groups for aggregates: Suriname 2 projects (one restricted), Guyana 3 restricted, Venezuela 2 public. */
export const SMALL_GROUPS = {
  SR: [id(4, 1), id(4, 2)],
  GY: [id(4, 3), id(4, 4), id(4, 5)],
  VE: [id(4, 6), id(4, 7)],
};

/** FOAG projects in French Guiana, enough to page through 100 at a time. */
export const GENERATED_PROJECT_COUNT = 200;
export const generatedProjectId = (index: number) => id(5, index);
/** Every fourth generated project is RESTRICTED, the one after it NETWORK, the rest PUBLIC. */
export const generatedVisibility = (index: number) =>
  [RecordVisibility.RESTRICTED, RecordVisibility.NETWORK, RecordVisibility.PUBLIC, RecordVisibility.PUBLIC][index % 4];

export async function seedIndigenousScenario(em: EntityManager): Promise<void> {
  const now = new Date();
  const stamps = { createdAt: now, updatedAt: now };
  await insertIndigenousOrganisations(em);
  const office = await em.findOneOrFail(CoordinationOffice, { name: 'Klimabündnis Österreich' });
  await em.insertMany(IndigenousTerritory, [
    {
      id: TERRITORY.open,
      stewardOrganisation: ORG.foirn,
      name: 'Test territory Rio Negro',
      country: 'BR',
      legalStatus: TerritoryLegalStatus.DEMARCATED,
      areaHectares: 10_000,
      latitude: 0.5,
      longitude: -67.5,
      containsIsolatedPeoples: false,
      visibility: RecordVisibility.PUBLIC,
      ...stamps,
    },
    {
      id: TERRITORY.isolated,
      stewardOrganisation: ORG.fenamad,
      name: 'Test reserve Madre de Dios',
      country: 'PE',
      legalStatus: TerritoryLegalStatus.STATE_RESERVE,
      areaHectares: 800_000,
      latitude: -11.93,
      longitude: -71.42,
      containsIsolatedPeoples: true,
      visibility: RecordVisibility.RESTRICTED,
      ...stamps,
    },
  ]);
  const partnership = (
    pid: string,
    organisation: string,
    member: string | null,
    startedOn: string,
    visibility: RecordVisibility,
  ) => ({
    id: pid,
    organisation,
    member,
    coordinationOffice: member ? null : office.id,
    type: PartnershipType.CLIMATE_PARTNERSHIP,
    startedOn,
    visibility,
    version: 1,
    ...stamps,
  });
  await em.insertMany(Partnership, [
    partnership(PARTNERSHIP.muenchen, ORG.cart, NAMED_MEMBERS.muenchen.id, '1997-01-01', RecordVisibility.PUBLIC),
    partnership(PARTNERSHIP.office, ORG.foirn, null, '1993-01-01', RecordVisibility.PUBLIC),
    partnership(PARTNERSHIP.restricted, ORG.fenamad, NAMED_MEMBERS.wien.id, '2012-06-01', RecordVisibility.RESTRICTED),
    partnership(PARTNERSHIP.network, ORG.orau, NAMED_MEMBERS.frankfurt.id, '2008-01-01', RecordVisibility.NETWORK),
  ]);
  await em.insertMany(Contribution, [
    {
      id: id(6, 1),
      member: NAMED_MEMBERS.muenchen.id,
      partnership: PARTNERSHIP.muenchen,
      year: 2022,
      amount: 30_000,
      currency: 'EUR',
      ...stamps,
    },
    {
      id: id(6, 2),
      member: NAMED_MEMBERS.muenchen.id,
      partnership: PARTNERSHIP.muenchen,
      year: 2023,
      amount: 32_500.5,
      currency: 'EUR',
      ...stamps,
    },
  ]);
  const project = (pid: string, fields: Record<string, unknown>) =>
    ({
      id: pid,
      themes: [ProjectTheme.FOREST_PROTECTION],
      status: ProjectStatus.ACTIVE,
      concernsIsolatedPeoples: false,
      version: 1,
      territory: null,
      partnership: null,
      startDate: null,
      endDate: null,
      hectaresProtected: null,
      hectaresRestored: null,
      budgetEur: null,
      ...stamps,
      ...fields,
    }) as RequiredEntityData<BiodiversityProject>;
  const named = [
    project(PROJECT.publicOpen.id, {
      title: 'Open forest monitoring',
      implementingOrganisation: ORG.foirn,
      dataSteward: ORG.foirn,
      country: 'BR',
      territory: TERRITORY.open,
      partnership: PARTNERSHIP.office,
      visibility: RecordVisibility.PUBLIC,
      latitude: PROJECT.publicOpen.latitude,
      longitude: PROJECT.publicOpen.longitude,
      hectaresProtected: 1000,
      budgetEur: 50_000,
      startDate: '2015-01-01',
    }),
    project(PROJECT.networkSite.id, {
      title: 'Network reserve guards',
      implementingOrganisation: ORG.cart,
      dataSteward: ORG.cart,
      country: 'PE',
      partnership: PARTNERSHIP.muenchen,
      visibility: RecordVisibility.NETWORK,
      latitude: PROJECT.networkSite.latitude,
      longitude: PROJECT.networkSite.longitude,
      themes: [ProjectTheme.AGROFORESTRY, ProjectTheme.RESTORATION],
    }),
    project(PROJECT.restrictedSite.id, {
      title: 'Restricted sacred site',
      implementingOrganisation: ORG.cart,
      dataSteward: ORG.cart,
      country: 'PE',
      visibility: RecordVisibility.RESTRICTED,
      latitude: PROJECT.restrictedSite.latitude,
      longitude: PROJECT.restrictedSite.longitude,
    }),
    project(PROJECT.isolatedPublic.id, {
      title: 'Isolation buffer patrols',
      implementingOrganisation: ORG.fenamad,
      dataSteward: ORG.fenamad,
      country: 'PE',
      visibility: RecordVisibility.PUBLIC,
      concernsIsolatedPeoples: true,
      latitude: PROJECT.isolatedPublic.latitude,
      longitude: PROJECT.isolatedPublic.longitude,
    }),
    project(PROJECT.isolatedViaTerritory.id, {
      title: 'Reserve boundary survey',
      implementingOrganisation: ORG.fenamad,
      dataSteward: ORG.fenamad,
      country: 'PE',
      territory: TERRITORY.isolated,
      visibility: RecordVisibility.RESTRICTED,
      latitude: PROJECT.isolatedViaTerritory.latitude,
      longitude: PROJECT.isolatedViaTerritory.longitude,
    }),
    ...SMALL_GROUPS.SR.map((pid, i) =>
      project(pid, {
        title: `Suriname project ${i + 1}`,
        implementingOrganisation: ORG.ois,
        dataSteward: ORG.ois,
        country: 'SR',
        visibility: i === 0 ? RecordVisibility.PUBLIC : RecordVisibility.RESTRICTED,
        latitude: 5.7,
        longitude: -54.3,
        hectaresProtected: 100 * (i + 1),
      }),
    ),
    ...SMALL_GROUPS.GY.map((pid, i) =>
      project(pid, {
        title: `Guyana project ${i + 1}`,
        implementingOrganisation: ORG.apa,
        dataSteward: ORG.apa,
        country: 'GY',
        visibility: RecordVisibility.RESTRICTED,
        latitude: 2.9,
        longitude: -59.5,
        hectaresProtected: 1000 * (i + 1),
      }),
    ),
    ...SMALL_GROUPS.VE.map((pid, i) =>
      project(pid, {
        title: `Venezuela project ${i + 1}`,
        implementingOrganisation: ORG.orpia,
        dataSteward: ORG.orpia,
        country: 'VE',
        visibility: RecordVisibility.PUBLIC,
        latitude: 4.2,
        longitude: -66.5,
        hectaresProtected: 10 * (i + 1),
      }),
    ),
  ];
  const themes = Object.values(ProjectTheme);
  const statuses = Object.values(ProjectStatus);
  const generated = Array.from({ length: GENERATED_PROJECT_COUNT }, (_, i) =>
    project(generatedProjectId(i + 1), {
      title: `Generated project ${String(i + 1).padStart(3, '0')}`,
      implementingOrganisation: ORG.foag,
      dataSteward: ORG.foag,
      country: 'GF',
      visibility: generatedVisibility(i + 1),
      themes: [themes[i % themes.length]],
      status: statuses[i % statuses.length],
      latitude: 3 + i * 0.01,
      longitude: -53 - i * 0.01,
      hectaresProtected: (i + 1) * 10,
      budgetEur: i % 7 === 0 ? null : (i + 1) * 1000,
      startDate: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10),
    }),
  );
  await em.insertMany(BiodiversityProject, [...named, ...generated]);
  await em.insertMany(ProjectSupport, [
    { id: id(7, 1), project: PROJECT.publicOpen.id, member: NAMED_MEMBERS.wien.id, ...stamps },
    { id: id(7, 2), project: PROJECT.publicOpen.id, member: NAMED_MEMBERS.muenchen.id, ...stamps },
    ...generated.flatMap((row, i) => [
      { id: id(8, 2 * i + 1), project: row.id!, member: generatedMemberId((i % 60) + 1), ...stamps },
      { id: id(8, 2 * i + 2), project: row.id!, member: generatedMemberId((i % 60) + 61), ...stamps },
    ]),
  ]);
  const consent = (
    cid: string,
    steward: string,
    subjectId: string,
    scope: ConsentScope,
    status: ConsentStatus,
    roles: Role[],
    extra: Partial<ConsentRecord> = {},
  ) => ({
    id: cid,
    stewardOrganisation: steward,
    subjectType: ConsentSubjectType.PROJECT,
    subjectId,
    scope,
    status,
    grantedToRoles: roles,
    grantedToOrganisationIds: [],
    grantedToMemberIds: [],
    locationPrecision: null,
    version: 1,
    ...stamps,
    ...extra,
  });
  const { LOCATION_DISCLOSURE: LOCATION, DATA_PUBLICATION: PUBLICATION } = ConsentScope;
  await em.insertMany(ConsentRecord, [
    consent(id(9, 1), ORG.cart, PROJECT.networkSite.id, LOCATION, ConsentStatus.GRANTED, [Role.COICA_LIAISON], {
      locationPrecision: GeoPrecision.EXACT,
    }),
    consent(id(9, 2), ORG.cart, PROJECT.restrictedSite.id, PUBLICATION, ConsentStatus.GRANTED, [Role.COICA_LIAISON], {
      grantedToMemberIds: [NAMED_MEMBERS.muenchen.id],
    }),
    consent(id(9, 3), ORG.cart, PROJECT.restrictedSite.id, LOCATION, ConsentStatus.GRANTED, [], {
      grantedToMemberIds: [NAMED_MEMBERS.muenchen.id],
      locationPrecision: GeoPrecision.EXACT,
    }),
    consent(
      id(9, 4),
      ORG.fenamad,
      PROJECT.isolatedPublic.id,
      LOCATION,
      ConsentStatus.GRANTED,
      [Role.COICA_LIAISON, Role.ADMIN],
      { locationPrecision: GeoPrecision.EXACT },
    ),
    consent(id(9, 5), ORG.foirn, PROJECT.publicOpen.id, LOCATION, ConsentStatus.WITHHELD, [Role.ANALYST]),
  ]);
}
