import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

const VIEWER = `query { viewer { role apiKeyId name memberId organisationId } }`;
/** AIDESEP, an indigenous organisation of the test scenario. */
const ORGANISATION_ID = ORG.aidesep;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

async function keyIdOf(key: string): Promise<string> {
  const [row] = await api.orm.em
    .getConnection()
    .execute<{ id: string }[]>('select id from api_key where key_hash = encode(sha256(convert_to(?, ?)), ?)', [
      key,
      'UTF8',
      'hex',
    ]);
  return row.id;
}

describe('viewer', () => {
  it('is ANONYMOUS without a key', async () => {
    const response = await api.graphql(VIEWER);
    expect(response.status).toBe(200);
    expect(response.data!.viewer).toEqual({
      role: 'ANONYMOUS',
      apiKeyId: null,
      name: null,
      memberId: null,
      organisationId: null,
    });
  });

  it('is ADMIN with the bootstrap secret, which is no stored key', async () => {
    const response = await api.graphql(VIEWER, {}, { key: TEST_ADMIN_SECRET });
    expect(response.data!.viewer).toEqual({
      role: 'ADMIN',
      apiKeyId: null,
      name: 'ADMIN_API_KEY',
      memberId: null,
      organisationId: null,
    });
  });

  it.each([Role.PARTNER, Role.ANALYST, Role.COICA_LIAISON, Role.ADMIN])('shows the role of a %s key', async (role) => {
    const key = await api.createKey(role);
    const response = await api.graphql(VIEWER, {}, { key });
    expect(response.data!.viewer).toEqual({
      role,
      apiKeyId: await keyIdOf(key),
      name: `test ${role}`,
      memberId: null,
      organisationId: null,
    });
  });

  it('shows the member a MEMBER_EDITOR key is scoped to', async () => {
    const key = await api.createKey(Role.MEMBER_EDITOR, { memberId: NAMED_MEMBERS.mondercange.id });
    const response = await api.graphql(VIEWER, {}, { key });
    expect(response.data!.viewer).toEqual({
      role: 'MEMBER_EDITOR',
      apiKeyId: await keyIdOf(key),
      name: 'test MEMBER_EDITOR',
      memberId: NAMED_MEMBERS.mondercange.id,
      organisationId: null,
    });
  });

  it('shows the organisation an INDIGENOUS_STEWARD key is scoped to', async () => {
    const key = await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORGANISATION_ID });
    const response = await api.graphql(VIEWER, {}, { key });
    expect(response.data!.viewer).toMatchObject({
      role: 'INDIGENOUS_STEWARD',
      memberId: null,
      organisationId: ORGANISATION_ID,
    });
  });

  it('accepts the scheme in any case and surrounding spaces', async () => {
    const key = await api.createKey(Role.ANALYST);
    const response = await api.graphql(VIEWER, {}, { headers: { authorization: `bearer   ${key}  ` } });
    expect(response.data!.viewer.role).toBe('ANALYST');
  });
});
