import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { DEFAULT_LIMITS } from '../../src/config/limits';
import { generatedMemberId } from '../scenarios/members.scenario';
import { startTestApp, type GraphqlResponse, type TestApp } from '../support/test-app';
import { addExtraMembers, cyclingResults, RANKED_MEMBERS_SQL } from './city-cycling.scenario';
import { startFederatedGraph, type FederatedGraph } from './federated-graph';

/** Operations a partner dashboard sends to the gateway; each makes the gateway query our subgraph its own way. */
const DASHBOARD_OPERATIONS: [string, string][] = [
  [
    'a ranking of 200 members with country, population, progress and timber commitment (_entities × 200)',
    `{ cityCyclingRanking(year: 2025, first: 200) {
        kilometresCycled
        member { name status population country { name } progress { status reductionPercent } timberCommitment { policyLevel } }
      } }`,
  ],
  [
    'a page of 100 members with their City Cycling results (our list, then the partner)',
    `{ members(first: 100) {
        totalCount pageInfo { hasNextPage endCursor }
        nodes { id name country { code } cityCyclingResults { year kilometresCycled co2AvoidedKg } }
      } }`,
  ],
  [
    'pledges with their projects, organisations and the organisation hierarchy (three entity types)',
    `{ cityCyclingRanking(year: 2026) {
        member { name country { name } }
        pledge {
          amountEur
          organisation { acronym name parent { acronym } }
          project { title status implementingOrganisation { acronym parent { acronym } } country { name } supportingMembers { name } }
        }
      } }`,
  ],
  [
    'a member with its results and the projects of the organisations its pledges went to (deep)',
    `query ($id: ID!) { member(id: $id) {
        name
        cityCyclingResults { year pledge { organisation { parent { projects(first: 5) { nodes { title location { precision } } } } } } }
      } }`,
  ],
];

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

describe('our limits and the queries the gateway sends', () => {
  let api: TestApp;
  let graph: FederatedGraph;
  let partnerKey: string;

  beforeAll(async () => {
    api = await startTestApp();
    await addExtraMembers(api);
    const ranked = await api.orm.em.getConnection().execute<{ id: string }[]>(RANKED_MEMBERS_SQL);
    graph = await startFederatedGraph(api, cyclingResults(ranked.map((member) => member.id)));
    partnerKey = await api.createKey(Role.PARTNER);
  });
  afterAll(async () => {
    await graph?.close();
    await api?.close();
  });

  it.each(DASHBOARD_OPERATIONS)('accept %s', async (_name, query) => {
    const before = graph.climateAllianceRequests.length;
    const response = await graph.query(query, { id: generatedMemberId(1) }, bearer(partnerKey));
    expect(response.errors).toBeUndefined();
    const sent = graph.climateAllianceRequests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const { status, response: answer } of sent) {
      expect(status).toBe(200);
      expect(answer.errors).toBeUndefined();
      expect(answer.extensions!.cost.requestedQueryCost).toBeLessThanOrEqual(DEFAULT_LIMITS.maxQueryCost);
    }
  });

  it('count the cost of _entities per representation, and refuse too much with its code through the gateway', async () => {
    const selection = 'partnerships { organisation { projects(first: 20) { nodes { title country { name } } } } }';
    const direct = await api.graphql(`query ($id: ID!) { member(id: $id) { ${selection} } }`, {
      id: generatedMemberId(1),
    });
    expect(direct.errors).toBeUndefined();
    const response = await graph.query(
      `{ cityCyclingRanking(year: 2025, first: 200) { member { ${selection} } } }`,
      undefined,
      bearer(partnerKey),
    );
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(response.errors?.[0].message).toMatch(/^The operation costs \d+ points, more than the 10000/);
  });
});

/** POSTs to the gateway from a given loopback address, as callers on different machines would. */
function queryFrom(localAddress: string, url: string, query: string): Promise<GraphqlResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode!, headers: response.headers, ...JSON.parse(body) }),
        );
      },
    );
    request.on('error', reject);
    request.end(JSON.stringify({ query }));
  });
}

describe('anonymous rate limits through the gateway', () => {
  const ANONYMOUS_POINTS = 5;
  let api: TestApp;
  let graph: FederatedGraph;

  beforeAll(async () => {
    api = await startTestApp({
      trustProxy: ['127.0.0.1'],
      limits: {
        ...DEFAULT_LIMITS,
        rateLimitPoints: 1_000_000,
        authFailuresPerWindow: 1_000_000,
        anonymousRateLimitPoints: ANONYMOUS_POINTS,
      },
    });
    graph = await startFederatedGraph(api, cyclingResults([]));
  });
  afterAll(async () => {
    await graph?.close();
    await api?.close();
  });

  it("count each caller's own address (the gateway's X-Forwarded-For), not the gateway's", async () => {
    const viewer = '{ viewer { role } }';
    const first = await queryFrom('127.0.0.2', graph.url, viewer);
    expect(first.data).toEqual({ viewer: { role: 'ANONYMOUS' } });
    let refused: GraphqlResponse | undefined;
    for (let i = 0; i < ANONYMOUS_POINTS && !refused; i++) {
      const response = await queryFrom('127.0.0.2', graph.url, viewer);
      if (response.errors) refused = response;
    }
    expect(refused?.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    const other = await queryFrom('127.0.0.3', graph.url, viewer);
    expect(other.errors).toBeUndefined();
    expect(other.data).toEqual({ viewer: { role: 'ANONYMOUS' } });
  });
});
