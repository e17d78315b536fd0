import type { EntityManager } from '@mikro-orm/postgresql';
import { Seeder } from '@mikro-orm/seeder';
import { ConsentRecord } from '../src/modules/consent/consent-record.entity';
import { ConsentSubjectType } from '../src/modules/governance/consent-decision.enums';
import { Contribution } from '../src/modules/contributions/contribution.entity';
import { IndigenousOrganisation } from '../src/modules/indigenous/indigenous-organisation.entity';
import { IndigenousTerritory } from '../src/modules/indigenous/indigenous-territory.entity';
import { Partnership } from '../src/modules/partnerships/partnership.entity';
import { CoordinationOffice } from '../src/modules/members/coordination-office.entity';
import { BiodiversityProject } from '../src/modules/projects/biodiversity-project.entity';
import { ProjectSupport } from '../src/modules/projects/project-support.entity';
import { CONSENT_SEEDS } from './data/indigenous-consent';
import { ORGANISATION_SEEDS } from './data/indigenous-organisations';
import { PARTNERSHIP_SEEDS } from './data/indigenous-partnerships';
import { PROJECT_SEEDS } from './data/indigenous-projects';
import { TERRITORY_SEEDS } from './data/indigenous-territories';
import { hashSeed, seededRandom, uuidFromKey } from './random';

export const organisationId = (key: string) => uuidFromKey(`indigenous-organisation:${key}`);
export const projectId = (key: string) => uuidFromKey(`biodiversity-project:${key}`);
export const territoryId = (key: string) => uuidFromKey(`indigenous-territory:${key}`);
const partnershipId = (key: string) => uuidFromKey(`partnership:${key}`);
const memberId = (key: string) => uuidFromKey(`member:${key}`);

const LAST_CONTRIBUTION_YEAR = 2023;

/** COICA and its organisations, parents first (the tests' scenario uses the same real hierarchy). */
export async function insertIndigenousOrganisations(em: EntityManager): Promise<void> {
  const now = new Date();
  await em.insertMany(
    IndigenousOrganisation,
    ORGANISATION_SEEDS.map(({ key, parentKey, countryCode, ...seed }) => ({
      ...seed,
      id: organisationId(key),
      parent: parentKey ? organisationId(parentKey) : null,
      country: countryCode,
      createdAt: now,
      updatedAt: now,
    })),
  );
}

/** A contribution per contributor and year since the partnership began, around its typical amount. */
function contributions(now: Date) {
  return PARTNERSHIP_SEEDS.flatMap((seed) =>
    seed.contributors.flatMap(({ memberKey, yearlyEur }) => {
      const random = seededRandom(hashSeed(`${seed.key}:${memberKey}`));
      const firstYear = Math.max(Number(seed.startedOn.slice(0, 4)), 2000);
      return Array.from({ length: LAST_CONTRIBUTION_YEAR - firstYear + 1 }, (_, i) => ({
        id: uuidFromKey(`contribution:${seed.key}:${memberKey}:${firstYear + i}`),
        member: memberId(memberKey),
        partnership: partnershipId(seed.key),
        year: firstYear + i,
        amount: Math.round(yearlyEur * (0.7 + random() * 0.6)),
        currency: 'EUR',
        createdAt: now,
        updatedAt: now,
      }));
    }),
  );
}

/** The indigenous partner organisations, partnerships, territories, projects and consent decisions. */
export class IndigenousSeeder extends Seeder {
  async run(em: EntityManager): Promise<void> {
    const now = new Date();
    const stamps = { createdAt: now, updatedAt: now };
    await insertIndigenousOrganisations(em);
    const offices = await em.find(CoordinationOffice, {});
    const officeId = (name: string) => offices.find((office) => office.name === name)!.id;
    await em.insertMany(
      Partnership,
      PARTNERSHIP_SEEDS.map((seed) => ({
        id: partnershipId(seed.key),
        organisation: organisationId(seed.organisationKey),
        member: seed.memberKey ? memberId(seed.memberKey) : null,
        coordinationOffice: seed.officeName ? officeId(seed.officeName) : null,
        type: seed.type,
        startedOn: seed.startedOn,
        description: seed.description,
        visibility: seed.visibility,
        version: 1,
        ...stamps,
      })),
    );
    await em.insertMany(Contribution, contributions(now));
    await em.insertMany(
      IndigenousTerritory,
      TERRITORY_SEEDS.map(({ key, stewardKey, countryCode, ...seed }) => ({
        ...seed,
        id: territoryId(key),
        stewardOrganisation: organisationId(stewardKey),
        country: countryCode,
        ...stamps,
      })),
    );
    await em.insertMany(
      BiodiversityProject,
      PROJECT_SEEDS.map(
        ({ key, organisationKey, territoryKey, partnershipKey, countryCode, supporterKeys: _, ...seed }) => ({
          ...seed,
          id: projectId(key),
          implementingOrganisation: organisationId(organisationKey),
          dataSteward: organisationId(organisationKey),
          territory: territoryKey ? territoryId(territoryKey) : null,
          partnership: partnershipKey ? partnershipId(partnershipKey) : null,
          country: countryCode,
          concernsIsolatedPeoples: seed.concernsIsolatedPeoples ?? false,
          version: 1,
          ...stamps,
        }),
      ),
    );
    await em.insertMany(
      ProjectSupport,
      PROJECT_SEEDS.flatMap((seed) =>
        seed.supporterKeys.map((memberKey) => ({
          id: uuidFromKey(`project-support:${seed.key}:${memberKey}`),
          project: projectId(seed.key),
          member: memberId(memberKey),
          ...stamps,
        })),
      ),
    );
    await em.insertMany(
      ConsentRecord,
      CONSENT_SEEDS.map((seed) => consentRow(seed, now)),
    );
  }
}

function consentRow(seed: (typeof CONSENT_SEEDS)[number], now: Date) {
  const subjectId = {
    [ConsentSubjectType.PROJECT]: projectId,
    [ConsentSubjectType.TERRITORY]: territoryId,
    [ConsentSubjectType.ORGANISATION]: organisationId,
  }[seed.subjectType](seed.subjectKey);
  return {
    id: uuidFromKey(`consent:${seed.key}`),
    stewardOrganisation: organisationId(seed.stewardKey),
    subjectType: seed.subjectType,
    subjectId,
    scope: seed.scope,
    status: seed.status,
    grantedToRoles: seed.roles,
    grantedToOrganisationIds: [],
    grantedToMemberIds: seed.memberKeys.map(memberId),
    locationPrecision: seed.locationPrecision,
    validFrom: seed.validFrom,
    notes: seed.notes,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}
