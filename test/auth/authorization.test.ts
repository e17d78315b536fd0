import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/modules/api-keys/api-key-secret';
import { Role } from '../../src/auth/roles';
import { ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../support/test-app';

const VIEWER = `query { viewer { role } }`;
const CREATE_KEY = `mutation { createApiKey(input: { name: "x", role: PARTNER }) { key } }`;
const CREATE_MEMBER = `mutation { createMember(input: { name: "Neudorf", category: MUNICIPALITY, countryCode: "AT" }) { id } }`;
const UPDATE_MEMBER = `mutation { updateMember(id: "${NAMED_MEMBERS.wien.id}", version: 1, input: { name: "Vienna" }) { id } }`;
const REVOKE_KEY = `mutation { revokeApiKey(id: "00000000-0000-4000-8000-00000000ffff") { id } }`;
const API_KEYS = `query { apiKeys { id } }`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

async function rowCounts(): Promise<{ api_keys: string; members: string }> {
  const [row] = await api.orm.em
    .getConnection()
    .execute<{ api_keys: string; members: string }[]>(
      'select (select count(*) from api_key) as api_keys, (select count(*) from member) as members',
    );
  return row;
}

describe('authentication', () => {
  it('refuses an unknown key with UNAUTHENTICATED and HTTP 401, never downgrading to anonymous', async () => {
    const response = await api.graphql(VIEWER, {}, { key: generateApiKey() });
    expect(response.status).toBe(401);
    expect(response.data ?? null).toBeNull();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(response.errors![0].message).toMatch(/unknown or revoked/);
  });

  it.each(['Basic dXNlcjpwYXNz', 'Bearer', 'Bearer a b', 'ca_only_the_key', 'Token abc'])(
    'refuses the malformed Authorization header %j with UNAUTHENTICATED',
    async (authorization) => {
      const response = await api.graphql(VIEWER, {}, { headers: { authorization } });
      expect(response.status).toBe(401);
      expect(response.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
      expect(response.errors![0].message).toMatch(/Bearer <api key>/);
    },
  );

  it('treats an empty Authorization header as anonymous', async () => {
    const response = await api.graphql(VIEWER, {}, { headers: { authorization: '' } });
    expect(response.data!.viewer.role).toBe('ANONYMOUS');
  });
});

describe('authorisation of ADMIN operations', () => {
  const operations = { createApiKey: CREATE_KEY, createMember: CREATE_MEMBER, updateMember: UPDATE_MEMBER };

  it.each([Role.PARTNER, Role.ANALYST, Role.MEMBER_EDITOR, Role.INDIGENOUS_STEWARD, Role.COICA_LIAISON])(
    'refuses every ADMIN operation to a %s key with FORBIDDEN and writes nothing',
    async (role) => {
      const scope =
        role === Role.MEMBER_EDITOR
          ? { memberId: NAMED_MEMBERS.wien.id }
          : role === Role.INDIGENOUS_STEWARD
            ? { organisationId: ORG.aidesep }
            : {};
      const key = await api.createKey(role, scope);
      const before = await rowCounts();
      for (const [name, query] of Object.entries({ ...operations, revokeApiKey: REVOKE_KEY, apiKeys: API_KEYS })) {
        const response = await api.graphql(query, {}, { key });
        expect(response.errors?.[0].extensions?.code, name).toBe('FORBIDDEN');
        expect(response.errors![0].message, name).toContain(role);
      }
      expect(await rowCounts()).toEqual(before);
      const wien = await api.graphql(`query { member(id: "${NAMED_MEMBERS.wien.id}") { name version } }`);
      expect(wien.data!.member).toEqual({ name: 'Wien', version: 1 });
    },
  );

  it('asks an anonymous caller for a key (UNAUTHENTICATED) for every ADMIN operation', async () => {
    const before = await rowCounts();
    for (const [name, query] of Object.entries({ ...operations, revokeApiKey: REVOKE_KEY, apiKeys: API_KEYS })) {
      const response = await api.graphql(query);
      expect(response.errors?.[0].extensions?.code, name).toBe('UNAUTHENTICATED');
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('lets anonymous callers read public data', async () => {
    const response = await api.graphql(`query { member(id: "${NAMED_MEMBERS.wien.id}") { name } countries { code } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data!.member.name).toBe('Wien');
  });
});
