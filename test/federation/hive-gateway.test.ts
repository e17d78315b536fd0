import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { ORG, PROJECT } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import type { GraphqlResponse } from '../support/test-app';
import { cyclingResults } from './city-cycling.scenario';
import { startFederatedGraph, type FederatedGraph } from './federated-graph';

let api: TestApp;
/** Apollo Gateway over Apollo's composition. */
let apollo: FederatedGraph;
/** Hive Gateway over The Guild's composition, in front of the same database. */
let hive: FederatedGraph;
let partnerKey: string;

beforeAll(async () => {
  api = await startTestApp();
  apollo = await startFederatedGraph(api, cyclingResults([]));
  hive = await startFederatedGraph(api, cyclingResults([]), 'hive');
  partnerKey = await api.createKey(Role.PARTNER);
});
afterAll(async () => {
  await hive?.close();
  await apollo?.close();
  await api?.close();
});

const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** The same operation through both gateways. */
async function bothGateways(query: string, variables?: Record<string, unknown>, headers: Record<string, string> = {}) {
  return {
    viaApollo: await apollo.query(query, variables, headers),
    viaHive: await hive.query(query, variables, headers),
  };
}

/** The paths Apollo Gateway notes in `extensions.valueCompletion` (nulls it completed), in a stable order. */
const completedNulls = (response: GraphqlResponse) =>
  ((response.extensions?.valueCompletion ?? []) as { message: string; path: (string | number)[] }[])
    .map((note) => `${note.path.join('.')}: ${note.message}`)
    .sort();

describe('joined queries through Hive Gateway', () => {
  it('adds the City Cycling results to a member of ours, as Apollo Gateway does', async () => {
    const { viaApollo, viaHive } = await bothGateways(
      `query ($id: ID!) { member(id: $id) { name country { code } cityCyclingResults { year kilometresCycled } } }`,
      { id: NAMED_MEMBERS.wien.id },
    );
    expect(viaHive.errors).toBeUndefined();
    expect(viaHive.data!.member).toEqual({
      name: 'Wien',
      country: { code: 'AT' },
      cityCyclingResults: [
        { year: 2023, kilometresCycled: 1_000_000 },
        { year: 2024, kilometresCycled: 1_200_000 },
      ],
    });
    expect(viaHive.data).toEqual(viaApollo.data);
  });

  it("resolves our members and organisations on the partner's ranking, in one request to our subgraph", async () => {
    const before = hive.climateAllianceRequests.length;
    const response = await hive.query(
      `{ cityCyclingRanking(year: 2024) { kilometresCycled member { name status country { code } } } }`,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!.cityCyclingRanking).toEqual([
      { kilometresCycled: 1_200_000, member: { name: 'Wien', status: 'ACTIVE', country: { code: 'AT' } } },
      { kilometresCycled: 800_000, member: { name: 'Frankfurt am Main', status: 'ACTIVE', country: { code: 'DE' } } },
    ]);
    const requests = hive.climateAllianceRequests.slice(before);
    expect(requests).toHaveLength(1);
    expect(requests[0].body.query).toContain('_entities');
  });
});

describe('entities our subgraph resolves to null', () => {
  const PLEDGES = `{ cityCyclingRanking(year: 2026) {
    kilometresCycled pledge { organisation { acronym } project { id title visibility } }
  } }`;

  it.each([
    ['anonymous', () => ({})],
    ['PARTNER', () => bearer(partnerKey)],
    ['ADMIN', () => bearer(TEST_ADMIN_SECRET)],
  ])('come back from both gateways the same for %s: null, noted in valueCompletion, no error', async (_, headers) => {
    const { viaApollo, viaHive } = await bothGateways(PLEDGES, undefined, headers());
    expect(viaApollo.errors).toBeUndefined();
    expect(viaHive.errors).toBeUndefined();
    expect(viaHive.data).toEqual(viaApollo.data);
    expect(completedNulls(viaHive)).toEqual(completedNulls(viaApollo));
    // the unknown organisation and project of the last pledge are null for everyone
    expect(completedNulls(viaHive)).toContain(
      'cityCyclingRanking.5.pledge.organisation.acronym: Cannot return null for non-nullable field IndigenousOrganisation.acronym.',
    );
  });

  it('hide the restricted project from a PARTNER key and show it to the secretariat, through Hive Gateway', async () => {
    const projectsFor = async (headers: Record<string, string>) => {
      const response = await hive.query(PLEDGES, undefined, headers);
      expect(response.errors).toBeUndefined();
      return response.data!.cityCyclingRanking.map((result: any) => result.pledge.project?.id ?? null);
    };
    const forPartner = await projectsFor(bearer(partnerKey));
    expect(forPartner).toEqual([
      PROJECT.publicOpen.id,
      PROJECT.networkSite.id,
      null,
      PROJECT.isolatedPublic.id,
      null,
      null,
    ]);
    const forAdmin = await projectsFor(bearer(TEST_ADMIN_SECRET));
    expect(forAdmin[2]).toBe(PROJECT.restrictedSite.id);
    const partnerAnswer = await hive.query(PLEDGES, undefined, bearer(partnerKey));
    expect(completedNulls(partnerAnswer)).toContain(
      'cityCyclingRanking.2.pledge.project.title: Cannot return null for non-nullable field BiodiversityProject.title.',
    );
    expect(JSON.stringify(partnerAnswer)).not.toContain('Unexpected error');
  });
});

describe('authentication through Hive Gateway', () => {
  const errorOf = (response: GraphqlResponse) =>
    response.errors?.map((error) => ({ message: error.message, code: error.extensions?.code }));

  it("forwards the caller's key: the same viewer, the same refusals with our message and code", async () => {
    const viewer = await bothGateways('{ viewer { role apiKeyId } }', undefined, bearer(partnerKey));
    expect(viewer.viaHive.errors).toBeUndefined();
    expect(viewer.viaHive.data!.viewer.role).toBe('PARTNER');
    expect(viewer.viaHive.data).toEqual(viewer.viaApollo.data);

    const forbidden = await bothGateways('{ apiKeys { id } }', undefined, bearer(partnerKey));
    expect(errorOf(forbidden.viaHive)).toEqual([
      { message: 'apiKeys is not allowed for role PARTNER', code: 'FORBIDDEN' },
    ]);
    expect(errorOf(forbidden.viaHive)).toEqual(errorOf(forbidden.viaApollo));

    const unknown = await bothGateways('{ viewer { role } }', undefined, bearer('ca_unknown_key_0123456789'));
    expect(errorOf(unknown.viaHive)).toEqual([
      { message: 'The API key is unknown or revoked', code: 'UNAUTHENTICATED' },
    ]);
  });

  it("sends our subgraph the key and the caller's address only, and the partner subgraph nothing of the caller's", async () => {
    hive.cityCyclingHeaders.length = 0;
    const response = await hive.query(
      `query ($id: ID!) { member(id: $id) { name cityCyclingResults { year } } }`,
      { id: NAMED_MEMBERS.wien.id },
      {
        ...bearer(partnerKey),
        'x-evil': '1',
        cookie: 'session=stolen',
        'x-forwarded-for': '203.0.113.9',
        'x-request-id': 'caller-chosen-id',
      },
    );
    expect(response.errors).toBeUndefined();
    const received = hive.climateAllianceRequests.at(-1)!.headers;
    expect(received.authorization).toBe(`Bearer ${partnerKey}`);
    expect(received['x-forwarded-for']).toBe('127.0.0.1');
    for (const name of ['x-evil', 'cookie', 'x-request-id']) expect(received).not.toHaveProperty(name);
    expect(hive.cityCyclingHeaders).toHaveLength(1);
    for (const name of ['authorization', 'x-evil', 'cookie', 'x-forwarded-for', 'x-request-id']) {
      expect(hive.cityCyclingHeaders[0]).not.toHaveProperty(name);
    }
  });

  it('lets an indigenous steward see its own restricted project through Hive Gateway as directly', async () => {
    const steward = bearer(await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.cart }));
    const query = `query ($id: ID!) { biodiversityProject(id: $id) { title visibility location { precision } } }`;
    const direct = await api.graphql(query, { id: PROJECT.restrictedSite.id }, { headers: steward });
    const viaHive = await hive.query(query, { id: PROJECT.restrictedSite.id }, steward);
    expect(direct.errors).toBeUndefined();
    expect(viaHive.errors).toBeUndefined();
    expect(viaHive.data).toEqual(direct.data);
  });
});
