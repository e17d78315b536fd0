import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

const CREATE_KEY = `
  mutation CreateKey($input: ApiKeyInput!) {
    createApiKey(input: $input) { key apiKey { id name role memberId organisationId prefix revokedAt } }
  }`;
const REVOKE_KEY = `mutation Revoke($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const VIEWER = `query { viewer { role apiKeyId memberId organisationId } }`;
/** AIDESEP, an indigenous organisation of the test scenario. */
const ORGANISATION_ID = ORG.aidesep;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

async function createKey(input: Record<string, unknown>, key = TEST_ADMIN_SECRET) {
  return api.graphql(CREATE_KEY, { input }, { key });
}

async function apiKeyCount(): Promise<number> {
  const [row] = await api.orm.em.getConnection().execute<{ count: string }[]>('select count(*) from api_key');
  return Number(row.count);
}

describe('createApiKey', () => {
  it('creates a key that works from the next request on, with its role', async () => {
    const created = await createKey({ name: '  Klimabündnis Österreich dashboard ', role: 'PARTNER' });
    expect(created.errors).toBeUndefined();
    const { key, apiKey } = created.data!.createApiKey;
    expect(apiKey).toMatchObject({
      name: 'Klimabündnis Österreich dashboard',
      role: 'PARTNER',
      memberId: null,
      organisationId: null,
      revokedAt: null,
    });
    expect(key).toMatch(/^ca_[A-Za-z0-9_-]{43}$/);
    expect(apiKey.prefix).toBe(key.slice(0, 12));
    const viewer = await api.graphql(VIEWER, {}, { key });
    expect(viewer.data!.viewer).toEqual({ role: 'PARTNER', apiKeyId: apiKey.id, memberId: null, organisationId: null });
  });

  it('stores only a hash of the key: no column holds the plaintext or its secret part', async () => {
    const created = await createKey({ name: 'hash check', role: 'ANALYST' });
    const { key, apiKey } = created.data!.createApiKey;
    const [row] = await api.orm.em
      .getConnection()
      .execute<Record<string, unknown>[]>('select * from api_key where id = ?', [apiKey.id]);
    const secretPart = key.slice(12);
    for (const [column, value] of Object.entries(row)) {
      expect(String(value), column).not.toContain(key);
      expect(String(value), column).not.toContain(secretPart);
    }
    const [hash] = await api.orm.em
      .getConnection()
      .execute<{ matches: boolean }[]>(
        "select key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex') as matches from api_key where id = ?",
        [key, apiKey.id],
      );
    expect(hash.matches).toBe(true);
  });

  it('creates a MEMBER_EDITOR key scoped to an existing member', async () => {
    const memberId = NAMED_MEMBERS.contern.id;
    const created = await createKey({ name: 'Contern editor', role: 'MEMBER_EDITOR', memberId });
    expect(created.data!.createApiKey.apiKey).toMatchObject({ role: 'MEMBER_EDITOR', memberId, organisationId: null });
    const viewer = await api.graphql(VIEWER, {}, { key: created.data!.createApiKey.key });
    expect(viewer.data!.viewer).toMatchObject({ role: 'MEMBER_EDITOR', memberId });
  });

  it('creates an INDIGENOUS_STEWARD key scoped to an organisation', async () => {
    const created = await createKey({ name: 'steward', role: 'INDIGENOUS_STEWARD', organisationId: ORGANISATION_ID });
    expect(created.data!.createApiKey.apiKey).toMatchObject({ memberId: null, organisationId: ORGANISATION_ID });
    const viewer = await api.graphql(VIEWER, {}, { key: created.data!.createApiKey.key });
    expect(viewer.data!.viewer).toMatchObject({ role: 'INDIGENOUS_STEWARD', organisationId: ORGANISATION_ID });
  });

  it('lets a stored ADMIN key create keys too', async () => {
    const admin = await api.createKey(Role.ADMIN);
    const created = await createKey({ name: 'by a stored admin key', role: 'ANALYST' }, admin);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createApiKey.apiKey.role).toBe('ANALYST');
  });

  it.each([
    [{ name: '   ', role: 'PARTNER' }, 'input.name'],
    [{ name: 'x'.repeat(201), role: 'PARTNER' }, 'input.name'],
    [{ name: 'editor', role: 'MEMBER_EDITOR' }, 'input.memberId'],
    [{ name: 'editor', role: 'MEMBER_EDITOR', memberId: 'not-a-uuid' }, 'input.memberId'],
    [{ name: 'editor', role: 'MEMBER_EDITOR', memberId: '00000000-0000-4000-8000-00000000ffff' }, 'input.memberId'],
    [
      { name: 'editor', role: 'MEMBER_EDITOR', memberId: NAMED_MEMBERS.wien.id, organisationId: ORGANISATION_ID },
      'input.organisationId',
    ],
    [{ name: 'partner', role: 'PARTNER', memberId: NAMED_MEMBERS.wien.id }, 'input.memberId'],
    [{ name: 'admin', role: 'ADMIN', organisationId: ORGANISATION_ID }, 'input.organisationId'],
    [{ name: 'steward', role: 'INDIGENOUS_STEWARD' }, 'input.organisationId'],
    [{ name: 'steward', role: 'INDIGENOUS_STEWARD', organisationId: 'nope' }, 'input.organisationId'],
    [
      { name: 'steward', role: 'INDIGENOUS_STEWARD', organisationId: ORGANISATION_ID, memberId: NAMED_MEMBERS.wien.id },
      'input.memberId',
    ],
  ])('rejects %j naming %s, and stores nothing', async (input, field) => {
    const before = await apiKeyCount();
    const response = await createKey(input);
    expect(response.data).toBeNull();
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await apiKeyCount()).toBe(before);
  });
});

describe('revokeApiKey', () => {
  it('refuses a revoked key with UNAUTHENTICATED (HTTP 401) on its next request', async () => {
    const { key, apiKey } = (await createKey({ name: 'to revoke', role: 'ANALYST' })).data!.createApiKey;
    expect((await api.graphql(VIEWER, {}, { key })).data!.viewer.role).toBe('ANALYST');
    const revoked = await api.graphql(REVOKE_KEY, { id: apiKey.id }, { key: TEST_ADMIN_SECRET });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeApiKey.id).toBe(apiKey.id);
    expect(new Date(revoked.data!.revokeApiKey.revokedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const refused = await api.graphql(VIEWER, {}, { key });
    expect(refused.status).toBe(401);
    expect(refused.errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    expect(refused.data ?? null).toBeNull();
  });

  it('keeps the first revocation time when revoked twice', async () => {
    const { apiKey } = (await createKey({ name: 'twice', role: 'PARTNER' })).data!.createApiKey;
    const first = await api.graphql(REVOKE_KEY, { id: apiKey.id }, { key: TEST_ADMIN_SECRET });
    const second = await api.graphql(REVOKE_KEY, { id: apiKey.id }, { key: TEST_ADMIN_SECRET });
    expect(second.data!.revokeApiKey.revokedAt).toBe(first.data!.revokeApiKey.revokedAt);
  });

  it('answers NOT_FOUND for an unknown key id and BAD_USER_INPUT for a malformed one', async () => {
    const unknown = await api.graphql(
      REVOKE_KEY,
      { id: '00000000-0000-4000-8000-00000000ffff' },
      { key: TEST_ADMIN_SECRET },
    );
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
    const malformed = await api.graphql(REVOKE_KEY, { id: 'x' }, { key: TEST_ADMIN_SECRET });
    expect(malformed.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
