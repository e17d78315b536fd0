import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { cyclingResults, PLEDGES } from './city-cycling.scenario';
import { startFederatedGraph, type FederatedGraph } from './federated-graph';

let api: TestApp;
let graph: FederatedGraph;
let partnerKey: string;

beforeAll(async () => {
  api = await startTestApp();
  graph = await startFederatedGraph(api, cyclingResults([]));
  partnerKey = await api.createKey(Role.PARTNER);
});
afterAll(async () => {
  await graph?.close();
  await api?.close();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The same operation sent to our subgraph directly and through the gateway. */
async function bothPaths(query: string, headers: Record<string, string>) {
  const direct = await api.graphql(query, undefined, { headers });
  const viaGateway = await graph.query(query, undefined, headers);
  return { direct, viaGateway };
}

const errorOf = (response: { errors?: { message: string; extensions?: Record<string, any> }[] }) =>
  response.errors?.map((error) => ({ message: error.message, code: error.extensions?.code }));

describe('authorisation through the gateway', () => {
  it('gives a PARTNER key the same viewer as directly', async () => {
    const { direct, viaGateway } = await bothPaths('{ viewer { role apiKeyId name } }', bearer(partnerKey));
    expect(direct.data!.viewer.role).toBe('PARTNER');
    expect(viaGateway.errors).toBeUndefined();
    expect(viaGateway.data).toEqual(direct.data);
  });

  it('refuses an ADMIN-only field to a PARTNER key the same way as directly', async () => {
    const { direct, viaGateway } = await bothPaths('{ apiKeys { id } }', bearer(partnerKey));
    expect(errorOf(direct)).toEqual([{ message: 'apiKeys is not allowed for role PARTNER', code: 'FORBIDDEN' }]);
    expect(errorOf(viaGateway)).toEqual(errorOf(direct));
    expect(viaGateway.data ?? null).toBeNull();
  });

  it('answers the ADMIN-only field to an ADMIN key through the gateway', async () => {
    const response = await graph.query('{ apiKeys { role } }', undefined, bearer(TEST_ADMIN_SECRET));
    expect(response.errors).toBeUndefined();
    expect(response.data!.apiKeys).toContainEqual({ role: 'PARTNER' });
  });

  it('treats no key as anonymous and an unknown key as unauthenticated, as directly', async () => {
    const anonymous = await bothPaths('{ viewer { role } apiKeys { id } }', {});
    expect(errorOf(anonymous.viaGateway)).toEqual(errorOf(anonymous.direct));
    expect(errorOf(anonymous.direct)).toEqual([{ message: 'apiKeys needs an API key', code: 'UNAUTHENTICATED' }]);
    const unknown = await bothPaths('{ viewer { role } }', bearer('ca_unknown_key_0123456789'));
    expect(errorOf(unknown.direct)).toEqual([
      { message: 'The API key is unknown or revoked', code: 'UNAUTHENTICATED' },
    ]);
    expect(errorOf(unknown.viaGateway)).toEqual(errorOf(unknown.direct));
  });
});

describe('headers the gateway sends on', () => {
  it("forwards the caller's Authorization to our subgraph, and nothing else the caller sent", async () => {
    const sent = {
      ...bearer(partnerKey),
      'x-evil': '1',
      cookie: 'session=stolen',
      'x-forwarded-for': '203.0.113.9',
      'x-request-id': 'caller-chosen-id',
    };
    const response = await graph.query(
      `query ($id: ID!) { member(id: $id) { name cityCyclingResults { year } } }`,
      { id: NAMED_MEMBERS.wien.id },
      sent,
    );
    expect(response.errors).toBeUndefined();
    const received = graph.climateAllianceRequests.at(-1)!.headers;
    expect(received.authorization).toBe(`Bearer ${partnerKey}`);
    for (const name of ['x-evil', 'cookie', 'x-request-id']) expect(received).not.toHaveProperty(name);
    expect(Object.values(received)).not.toContain('1');
    // the gateway's own: the address the test connected from, not the one the caller claimed
    expect(received['x-forwarded-for']).toBe('127.0.0.1');
  });

  it('sends the partner subgraph none of the caller headers, not even our API key', async () => {
    graph.cityCyclingHeaders.length = 0;
    const response = await graph.query(
      `query ($id: ID!) { member(id: $id) { cityCyclingResults { year } } }`,
      { id: NAMED_MEMBERS.wien.id },
      { ...bearer(partnerKey), 'x-evil': '1', cookie: 'session=stolen' },
    );
    expect(response.errors).toBeUndefined();
    expect(graph.cityCyclingHeaders).toHaveLength(1);
    for (const name of ['authorization', 'x-evil', 'cookie']) {
      expect(graph.cityCyclingHeaders[0]).not.toHaveProperty(name);
    }
  });
});

describe('entity references', () => {
  const PROJECT_FIELDS = 'id title visibility location { latitude longitude precision }';

  it.each([
    ['anonymous', async () => ({})],
    ['PARTNER', async () => bearer(partnerKey)],
    [
      'INDIGENOUS_STEWARD of CART',
      async () => bearer(await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.cart })),
    ],
    ['ADMIN', async () => bearer(TEST_ADMIN_SECRET)],
  ])(
    'show %s through a partner reference exactly the projects and locations biodiversityProject(id) shows',
    async (_role, headersFor) => {
      const headers = await headersFor();
      const viaGateway = await graph.query(
        `{ cityCyclingRanking(year: 2026) { pledge { project { ${PROJECT_FIELDS} } } } }`,
        undefined,
        headers,
      );
      expect(viaGateway.errors).toBeUndefined();
      const direct = [];
      for (const { projectId } of PLEDGES) {
        const response = projectId
          ? await api.graphql(
              `query ($id: ID!) { biodiversityProject(id: $id) { ${PROJECT_FIELDS} } }`,
              { id: projectId },
              { headers },
            )
          : { data: { biodiversityProject: null } };
        direct.push(response.data!.biodiversityProject);
      }
      expect(viaGateway.data!.cityCyclingRanking.map((result: any) => result.pledge.project)).toEqual(direct);
    },
  );

  it('keep a RESTRICTED project out of reach of a PARTNER key, and within reach of the secretariat', async () => {
    const query = `{ cityCyclingRanking(year: 2026) { pledge { project { visibility } } } }`;
    const visibilities = async (headers: Record<string, string>) =>
      (await graph.query(query, undefined, headers)).data!.cityCyclingRanking.map(
        (result: any) => result.pledge.project?.visibility ?? null,
      );
    expect(await visibilities(bearer(partnerKey))).toEqual(['PUBLIC', 'NETWORK', null, 'PUBLIC', null, null]);
    expect(await visibilities(bearer(TEST_ADMIN_SECRET))).toEqual([
      'PUBLIC',
      'NETWORK',
      'RESTRICTED',
      'PUBLIC',
      null,
      null,
    ]);
  });

  it('reach only entity types: the ADMIN-only ApiKey cannot be fetched through _entities', async () => {
    const [key] = (await api.graphql('{ apiKeys { id } }', undefined, { key: TEST_ADMIN_SECRET })).data!.apiKeys;
    const response = await api.graphql(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on ApiKey { name } } }`,
      { representations: [{ __typename: 'ApiKey', id: key.id }] },
      { key: TEST_ADMIN_SECRET },
    );
    expect(response.data?._entities ?? null).toBeNull();
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('are not open to callers of the gateway: _entities is not part of the composed API', async () => {
    const response = await graph.query(
      `{ _entities(representations: [{ __typename: "Member", id: "${NAMED_MEMBERS.wien.id}" }]) { __typename } }`,
      undefined,
      bearer(TEST_ADMIN_SECRET),
    );
    expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
