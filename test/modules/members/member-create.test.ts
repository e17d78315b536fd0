import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

const CREATE_MEMBER = `
  mutation Create($input: MemberInput!) {
    createMember(input: $input) {
      id name category membershipType status joinedOn leftOn councilResolutionRef
      latitude longitude areaKm2 website version createdAt updatedAt
      country { code } coordinationOffice { id name }
      population populationHistory { year population }
    }
  }`;

let api: TestApp;
let officeIds: Record<string, string>;
beforeAll(async () => {
  api = await startTestApp();
  const rows = await api.orm.em
    .getConnection()
    .execute<{ id: string; country_code: string }[]>('select id, country_code from coordination_office');
  officeIds = Object.fromEntries(rows.map((row) => [row.country_code, row.id]));
});
afterAll(() => api.close());

const VALID_INPUT = {
  name: 'Neudorf bei Staatz',
  category: 'MUNICIPALITY',
  countryCode: 'at',
  joinedOn: '2024-03-01',
  councilResolutionRef: 'GR-2024/17',
  latitude: 48.72,
  longitude: 16.49,
  areaKm2: 26.3,
  website: 'https://www.neudorf-staatz.at',
  populations: [
    { year: 2023, population: 1_510 },
    { year: 2001, population: 1_610 },
  ],
};

function create(input: Record<string, unknown>) {
  return api.graphql(CREATE_MEMBER, { input }, { key: TEST_ADMIN_SECRET });
}

async function rowCounts(): Promise<{ members: number; populations: number }> {
  const [row] = await api.orm.em
    .getConnection()
    .execute<{ members: string; populations: string }[]>(
      'select (select count(*) from member) as members, (select count(*) from population_record) as populations',
    );
  return { members: Number(row.members), populations: Number(row.populations) };
}

describe('createMember', () => {
  it('creates a member with defaults, version 1 and its population records', async () => {
    const before = await rowCounts();
    const response = await create({ ...VALID_INPUT, coordinationOfficeId: officeIds.AT });
    expect(response.errors).toBeUndefined();
    const member = response.data!.createMember;
    expect(member).toMatchObject({
      name: 'Neudorf bei Staatz',
      category: 'MUNICIPALITY',
      membershipType: 'FULL',
      status: 'ACTIVE',
      joinedOn: '2024-03-01',
      leftOn: null,
      councilResolutionRef: 'GR-2024/17',
      latitude: 48.72,
      longitude: 16.49,
      areaKm2: 26.3,
      website: 'https://www.neudorf-staatz.at/',
      version: 1,
      country: { code: 'AT' },
      coordinationOffice: { id: officeIds.AT, name: 'Klimabündnis Österreich' },
      population: 1_510,
      populationHistory: [
        { year: 2001, population: 1_610 },
        { year: 2023, population: 1_510 },
      ],
    });
    expect(await rowCounts()).toEqual({ members: before.members + 1, populations: before.populations + 2 });
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ name: string; country_code: string; version: number }[]>(
        'select name, country_code, version from member where id = ?',
        [member.id],
      );
    expect(row).toEqual({ name: 'Neudorf bei Staatz', country_code: 'AT', version: 1 });
    const read = await api.graphql(`query { member(id: "${member.id}") { name population } }`);
    expect(read.data!.member).toEqual({ name: 'Neudorf bei Staatz', population: 1_510 });
  });

  it('creates a minimal associate member without office, dates or population', async () => {
    const response = await create({
      name: 'Klimainitiative Graz',
      category: 'ASSOCIATION_NGO',
      membershipType: 'ASSOCIATE',
      status: 'APPLIED',
      countryCode: 'AT',
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.createMember).toMatchObject({
      membershipType: 'ASSOCIATE',
      status: 'APPLIED',
      joinedOn: null,
      coordinationOffice: null,
      population: null,
      populationHistory: [],
    });
  });
});

describe('createMember: bad input', () => {
  const thisYear = new Date().getUTCFullYear();
  it.each([
    ['an empty name', { name: '  ' }, 'input.name'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'input.name'],
    ['an unknown country code', { countryCode: 'XX' }, 'input.countryCode'],
    ['a negative population', { populations: [{ year: 2020, population: -1 }] }, 'input.populations[0].population'],
    ['a population year before 1950', { populations: [{ year: 1949, population: 10 }] }, 'input.populations[0].year'],
    [
      'a population year in the future',
      { populations: [{ year: thisYear + 1, population: 10 }] },
      'input.populations[0].year',
    ],
    [
      'a population year given twice',
      {
        populations: [
          { year: 2020, population: 10 },
          { year: 2021, population: 11 },
          { year: 2020, population: 12 },
        ],
      },
      'input.populations[2].year',
    ],
    [
      'more than 100 population records',
      { populations: Array.from({ length: 101 }, (_, i) => ({ year: 1950 + (i % 70), population: 1 })) },
      'input.populations',
    ],
    ['leftOn before joinedOn', { status: 'LEFT', joinedOn: '2010-05-01', leftOn: '2009-12-31' }, 'input.leftOn'],
    ['a website that is no URL', { website: 'www.example.org' }, 'input.website'],
    ['a website that is not http(s)', { website: 'ftp://example.org' }, 'input.website'],
    ['a latitude above 90', { latitude: 90.5 }, 'input.latitude'],
    ['a latitude below -90', { latitude: -91 }, 'input.latitude'],
    ['a longitude beyond 180', { longitude: 181 }, 'input.longitude'],
    ['a negative area', { areaKm2: -3 }, 'input.areaKm2'],
    [
      'an unknown coordination office',
      { coordinationOfficeId: '00000000-0000-4000-8000-00000000ffff' },
      'input.coordinationOfficeId',
    ],
    ['a malformed coordination office id', { coordinationOfficeId: 'office-1' }, 'input.coordinationOfficeId'],
  ])('rejects %s as BAD_USER_INPUT naming the field, writing nothing', async (_case, change, field) => {
    const before = await rowCounts();
    const response = await create({ ...VALID_INPUT, ...change });
    expect(response.data).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.errors![0].message.startsWith(`${field}: `)).toBe(true);
    expect(await rowCounts()).toEqual(before);
  });

  it('writes neither the member nor its valid population records when a later field is invalid', async () => {
    const before = await rowCounts();
    const response = await create({
      ...VALID_INPUT,
      name: 'Nie gespeichert',
      populations: [{ year: 2020, population: 5_000 }],
      website: 'not a url',
    });
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.website' });
    expect(await rowCounts()).toEqual(before);
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ count: string }[]>(
        "select count(*) from population_record pr join member m on m.id = pr.member_id where m.name = 'Nie gespeichert' or pr.population = 5000",
      );
    expect(Number(row.count)).toBe(0);
  });

  it('names a missing required field through GraphQL validation', async () => {
    const { countryCode: _omitted, ...withoutCountry } = VALID_INPUT;
    const response = await create(withoutCountry);
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.countryCode' });
  });
});
