import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { errorCode, send } from './support';

const { wien } = NAMED_MEMBERS;
const AUDIT_LOG = `query ($first: Int, $after: String, $filter: AuditLogFilter) {
  auditLog(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { createdAt role apiKeyId apiKeyName memberId operationName mutation arguments succeeded errorCode requestId clientIp }
  }
}`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

async function entriesFor(requestId: unknown): Promise<Record<string, any>[]> {
  return api.orm.em
    .getConnection()
    .execute('select * from audit_log_entry where request_id = ? order by mutation', [String(requestId)]);
}

describe('audit log', () => {
  it('records a successful mutation: who, which key, what, when, and the result', async () => {
    const before = Date.now();
    const answer = await send(
      api,
      {
        query: 'mutation NewKey($input: ApiKeyInput!) { createApiKey(input: $input) { key apiKey { id } } }',
        variables: { input: { name: 'Notebook', role: 'ANALYST' } },
      },
      { key: TEST_ADMIN_SECRET, ip: '192.0.2.7' },
    );
    expect(answer.json!.errors).toBeUndefined();
    const [entry] = await entriesFor(answer.headers['x-request-id']);
    expect(entry).toMatchObject({
      role: 'ADMIN',
      api_key_id: null,
      api_key_name: 'ADMIN_API_KEY',
      operation_name: 'NewKey',
      mutation: 'createApiKey',
      arguments: { input: { name: 'Notebook', role: 'ANALYST' } },
      succeeded: true,
      error_code: null,
      client_ip: '192.0.2.7',
    });
    expect(new Date(entry.created_at).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect(JSON.stringify(entry)).not.toContain(answer.json!.data.createApiKey.key);
  });

  it('records a refused mutation with its error code and key, though the mutation wrote nothing', async () => {
    const key = await api.createKey(Role.MEMBER_EDITOR, { memberId: wien.id });
    const keyId = (await send(api, { query: '{ viewer { apiKeyId } }' }, { key })).json!.data.viewer.apiKeyId;
    const answer = await send(
      api,
      { query: `mutation { updateMember(id: "${wien.id}", version: 1, input: { name: "Vienna" }) { name } }` },
      { key },
    );
    expect(errorCode(answer)).toBe('FORBIDDEN');
    const [entry] = await entriesFor(answer.headers['x-request-id']);
    expect(entry).toMatchObject({
      role: 'MEMBER_EDITOR',
      api_key_id: keyId,
      member_id: wien.id,
      mutation: 'updateMember',
      arguments: { id: wien.id, version: 1, input: { name: 'Vienna' } },
      succeeded: false,
      error_code: 'FORBIDDEN',
    });
  });

  it('records a mutation whose transaction failed, and the ones of the operation that never ran', async () => {
    const answer = await send(
      api,
      {
        query: `mutation {
          stale: updateMember(id: "${wien.id}", version: 99, input: { name: "Stale" }) { name }
          createApiKey(input: { name: "Never created", role: PARTNER }) { key }
        }`,
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(errorCode(answer)).toBe('CONFLICT');
    const entries = await entriesFor(answer.headers['x-request-id']);
    expect(entries.map((entry) => [entry.mutation, entry.succeeded, entry.error_code])).toEqual([
      ['createApiKey', false, 'NOT_EXECUTED'],
      ['updateMember', false, 'CONFLICT'],
    ]);
    const [created] = await api.orm.em
      .getConnection()
      .execute<{ count: string }[]>(`select count(*) from api_key where name = 'Never created'`);
    expect(Number(created.count)).toBe(0);
  });

  it('records a mutation refused before it ran (over GET), and none for queries', async () => {
    const get = await send(api, null, {
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { revokeApiKey(id: "x") { id } }')}`,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(405);
    const [entry] = await entriesFor(get.headers['x-request-id']);
    expect(entry).toMatchObject({
      role: 'ANONYMOUS',
      mutation: 'revokeApiKey',
      succeeded: false,
      error_code: 'BAD_REQUEST',
    });
    const query = await send(api, { query: '{ viewer { role } }' });
    expect(await entriesFor(query.headers['x-request-id'])).toEqual([]);
  });

  it('is readable by ADMIN only, newest first, a page at a time, with filters', async () => {
    for (const name of ['Page 1', 'Page 2', 'Page 3']) {
      await send(
        api,
        { query: `mutation { createApiKey(input: { name: "${name}", role: PARTNER }) { key } }` },
        { key: TEST_ADMIN_SECRET },
      );
    }
    const filter = { mutations: ['createApiKey'], succeeded: true };
    const first = await send(api, { query: AUDIT_LOG, variables: { first: 2, filter } }, { key: TEST_ADMIN_SECRET });
    expect(first.json!.errors).toBeUndefined();
    const page = first.json!.data.auditLog;
    const [{ count }] = await api.orm.em
      .getConnection()
      .execute<{ count: string }[]>(
        `select count(*) from audit_log_entry where mutation = 'createApiKey' and succeeded`,
      );
    expect(page.totalCount).toBe(Number(count));
    expect(page.nodes.map((node: any) => node.arguments.input.name)).toEqual(['Page 3', 'Page 2']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await send(
      api,
      { query: AUDIT_LOG, variables: { first: 2, after: page.pageInfo.endCursor, filter } },
      { key: TEST_ADMIN_SECRET },
    );
    expect(next.json!.data.auditLog.nodes[0].arguments.input.name).toBe('Page 1');

    const partner = await send(api, { query: AUDIT_LOG }, { key: await api.createKey(Role.PARTNER) });
    expect(errorCode(partner)).toBe('FORBIDDEN');
    expect(partner.json!.data).toBeNull();
    const anonymous = await send(api, { query: AUDIT_LOG });
    expect(errorCode(anonymous)).toBe('UNAUTHENTICATED');
    expect(anonymous.body).not.toContain('createApiKey');
  });
});
