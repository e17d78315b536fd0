import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generatedProjectId, ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { copyTemplateDatabase, type DatabaseCopy } from '../support/database-copy';
import { listeningUrl, MAIN, spawnServer, type ServerProcess } from '../support/server-process';
import { redisAnswers, TEST_REDIS_URL } from './redis-available';

const ADMIN = 'replicas-admin-secret-0123456789';
const PROJECT = `query P($id: ID!) { biodiversityProject(id: $id) { id location { precision } } }`;
const MEMBER = `query M($id: ID!) { member(id: $id) { name version } }`;

let redis = false;
let database: DatabaseCopy;
const servers: ServerProcess[] = [];
let first: string;
let second: string;

interface Answer {
  data?: any;
  errors?: { message: string; extensions?: { code?: string } }[];
  extensions?: { cost?: { servedFromCache?: boolean } };
}

async function graphql(url: string, query: string, variables: object, key?: string): Promise<Answer> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer;
}

async function createKey(role: string, organisationId?: string): Promise<string> {
  const answer = await graphql(
    first,
    `
      mutation K($input: ApiKeyInput!) {
        createApiKey(input: $input) {
          key
        }
      }
    `,
    { input: { name: `replicas ${role}`, role, organisationId } },
    ADMIN,
  );
  expect(answer.errors).toBeUndefined();
  return answer.data.createApiKey.key;
}

beforeAll(async () => {
  redis = await redisAnswers();
  if (!redis) return;
  database = await copyTemplateDatabase('cache-replicas');
  for (let i = 0; i < 2; i++) {
    servers.push(
      spawnServer(process.execPath, [MAIN], {
        DATABASE_URL: database.url,
        REDIS_URL: TEST_REDIS_URL,
        ADMIN_API_KEY: ADMIN,
        LOG_LEVEL: 'info',
      }),
    );
  }
  [first, second] = await Promise.all(servers.map((server) => listeningUrl(server)));
});

afterAll(async () => {
  for (const server of servers) if (server.child.exitCode === null) server.child.kill('SIGTERM');
  await Promise.all(servers.map((server) => server.closed));
  await database?.drop();
});

describe('two servers sharing the response cache in Redis', () => {
  beforeEach(({ skip }) => {
    if (!redis) skip('no Redis answers on 127.0.0.1:6379');
  });

  it('an answer stored by one is served by the other', async () => {
    const id = NAMED_MEMBERS.muenchen.id;
    const computed = await graphql(first, MEMBER, { id });
    expect(computed.errors).toBeUndefined();
    expect(computed.extensions!.cost!.servedFromCache).toBeUndefined();
    const shared = await graphql(second, MEMBER, { id });
    expect(shared.errors).toBeUndefined();
    expect(shared.extensions!.cost!.servedFromCache).toBe(true);
    expect(shared.data).toEqual(computed.data);
  });

  it('a member updated through one server is seen by the very next dashboard request to the other', async () => {
    const id = NAMED_MEMBERS.wien.id;
    const before = await graphql(first, MEMBER, { id });
    expect((await graphql(first, MEMBER, { id })).extensions!.cost!.servedFromCache).toBe(true);
    const updated = await graphql(
      second,
      `
        mutation U($id: ID!, $version: Int!) {
          updateMember(id: $id, version: $version, input: { name: "Wien (replicas)" }) {
            id
          }
        }
      `,
      { id, version: before.data.member.version },
      ADMIN,
    );
    expect(updated.errors).toBeUndefined();
    const after = await graphql(first, MEMBER, { id });
    expect(after.errors).toBeUndefined();
    expect(after.data.member.name).toBe('Wien (replicas)');
  });

  it('a withdrawn consent: the very next request through the cache, on the other server, gets the coarser answer', async () => {
    const id = generatedProjectId(2);
    const [steward, liaison] = [await createKey('INDIGENOUS_STEWARD', ORG.foag), await createKey('COICA_LIAISON')];
    const granted = await graphql(
      second,
      `
        mutation R($input: ConsentInput!) {
          recordConsent(input: $input) {
            id
          }
        }
      `,
      {
        input: {
          stewardOrganisationId: ORG.foag,
          subjectType: 'PROJECT',
          subjectId: id,
          scope: 'LOCATION_DISCLOSURE',
          status: 'GRANTED',
          grantedToRoles: ['COICA_LIAISON'],
          locationPrecision: 'EXACT',
        },
      },
      steward,
    );
    expect(granted.errors).toBeUndefined();
    const exact = await graphql(first, PROJECT, { id }, liaison);
    expect(exact.errors).toBeUndefined();
    expect(exact.data.biodiversityProject.location.precision).toBe('EXACT');
    const again = await graphql(first, PROJECT, { id }, liaison);
    expect(again.extensions!.cost!.servedFromCache).toBe(true);
    const withdrawn = await graphql(
      second,
      `
        mutation W($id: ID!) {
          withdrawConsent(id: $id) {
            status
          }
        }
      `,
      { id: granted.data.recordConsent.id },
      steward,
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data.withdrawConsent.status).toBe('WITHDRAWN');
    const coarser = await graphql(first, PROJECT, { id }, liaison);
    expect(coarser.errors).toBeUndefined();
    expect(coarser.extensions!.cost!.servedFromCache).toBeUndefined();
    expect(coarser.data.biodiversityProject.location).toBeNull();
  });
});
