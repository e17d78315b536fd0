import 'reflect-metadata';
import { getNamedType, getNullableType, isLeafType, isListType, isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inputRows } from '../../src/http/cost';
import { SIZED_LIST_FIELDS } from '../../src/http/list-sizes';
import { buildFederatedSchema } from '../../src/schema/build-schema';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { errorCode, send } from './support';

const WIEN = NAMED_MEMBERS.wien.id;
const ENTITIES = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { name country { code } } } }`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

function representations(count: number) {
  return Array.from({ length: count }, () => ({ __typename: 'Member', id: WIEN }));
}

describe('cost analysis', () => {
  it.each([
    // 1 + first × (1 per node + country 1 + office 1); pageInfo and totalCount are per page, scalars free
    [
      '{ members(first: 10) { totalCount pageInfo { hasNextPage } nodes { name country { code } coordinationOffice { name } } } }',
      31,
    ],
    // first defaults to 20; an edge costs 1 and its node 1 more
    ['{ members { edges { cursor node { name } } } }', 41],
    // a list without `first` holds at most its size in list-sizes.ts (50 countries, 30 offices): 1 + size × (1 + item)
    ['{ countries { code name } coordinationOffices { name country { code } } }', 1 + 50 + (1 + 30 * (1 + 1))],
    ['{ viewer { role } }', 1],
    ['{ __typename }', 0],
  ])('reports the cost of %s as %i in extensions.cost', async (query, cost) => {
    const answer = await send(api, { query });
    expect(answer.json!.errors).toBeUndefined();
    expect(answer.json!.extensions.cost).toEqual({
      requestedQueryCost: cost,
      maximumQueryCost: 10_000,
      maximumAvailable: 1_000_000_000,
      currentlyAvailable: expect.any(Number),
      resetInSeconds: expect.any(Number),
    });
  });

  it('multiplies by `first` given in a variable', async () => {
    const answer = await send(api, {
      query: 'query ($n: Int) { members(first: $n) { nodes { name } } }',
      variables: { n: 7 },
    });
    expect(answer.json!.extensions.cost.requestedQueryCost).toBe(1 + 7 * 1);
  });

  it('counts the same operation anew for other variables, and the same again for the same ones', async () => {
    const query = 'query ($n: Int) { members(first: $n) { nodes { name country { code } } } }';
    const costs: number[] = [];
    for (const n of [3, 9, 3]) {
      const answer = await send(api, { query, variables: { n } });
      expect(answer.json!.errors).toBeUndefined();
      costs.push(answer.json!.extensions.cost.requestedQueryCost);
    }
    expect(costs).toEqual([1 + 3 * 2, 1 + 9 * 2, 1 + 3 * 2]);
  });

  it('counts the representations of _entities, so a gateway batch of 100 is cheap and 10,001 too costly', async () => {
    const hundred = await send(api, { query: ENTITIES, variables: { r: representations(100) } });
    expect(hundred.json!.errors).toBeUndefined();
    expect(hundred.json!.data._entities).toHaveLength(100);
    expect(hundred.json!.extensions.cost.requestedQueryCost).toBe(100 * (1 + 1));

    api.resetStatementCount();
    const tooMany = await send(api, { query: ENTITIES, variables: { r: representations(5_001) } });
    expect(tooMany.status).toBe(400);
    expect(errorCode(tooMany)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tooMany.json!.errors[0].message).toMatch(/costs 10002 points, more than the 10000/);
    expect(tooMany.json!.data).toBeUndefined();
    expect(api.statementCount()).toBe(0);
  });

  it('rejects an over-cost query before any SQL runs, reporting its cost', async () => {
    api.resetStatementCount();
    const answer = await send(api, { query: '{ members(first: 100000) { nodes { name country { code } } } }' });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.json!.errors[0].message).toMatch(/costs 200001 points/);
    expect(answer.json!.data).toBeUndefined();
    expect(answer.json!.extensions.cost.requestedQueryCost).toBe(200_001);
    expect(api.statementCount()).toBe(0);
  });

  it('reports the cost on refused operations too', async () => {
    const answer = await send(api, { query: '{ members(first: 101) { nodes { name } } }' });
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.json!.extensions.cost.requestedQueryCost).toBe(1 + 101);
  });
});

describe('list sizes', () => {
  it.each([
    ['first: 101', '{ members(first: 101) { nodes { name } } }', 'first'],
    ['first: -1', '{ members(first: -1) { nodes { name } } }', 'first'],
    ['first: 0', '{ members(first: 0) { nodes { name } } }', 'first'],
  ])('rejects %s as BAD_USER_INPUT before any SQL runs', async (_name, query, field) => {
    api.resetStatementCount();
    const answer = await send(api, { query });
    expect(answer.json!.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(answer.json!.data).toBeNull();
    expect(api.statementCount()).toBe(0);
  });

  it.each([
    ['101 country codes', { countryCodes: Array.from({ length: 101 }, () => 'AT') }, 'filter.countryCodes'],
    ['101 categories', { categories: Array.from({ length: 101 }, () => 'CITY') }, 'filter.categories'],
  ])('rejects %s in a filter as BAD_USER_INPUT naming it, before any SQL runs', async (_name, filter, field) => {
    api.resetStatementCount();
    const answer = await send(api, {
      query: 'query ($filter: MemberFilter) { members(filter: $filter) { nodes { name } } }',
      variables: { filter },
    });
    expect(answer.json!.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(answer.json!.data).toBeNull();
    expect(api.statementCount()).toBe(0);
  });

  it('rejects 101 rows in a mutation input and writes nothing', async () => {
    const populations = Array.from({ length: 101 }, (_, i) => ({ year: 1950 + i, population: 1_000 }));
    const answer = await send(
      api,
      {
        query: `mutation ($input: MemberUpdate!) { updateMember(id: "${WIEN}", version: 1, input: $input) { id } }`,
        variables: { input: { populations } },
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(answer.json!.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.populations' });
    expect(answer.json!.data).toBeNull();
    const rows = await api.orm.em
      .getConnection()
      .execute<{ count: string }[]>('select count(*) from population_record where member_id = ?', [WIEN]);
    expect(Number(rows[0].count)).toBe(NAMED_MEMBERS.wien.populations.length);
  });
});

describe('cost of writes', () => {
  const SECTORS = ['RESIDENTIAL', 'COMMERCIAL_SERVICES', 'MUNICIPAL_FACILITIES', 'INDUSTRY', 'TRANSPORT'];
  const CARRIERS = ['ELECTRICITY', 'NATURAL_GAS', 'HEATING_OIL', 'DIESEL', 'PETROL', 'BIOMASS', 'LPG', 'COAL'];
  const SCOPES = ['SCOPE_1', 'SCOPE_2', 'SCOPE_3'];
  /** `count` records of distinct (sector, carrier, scope). */
  function records(count: number) {
    const all = SECTORS.flatMap((sector) =>
      CARRIERS.flatMap((energyCarrier) => SCOPES.map((scope) => ({ sector, energyCarrier, scope, emissionsTco2e: 1 }))),
    );
    return all.slice(0, count);
  }
  const inventory = (year: number, count: number) => ({
    memberId: WIEN,
    year,
    standard: 'COM_MEI',
    records: records(count),
  });
  const SUBMIT = 'mutation ($input: EmissionInventoryInput!) { submitEmissionInventory(input: $input) { id } }';

  it('charges a write 10 points plus 10 for each row of its input lists', async () => {
    const costs = [];
    for (const count of [1, 100]) {
      const answer = await send(
        api,
        { query: SUBMIT, variables: { input: inventory(2001, count) } },
        { key: TEST_ADMIN_SECRET },
      );
      expect(answer.json!.errors).toBeUndefined();
      expect(answer.json!.data.submitEmissionInventory.id).toEqual(expect.any(String));
      costs.push(answer.json!.extensions.cost.requestedQueryCost);
    }
    expect(costs).toEqual([10 + 10 * 1, 10 + 10 * 100]);

    const literal = await send(
      api,
      {
        query: `mutation { submitEmissionInventory(input: { memberId: "${WIEN}", year: 2002, standard: COM_MEI,
          records: [{ sector: WASTE, energyCarrier: NOT_ENERGY, scope: SCOPE_1, emissionsTco2e: 2 },
                    { sector: TRANSPORT, energyCarrier: DIESEL, scope: SCOPE_1, emissionsTco2e: 3 }] }) { id } }`,
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(literal.json!.errors).toBeUndefined();
    expect(literal.json!.extensions.cost.requestedQueryCost).toBe(10 + 10 * 2);
  });

  it('refuses 15 aliased submissions of 100 records as too costly, writing nothing', async () => {
    const variables = Object.fromEntries(Array.from({ length: 15 }, (_, i) => [`i${i}`, inventory(2003 + i, 100)]));
    const query = `mutation (${Object.keys(variables).map((name) => `$${name}: EmissionInventoryInput!`)}) {
      ${Object.keys(variables)
        .map((name) => `${name}: submitEmissionInventory(input: $${name}) { id }`)
        .join(' ')} }`;
    const before = await api.countRows('emission_record');
    api.resetStatementCount();
    const answer = await send(api, { query, variables }, { key: TEST_ADMIN_SECRET });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.json!.errors[0].message).toMatch(/costs 15150 points, more than the 10000/);
    expect(answer.json!.data).toBeUndefined();
    expect(await api.countRows('emission_record')).toBe(before);
  });

  it('counts the items of every list in the arguments, nested ones too', () => {
    expect(inputRows({ input: { records: [{}, {}, {}], name: 'x' } })).toBe(3);
    expect(inputRows({ input: { populations: [{ year: 1 }], themes: ['A', 'B'], nested: { ids: [[1, 2]] } } })).toBe(
      1 + 2 + 1 + 2,
    );
    expect(inputRows({ id: 'x', version: 1 })).toBe(0);
  });
});

describe('cost of lists without first', () => {
  it('counts each item, at the most items list-sizes.ts gives the list', async () => {
    const answer = await send(api, {
      query: '{ emissionInventories(first: 10) { nodes { year records { sector emissionsTco2e } } } }',
    });
    expect(answer.json!.errors).toBeUndefined();
    expect(answer.json!.extensions.cost.requestedQueryCost).toBe(1 + 10 * (1 + (1 + 50 * 1)));
  });

  /** The test data's facts the cost of emissionTotals follows: its years, its members, their countries. */
  async function dataFacts() {
    const em = api.orm.em.fork();
    const [years] = await em.execute('select min(year) as first, max(year) as last from network_year_total');
    const [members] = await em.execute('select count(*)::int as n, count(distinct country_code)::int as c from member');
    const [rows] = await em.execute(
      'select (select count(*) from member_year_total)::int as years, (select count(*) from network_year_total)::int as network',
    );
    return { years: years.last - years.first + 1, members: members.n, countries: members.c, rows };
  }

  async function totalsCost(variables: Record<string, unknown>) {
    const answer = await send(api, {
      query: `query ($groupBy: [EmissionDimension!]!, $filter: EmissionTotalsFilter) {
        emissionTotals(groupBy: $groupBy, filter: $filter) { emissionsTco2e } }`,
      variables,
    });
    return answer;
  }

  it('prices emissionTotals by the groups the data can hold: its years, members and countries', async () => {
    const facts = await dataFacts();
    // the test data reads fewer than 1,000 maintained rows for these, so no point is added for rows read
    expect(facts.rows.years).toBeLessThan(2_000);
    const cases: [Record<string, unknown>, number][] = [
      [{ groupBy: ['YEAR'] }, 1 + facts.years],
      [{ groupBy: ['MEMBER', 'YEAR'], filter: { memberIds: [WIEN, WIEN] } }, 1 + 2 * facts.years],
      [{ groupBy: ['COUNTRY', 'SECTOR'], filter: { fromYear: 2000, toYear: 2009 } }, 1 + facts.countries * 8],
      [{ groupBy: ['MEMBER'] }, 1 + facts.members],
    ];
    for (const [variables, cost] of cases) {
      const answer = await totalsCost(variables);
      expect(answer.json!.errors, JSON.stringify(variables)).toBeUndefined();
      expect(answer.json!.extensions.cost.requestedQueryCost, JSON.stringify(variables)).toBe(cost);
    }
  });

  it('refuses emissionTotals that could return more than 10,000 groups as BAD_USER_INPUT before any SQL runs', async () => {
    const facts = await dataFacts();
    expect(facts.members * 8 * facts.years).toBeGreaterThan(10_000);
    api.resetStatementCount();
    const answer = await totalsCost({ groupBy: ['MEMBER', 'SECTOR', 'YEAR'] });
    expect(answer.json!.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'groupBy' });
    expect(answer.json!.errors[0].message).toMatch(/more than the 10,000/);
    expect(api.statementCount()).toBe(0);
  });

  it('sizes every list of objects without first in the schema', async () => {
    const schema = await buildFederatedSchema();
    const unsized: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('_') || 'pageInfo' in type.getFields()) continue;
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        if (!isListType(getNullableType(field.type)) || isLeafType(getNamedType(field.type))) continue;
        if (field.args.some((arg) => arg.name === 'first') || coordinate === 'Query._entities') continue;
        if (!SIZED_LIST_FIELDS.includes(coordinate)) unsized.push(coordinate);
      }
    }
    expect(unsized).toEqual([]);
    expect(SIZED_LIST_FIELDS).toContain('EmissionInventory.records');
  });

  it('refuses an alias longer than 64 characters, which every item of a list would repeat', async () => {
    api.resetStatementCount();
    const answer = await send(api, { query: `{ members(first: 100) { nodes { ${'a'.repeat(65)}: name } } }` });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(answer.json!.errors[0].message).toMatch(/longer than 64 characters/);
    expect(api.statementCount()).toBe(0);
    const fits = await send(api, { query: `{ members(first: 1) { nodes { ${'a'.repeat(64)}: name } } }` });
    expect(fits.json!.errors).toBeUndefined();
  });
});
