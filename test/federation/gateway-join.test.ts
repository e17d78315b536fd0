import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../support/test-app';
import { addExtraMembers, cyclingResults, RANKED_MEMBERS_SQL, UNKNOWN_MEMBER_ID } from './city-cycling.scenario';
import { startFederatedGraph, type FederatedGraph } from './federated-graph';

let api: TestApp;
let graph: FederatedGraph;
/** The members of the 2025 ranking, in its order (most kilometres first). */
let ranked: { id: string; name: string }[];

beforeAll(async () => {
  api = await startTestApp();
  await addExtraMembers(api);
  ranked = await api.orm.em.getConnection().execute(RANKED_MEMBERS_SQL);
  graph = await startFederatedGraph(api, cyclingResults(ranked.map((member) => member.id)));
});
afterAll(async () => {
  await graph?.close();
  await api?.close();
});

describe('joined queries through the gateway', () => {
  it('adds the City Cycling results to a member of ours', async () => {
    const response = await graph.query(
      `query ($id: ID!) {
        member(id: $id) { name country { code } cityCyclingResults { year cyclists kilometresCycled co2AvoidedKg } }
      }`,
      { id: NAMED_MEMBERS.wien.id },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.member).toEqual({
      name: 'Wien',
      country: { code: 'AT' },
      cityCyclingResults: [
        // 0.15 kg per kilometre
        { year: 2023, cyclists: 5_000, kilometresCycled: 1_000_000, co2AvoidedKg: 150_000 },
        { year: 2024, cyclists: 6_000, kilometresCycled: 1_200_000, co2AvoidedKg: 180_000 },
      ],
    });
  });

  it('joins a page of members with the results, empty for members that did not take part', async () => {
    const response = await graph.query(
      `{ members(first: 3) { nodes { name cityCyclingResults { year kilometresCycled } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.members.nodes).toEqual([
      { name: 'Altdorf', cityCyclingResults: [] },
      { name: 'Contern', cityCyclingResults: [] },
      { name: 'Frankfurt am Main', cityCyclingResults: [{ year: 2024, kilometresCycled: 800_000 }] },
    ]);
  });

  it("resolves our member fields on the partner's ranking", async () => {
    const response = await graph.query(
      `{ cityCyclingRanking(year: 2024) { kilometresCycled member { name status country { code } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.cityCyclingRanking).toEqual([
      { kilometresCycled: 1_200_000, member: { name: 'Wien', status: 'ACTIVE', country: { code: 'AT' } } },
      { kilometresCycled: 800_000, member: { name: 'Frankfurt am Main', status: 'ACTIVE', country: { code: 'DE' } } },
    ]);
  });
});

describe("the partner's references to our indigenous organisations", () => {
  it('resolve through the gateway, null for an id we do not know', async () => {
    const response = await graph.query(
      `{ cityCyclingRanking(year: 2026) { kilometresCycled pledge { eurPer100Km amountEur organisation { acronym } } } }`,
    );
    expect(response.errors).toBeUndefined();
    const pledges = response.data!.cityCyclingRanking.map((result: any) => [
      result.kilometresCycled,
      result.pledge.amountEur,
      result.pledge.organisation?.acronym ?? null,
    ]);
    // 2 € per 100 km
    expect(pledges).toEqual([
      [6_000, 120, 'FOIRN'],
      [5_000, 100, 'CART'],
      [4_000, 80, 'CART'],
      [3_000, 60, 'FENAMAD'],
      [2_000, 40, 'COICA'],
      [1_000, 20, null],
    ]);
  });
});

describe('_entities batching', () => {
  const RANKING = `query ($first: Int!) { cityCyclingRanking(year: 2025, first: $first) { member { id name status } } }`;

  async function rankingCost(first: number, key?: string) {
    const requestsBefore = graph.climateAllianceRequests.length;
    api.resetStatementCount();
    const response = await graph.query(RANKING, { first }, key ? { authorization: `Bearer ${key}` } : {});
    expect(response.errors).toBeUndefined();
    return {
      members: response.data!.cityCyclingRanking.map((result: { member: unknown }) => result.member),
      statements: api.statementCount(),
      requests: graph.climateAllianceRequests.slice(requestsBefore),
    };
  }

  it('costs our subgraph one request and one SQL statement for 200 members', async () => {
    expect(ranked).toHaveLength(200);
    const { members, statements, requests } = await rankingCost(200);
    expect(members).toEqual(ranked.map((member) => ({ ...member, status: 'ACTIVE' })));
    expect(requests).toHaveLength(1);
    expect(requests[0].body.variables!.representations).toHaveLength(200);
    expect(statements).toBe(1);
  });

  it('costs one more statement with an API key (its lookup), still independent of the number of members', async () => {
    const key = await api.createKey(Role.PARTNER);
    const ten = await rankingCost(10, key);
    const twoHundred = await rankingCost(200, key);
    expect(ten.members).toHaveLength(10);
    expect(twoHundred.members).toHaveLength(200);
    expect(ten.statements).toBe(2);
    expect(twoHundred.statements).toBe(2);
  });
});

describe('unknown members', () => {
  it('resolve to null through the gateway without failing the query', async () => {
    const response = await graph.query(`{ cityCyclingRanking(year: 2030) { kilometresCycled member { name } } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.cityCyclingRanking).toEqual([
      { kilometresCycled: 300, member: { name: 'München' } },
      { kilometresCycled: 200, member: null },
      { kilometresCycled: 100, member: null },
    ]);
  });

  it('are null in our _entities answer, with no error, and a malformed id costs no SQL', async () => {
    api.resetStatementCount();
    const response = await api.graphql(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Member { name } } }`,
      {
        representations: [NAMED_MEMBERS.muenchen.id, UNKNOWN_MEMBER_ID, 'not-a-uuid'].map((id) => ({
          __typename: 'Member',
          id,
        })),
      },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toEqual([{ name: 'München' }, null, null]);
    expect(api.statementCount()).toBe(1);
  });
});
