import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';

const MEMBER = `
  query Member($id: ID!) {
    member(id: $id) {
      id name category membershipType status joinedOn version
      country { code name region }
      coordinationOffice { name country { code } }
      population
      populationHistory { year population }
    }
  }`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** Names as the database collates them (the order differs between a C-locale and an en_US server). */
async function namesInDatabaseOrder(table: 'country' | 'coordination_office'): Promise<string[]> {
  const rows = await api.orm.em.getConnection().execute<{ name: string }[]>(`select name from ${table} order by name`);
  return rows.map((row) => row.name);
}

describe('member(id)', () => {
  it('returns a member with its country, office and population history, oldest first', async () => {
    const { wien } = NAMED_MEMBERS;
    const response = await api.graphql(MEMBER, { id: wien.id });
    expect(response.errors).toBeUndefined();
    expect(response.data!.member).toEqual({
      id: wien.id,
      name: 'Wien',
      category: 'CITY',
      membershipType: 'FULL',
      status: 'ACTIVE',
      joinedOn: '1992-09-20',
      version: 1,
      country: { code: 'AT', name: 'Austria', region: 'EUROPE' },
      coordinationOffice: { name: 'Klimabündnis Österreich', country: { code: 'AT' } },
      population: 1_980_000,
      populationHistory: [
        { year: 1990, population: 1_490_000 },
        { year: 2023, population: 1_980_000 },
      ],
    });
  });

  it('gives a member without population records a null population and an empty history', async () => {
    const response = await api.graphql(MEMBER, { id: NAMED_MEMBERS.klimaverein.id });
    expect(response.data!.member).toMatchObject({ name: 'Klimaverein Test', population: null, populationHistory: [] });
  });

  it('accepts an upper-case UUID', async () => {
    const response = await api.graphql(MEMBER, { id: NAMED_MEMBERS.frankfurt.id.toUpperCase() });
    expect(response.data!.member.name).toBe('Frankfurt am Main');
  });

  it('returns null for an unknown id', async () => {
    const response = await api.graphql(MEMBER, { id: '00000000-0000-4000-8000-00000000ffff' });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ member: null });
  });

  it.each(['not-a-uuid', '', '00000000-0000-4000-8000-00000000000g', "1' or '1'='1"])(
    'rejects the malformed id %j as bad input naming `id`',
    async (id) => {
      const response = await api.graphql(MEMBER, { id });
      expect(response.data).toEqual({ member: null });
      expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    },
  );

  it('loads the population of many members in a fixed number of statements', async () => {
    const query = `query { a: member(id: "${NAMED_MEMBERS.wien.id}") { population populationHistory { year } }
      b: member(id: "${NAMED_MEMBERS.muenchen.id}") { population populationHistory { year } }
      c: member(id: "${NAMED_MEMBERS.contern.id}") { population populationHistory { year } } }`;
    api.resetStatementCount();
    const response = await api.graphql(query);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      a: { population: 1_980_000, populationHistory: [{ year: 1990 }, { year: 2023 }] },
      b: { population: 1_500_000, populationHistory: [{ year: 2023 }] },
      c: { population: 4_000, populationHistory: [{ year: 2023 }] },
    });
    // members, latest populations, population histories: one each
    expect(api.statementCount()).toBe(3);
  });
});

describe('country(code) and countries', () => {
  const COUNTRY = `query Country($code: String!) { country(code: $code) { code name region isMemberCountry } }`;

  it.each(['AT', 'at', 'At'])('finds Austria by %j, whatever the case', async (code) => {
    const response = await api.graphql(COUNTRY, { code });
    expect(response.data!.country).toEqual({ code: 'AT', name: 'Austria', region: 'EUROPE', isMemberCountry: true });
  });

  it('finds an Amazon country without members', async () => {
    const response = await api.graphql(COUNTRY, { code: 'br' });
    expect(response.data!.country).toEqual({
      code: 'BR',
      name: 'Brazil',
      region: 'AMAZON_BASIN',
      isMemberCountry: false,
    });
  });

  it.each(['XX', 'AUT', ''])('returns null for the unknown code %j', async (code) => {
    const response = await api.graphql(COUNTRY, { code });
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({ country: null });
  });

  it('lists every country by name: 26 in Europe and 9 in the Amazon Basin, 27 with members', async () => {
    const response = await api.graphql(`query { countries { code name region isMemberCountry } }`);
    const countries: { code: string; name: string; region: string; isMemberCountry: boolean }[] =
      response.data!.countries;
    expect(countries).toHaveLength(35);
    expect(countries.filter((c) => c.region === 'EUROPE')).toHaveLength(26);
    expect(countries.filter((c) => c.region === 'AMAZON_BASIN').map((c) => c.code)).toEqual([
      'BO',
      'BR',
      'CO',
      'EC',
      'GF',
      'GY',
      'PE',
      'SR',
      'VE',
    ]);
    expect(countries.filter((c) => c.isMemberCountry)).toHaveLength(27);
    expect(countries.find((c) => c.code === 'PE')).toMatchObject({ region: 'AMAZON_BASIN', isMemberCountry: true });
    expect(countries.map((c) => c.name)).toEqual(await namesInDatabaseOrder('country'));
  });
});

describe('coordinationOffices', () => {
  it('lists the offices by name with their countries, in one statement per type', async () => {
    api.resetStatementCount();
    const response = await api.graphql(`query { coordinationOffices { name website country { code name } } }`);
    expect(response.errors).toBeUndefined();
    expect(api.statementCount()).toBe(2);
    const offices: { name: string; website: string | null; country: { code: string; name: string } }[] =
      response.data!.coordinationOffices;
    expect(Object.fromEntries(offices.map((office) => [office.country.code, office.name]))).toEqual({
      AT: 'Klimabündnis Österreich',
      CH: 'Klima-Bündnis Schweiz',
      DE: 'Climate Alliance European Secretariat',
      HU: 'Klímabarát Települések Szövetsége',
      IT: 'Alleanza per il Clima Italia',
      LU: 'Klima-Bündnis Lëtzebuerg',
      NL: 'Klimaatverbond Nederland',
    });
    expect(offices.map((office) => office.name)).toEqual(await namesInDatabaseOrder('coordination_office'));
    expect(offices.find((office) => office.country.code === 'AT')).toMatchObject({
      website: 'https://www.klimabuendnis.at',
      country: { name: 'Austria' },
    });
  });
});
