import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSENT_SEEDS } from '../../../seeds/data/indigenous-consent';
import { PROJECT_SEEDS } from '../../../seeds/data/indigenous-projects';
import { organisationId, projectId } from '../../../seeds/indigenous.seeder';
import { uuidFromKey } from '../../../seeds/random';
import { Role } from '../../../src/auth/roles';
import { ConsentRecord } from '../../../src/modules/consent/consent-record.entity';
import { BiodiversityProject } from '../../../src/modules/projects/biodiversity-project.entity';
import { generatedProjectId, ORG, PROJECT, TERRITORY } from '../../scenarios/indigenous.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys } from '../../scenarios/indigenous-keys';

const DIRECT = `query P($id: ID!) { biodiversityProject(id: $id) { id location { precision } } }`;
const ENTITIES = `query E($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on BiodiversityProject { id location { precision } } } }`;
const RECORD = `mutation R($input: ConsentInput!) { recordConsent(input: $input) { id status } }`;
const WITHDRAW = `mutation W($id: ID!) { withdrawConsent(id: $id) { id status } }`;

type Keys = IndigenousKeys & { stewardFoag: string; stewardConfeniae: string };
type Reader = keyof Keys;
/** What a reader is served: 'absent' (no project), 'null' (project, no location) or the precision. */
type Served = 'absent' | 'null' | 'COUNTRY' | 'GRID_10KM' | 'EXACT';

const SOLAR = PROJECT_SEEDS.find((seed) => seed.key === 'amazon-solar-communities')!;
const SOLAR_ID = projectId(SOLAR.key);
/** PUBLIC generated FOAG projects (every fourth from the first is RESTRICTED, the one after NETWORK). */
const gen = generatedProjectId;
const today = new Date();
const day = (offset: number) => new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);

let api: TestApp;
let keys: Keys;

/** Inserts the seeded CONFENIAE case: the Pastaza solar project and CONFENIAE's organisation-level refusal. */
async function insertConfeniaeCase() {
  const now = new Date();
  const {
    key,
    organisationKey,
    countryCode,
    territoryKey: _t,
    partnershipKey: _p,
    supporterKeys: _s,
    ...fields
  } = SOLAR;
  const em = api.orm.em.fork();
  await em.insertMany(BiodiversityProject, [
    {
      ...fields,
      id: projectId(key),
      implementingOrganisation: organisationId(organisationKey),
      dataSteward: organisationId(organisationKey),
      country: countryCode,
      concernsIsolatedPeoples: false,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
  ]);
  const seed = CONSENT_SEEDS.find((consent) => consent.key === 'confeniae-location-withheld')!;
  await em.insertMany(ConsentRecord, [
    {
      id: uuidFromKey(`consent:${seed.key}`),
      stewardOrganisation: organisationId(seed.stewardKey),
      subjectType: seed.subjectType,
      subjectId: organisationId(seed.subjectKey),
      scope: seed.scope,
      status: seed.status,
      grantedToRoles: seed.roles,
      grantedToOrganisationIds: [],
      grantedToMemberIds: [],
      locationPrecision: seed.locationPrecision,
      validFrom: seed.validFrom,
      version: 1,
      createdAt: now,
      updatedAt: now,
    },
  ]);
}

beforeAll(async () => {
  api = await startTestApp();
  keys = {
    ...(await indigenousKeys(api)),
    stewardFoag: await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.foag }),
    stewardConfeniae: await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: organisationId('confeniae') }),
  };
  await insertConfeniaeCase();
});
afterAll(() => api.close());

const asServed = (project: { location: { precision: Served } | null } | null): Served =>
  project === null ? 'absent' : (project.location?.precision ?? 'null');

/** What `reader` is served for the project, directly and through `_entities` (which must agree). */
async function served(reader: Reader, id: string): Promise<Served> {
  const key = keys[reader];
  const direct = await api.graphql(DIRECT, { id }, { key });
  const entities = await api.graphql(
    ENTITIES,
    { representations: [{ __typename: 'BiodiversityProject', id }] },
    { key },
  );
  expect(direct.errors).toBeUndefined();
  expect(entities.errors).toBeUndefined();
  const answer = asServed(direct.data!.biodiversityProject);
  expect(asServed(entities.data!._entities[0])).toBe(answer);
  return answer;
}

async function servedTo(readers: Reader[], id: string): Promise<Partial<Record<Reader, Served>>> {
  const answers: Partial<Record<Reader, Served>> = {};
  for (const reader of readers) answers[reader] = await served(reader, id);
  return answers;
}

async function decide(steward: Reader, input: Record<string, unknown>): Promise<string> {
  const { data, errors } = await api.graphql(RECORD, { input }, { key: keys[steward] });
  expect(errors).toBeUndefined();
  return data!.recordConsent.id;
}

const foagLocation = (subjectId: string, extra: Record<string, unknown>) => ({
  stewardOrganisationId: ORG.foag,
  subjectType: 'PROJECT',
  subjectId,
  scope: 'LOCATION_DISCLOSURE',
  ...extra,
});

describe('monotone disclosure, as served', () => {
  it("the seeded CONFENIAE refusal to partners and analysts binds anonymous callers too (Pastaza's solar project)", async () => {
    expect(
      await servedTo(['anonymous', 'partner', 'analyst', 'liaison', 'admin', 'stewardConfeniae'], SOLAR_ID),
    ).toEqual({
      anonymous: 'null',
      partner: 'null',
      analyst: 'null',
      liaison: 'GRID_10KM',
      admin: 'EXACT',
      stewardConfeniae: 'EXACT',
    });
  });

  it('after a withdrawal from the liaison, everyone who sees less loses the site as well', async () => {
    const id = gen(2);
    const grant = await decide(
      'stewardFoag',
      foagLocation(id, { status: 'GRANTED', grantedToRoles: ['COICA_LIAISON'], locationPrecision: 'EXACT' }),
    );
    expect(await servedTo(['anonymous', 'liaison'], id)).toEqual({ anonymous: 'GRID_10KM', liaison: 'EXACT' });
    const withdrawn = await api.graphql(WITHDRAW, { id: grant }, { key: keys.stewardFoag });
    expect(withdrawn.data!.withdrawConsent.status).toBe('WITHDRAWN');
    expect(await servedTo(['anonymous', 'partner', 'liaison', 'admin', 'stewardFoag'], id)).toEqual({
      anonymous: 'null',
      partner: 'null',
      liaison: 'null',
      admin: 'EXACT',
      stewardFoag: 'EXACT',
    });
  });
});

describe('consent rules, as served', () => {
  it('a grant applies only within its validity dates', async () => {
    const id = gen(3);
    const exact = { status: 'GRANTED', grantedToRoles: ['PARTNER'], locationPrecision: 'EXACT' };
    await decide('stewardFoag', foagLocation(id, { ...exact, validFrom: day(1) }));
    expect(await served('partner', id)).toBe('GRID_10KM');
    await decide('stewardFoag', foagLocation(id, { ...exact, validFrom: day(-30), validUntil: day(-1) }));
    expect(await served('partner', id)).toBe('GRID_10KM');
    await decide('stewardFoag', foagLocation(id, { ...exact, validFrom: day(-1), validUntil: day(1) }));
    expect(await served('partner', id)).toBe('EXACT');
  });

  it('a grant not yet valid does not lift an earlier refusal', async () => {
    const id = gen(6);
    await decide('stewardFoag', foagLocation(id, { status: 'WITHHELD', grantedToRoles: ['PARTNER'] }));
    await decide(
      'stewardFoag',
      foagLocation(id, {
        status: 'GRANTED',
        grantedToRoles: ['PARTNER'],
        locationPrecision: 'EXACT',
        validFrom: day(1),
      }),
    );
    expect(await servedTo(['anonymous', 'partner', 'analyst'], id)).toEqual({
      anonymous: 'null',
      partner: 'null',
      analyst: 'GRID_10KM',
    });
  });

  it('PENDING and EXPIRED decisions have no effect: the refusal before them stands', async () => {
    const id = gen(7);
    await decide('stewardFoag', foagLocation(id, { status: 'WITHHELD', grantedToRoles: ['ANALYST'] }));
    await decide('stewardFoag', foagLocation(id, { status: 'PENDING', grantedToRoles: ['ANALYST'] }));
    expect(await served('analyst', id)).toBe('null');
    const lapsed = await decide(
      'stewardFoag',
      foagLocation(id, { status: 'GRANTED', grantedToRoles: ['ANALYST'], locationPrecision: 'EXACT' }),
    );
    expect(await served('analyst', id)).toBe('EXACT');
    // lapsing is recorded by the secretariat's data maintenance, not through the API
    await api.orm.em.getConnection().execute(`update consent_record set status = 'EXPIRED' where id = ?`, [lapsed]);
    expect(await servedTo(['analyst', 'anonymous'], id)).toEqual({ analyst: 'null', anonymous: 'null' });
  });

  it('the latest decision wins', async () => {
    const id = gen(10);
    const partner = { grantedToRoles: ['PARTNER'] };
    await decide('stewardFoag', foagLocation(id, { ...partner, status: 'GRANTED', locationPrecision: 'EXACT' }));
    expect(await served('partner', id)).toBe('EXACT');
    await decide('stewardFoag', foagLocation(id, { ...partner, status: 'WITHHELD' }));
    expect(await served('partner', id)).toBe('null');
    await decide('stewardFoag', foagLocation(id, { ...partner, status: 'GRANTED', locationPrecision: 'COUNTRY' }));
    expect(await servedTo(['partner', 'anonymous'], id)).toEqual({ partner: 'GRID_10KM', anonymous: 'GRID_10KM' });
  });

  it("a grant to a named organisation serves that organisation's keys only", async () => {
    const restricted = gen(4);
    await decide('stewardFoag', {
      ...foagLocation(restricted, { status: 'GRANTED', grantedToOrganisationIds: [ORG.cart] }),
      scope: 'DATA_PUBLICATION',
    });
    expect(await servedTo(['stewardCart', 'stewardFoirn', 'anonymous', 'partner'], restricted)).toEqual({
      stewardCart: 'COUNTRY',
      stewardFoirn: 'absent',
      anonymous: 'absent',
      partner: 'absent',
    });
    const open = gen(11);
    await decide(
      'stewardFoag',
      foagLocation(open, { status: 'GRANTED', grantedToOrganisationIds: [ORG.foirn], locationPrecision: 'EXACT' }),
    );
    expect(await servedTo(['stewardFoirn', 'stewardCart'], open)).toEqual({
      stewardFoirn: 'EXACT',
      stewardCart: 'GRID_10KM',
    });
  });

  it("a decision on a territory applies to the territory's projects", async () => {
    expect(await served('partner', PROJECT.publicOpen.id)).toBe('GRID_10KM');
    await decide('stewardFoirn', {
      stewardOrganisationId: ORG.foirn,
      subjectType: 'TERRITORY',
      subjectId: TERRITORY.open,
      scope: 'LOCATION_DISCLOSURE',
      status: 'WITHHELD',
      grantedToRoles: ['PARTNER'],
    });
    expect(await servedTo(['partner', 'anonymous', 'liaison'], PROJECT.publicOpen.id)).toEqual({
      partner: 'null',
      anonymous: 'null',
      liaison: 'GRID_10KM',
    });
  });

  it('a decision on an organisation applies to all its projects, and binds those who see less', async () => {
    await decide('stewardConfeniae', {
      stewardOrganisationId: organisationId('confeniae'),
      subjectType: 'ORGANISATION',
      subjectId: organisationId('confeniae'),
      scope: 'DATA_PUBLICATION',
      status: 'WITHHELD',
      grantedToRoles: ['ANALYST'],
    });
    expect(await servedTo(['analyst', 'anonymous', 'partner', 'stewardConfeniae'], SOLAR_ID)).toEqual({
      analyst: 'absent',
      anonymous: 'absent',
      partner: 'null',
      stewardConfeniae: 'EXACT',
    });
  });
});
