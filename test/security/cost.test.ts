import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    // a list without `first` is assumed to hold 10 items
    ['{ countries { code name } coordinationOffices { name country { code } } }', 1 + 11],
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
