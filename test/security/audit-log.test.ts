import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { ORG, PROJECT } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { errorCode, send } from './support';

const { wien, mondercange } = NAMED_MEMBERS;
const NUL_URL = 'https://example.org/protocol\u0000.pdf';
const STORED_NUL_URL = 'https://example.org/protocol\\u0000.pdf';
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
    .execute('select * from audit_log_entry where request_id = ? order by mutation, succeeded desc, arguments::text', [
      String(requestId),
    ]);
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

  it('commits each mutation field of an operation on its own, and records the ones that failed or never ran', async () => {
    const answer = await send(
      api,
      {
        query: `mutation {
          first: createApiKey(input: { name: "Committed first", role: PARTNER }) { key }
          stale: updateMember(id: "${wien.id}", version: 99, input: { name: "Stale" }) { name }
          createApiKey(input: { name: "Never created", role: PARTNER }) { key }
        }`,
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(errorCode(answer)).toBe('CONFLICT');
    const entries = await entriesFor(answer.headers['x-request-id']);
    expect(
      entries.map((entry) => [entry.mutation, entry.arguments.input?.name, entry.succeeded, entry.error_code]),
    ).toEqual([
      ['createApiKey', 'Committed first', true, null],
      ['createApiKey', 'Never created', false, 'NOT_EXECUTED'],
      ['updateMember', 'Stale', false, 'CONFLICT'],
    ]);
    expect(await api.countRows('api_key', 'name = ?', ['Committed first'])).toBe(1);
    expect(await api.countRows('api_key', 'name = ?', ['Never created'])).toBe(0);
    expect(await api.countRows('member', 'name = ?', ['Stale'])).toBe(0);
  });

  it('records a mutation refused by a limit before any resolver ran, one entry per field', async () => {
    const fields = Array.from({ length: api.config.limits.maxAliases + 1 }, (_, index) => index);
    const answer = await send(
      api,
      {
        query: `mutation OverLimit { ${fields.map((index) => `r${index}: revokeApiKey(id: "x${index}") { id }`).join(' ')} }`,
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(errorCode(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    const entries = await entriesFor(answer.headers['x-request-id']);
    expect(entries).toHaveLength(fields.length);
    for (const entry of entries) {
      expect(entry).toMatchObject({
        operation_name: 'OverLimit',
        mutation: 'revokeApiKey',
        succeeded: false,
        error_code: 'GRAPHQL_VALIDATION_FAILED',
      });
    }
    expect(entries.map((entry) => entry.arguments.id).sort()).toEqual(fields.map((index) => `x${index}`).sort());
  });

  it.each([
    [
      'UNAUTHENTICATED',
      'ANONYMOUS',
      'mutation { createApiKey(input: { name: "Refused", role: PARTNER }) { key } }',
      false,
    ],
    ['BAD_USER_INPUT', 'ADMIN', 'mutation { createApiKey(input: { name: "   ", role: PARTNER }) { key } }', true],
    ['NOT_FOUND', 'ADMIN', 'mutation { revokeApiKey(id: "00000000-0000-4000-8000-00000000abcd") { id } }', true],
  ])('records a mutation its resolver refused with %s, and nothing is written', async (code, role, query, admin) => {
    const keys = await api.countRows('api_key');
    const revoked = await api.countRows('api_key', 'revoked_at is not null');
    const answer = await send(api, { query }, admin ? { key: TEST_ADMIN_SECRET } : {});
    expect(errorCode(answer)).toBe(code);
    expect(await api.countRows('api_key')).toBe(keys);
    expect(await api.countRows('api_key', 'revoked_at is not null')).toBe(revoked);
    const entries = await entriesFor(answer.headers['x-request-id']);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ role, succeeded: false, error_code: code });
  });

  it('records an attempt at a mutation that does not exist, its name cut to the column', async () => {
    const name = `no${'Such'.repeat(100)}Mutation`;
    const answer = await send(api, { query: `mutation { ${name}(id: "1") { id } }` }, { key: TEST_ADMIN_SECRET });
    expect(errorCode(answer)).toBe('GRAPHQL_VALIDATION_FAILED');
    const [entry] = await entriesFor(answer.headers['x-request-id']);
    expect(entry).toMatchObject({
      mutation: `${name.slice(0, 99)}…`,
      arguments: { id: '1' },
      succeeded: false,
      error_code: 'GRAPHQL_VALIDATION_FAILED',
    });
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

/** One mutation sent a NUL byte: who may run it, what it writes (as SQL whose result changes when it writes). */
interface NulCase {
  mutation: string;
  query: string;
  variables: () => Promise<Record<string, unknown>>;
  /** The path in the arguments of the value holding the NUL. */
  path: string[];
  allowedKey: () => Promise<string>;
  written: string;
}

const NUL_CASES: NulCase[] = [
  {
    mutation: 'createMember',
    query: 'mutation ($input: MemberInput!) { createMember(input: $input) { id } }',
    variables: async () => ({
      input: { name: 'Nulldorf', category: 'MUNICIPALITY', countryCode: 'AT', website: NUL_URL },
    }),
    path: ['input', 'website'],
    allowedKey: async () => TEST_ADMIN_SECRET,
    written: `select count(*)::text as state from member where name = 'Nulldorf'`,
  },
  {
    mutation: 'updateMember',
    query:
      'mutation ($id: ID!, $version: Int!, $input: MemberUpdate!) { updateMember(id: $id, version: $version, input: $input) { id } }',
    variables: async () => {
      const [{ version }] = await api.orm.em
        .getConnection()
        .execute<{ version: number }[]>('select version from member where id = ?', [wien.id]);
      return { id: wien.id, version, input: { website: NUL_URL } };
    },
    path: ['input', 'website'],
    allowedKey: async () => TEST_ADMIN_SECRET,
    written: `select version || ' ' || coalesce(website, '') as state from member where id = '${wien.id}'`,
  },
  {
    mutation: 'submitEmissionInventory',
    query: 'mutation ($input: EmissionInventoryInput!) { submitEmissionInventory(input: $input) { id } }',
    variables: async () => ({
      input: {
        memberId: mondercange.id,
        year: 2021,
        standard: 'GPC_BASIC',
        dataSource: { name: 'Nul source', url: NUL_URL },
        records: [{ sector: 'RESIDENTIAL', energyCarrier: 'NATURAL_GAS', scope: 'SCOPE_1', emissionsTco2e: 1 }],
      },
    }),
    path: ['input', 'dataSource', 'url'],
    allowedKey: () => api.createKey(Role.MEMBER_EDITOR, { memberId: mondercange.id }),
    written: `select (select count(*) from data_source) || ' ' || (select count(*) from emission_inventory) || ' ' ||
      (select coalesce(sum(version), 0) from emission_inventory) || ' ' || (select count(*) from emission_record) as state`,
  },
  {
    mutation: 'recordConsent',
    query: 'mutation ($input: ConsentInput!) { recordConsent(input: $input) { id } }',
    variables: async () => ({
      input: {
        stewardOrganisationId: ORG.cart,
        subjectType: 'PROJECT',
        subjectId: PROJECT.networkSite.id,
        scope: 'DATA_PUBLICATION',
        status: 'GRANTED',
        grantedToRoles: ['ANALYST'],
        consultationProtocolUrl: NUL_URL,
      },
    }),
    path: ['input', 'consultationProtocolUrl'],
    allowedKey: () => api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.cart }),
    written: 'select count(*)::text as state from consent_record',
  },
  {
    mutation: 'createApiKey',
    query: 'mutation ($input: ApiKeyInput!) { createApiKey(input: $input) { key } }',
    variables: async () => ({ input: { name: NUL_URL, role: 'ADMIN' } }),
    path: ['input', 'name'],
    allowedKey: async () => TEST_ADMIN_SECRET,
    written: 'select count(*)::text as state from api_key',
  },
];

async function state(sql: string): Promise<string> {
  const [row] = await api.orm.em.getConnection().execute<{ state: string }[]>(sql);
  return row.state;
}

function valueAt(value: any, path: string[]): unknown {
  return path.reduce((node, key) => node?.[key], value);
}

describe('audit log: arguments no value escapes', () => {
  it.each(NUL_CASES.map((nulCase) => [nulCase.mutation, nulCase] as const))(
    '%s with a NUL byte, sent by a PARTNER: refused, recorded with its arguments, nothing written',
    async (mutation, { query, variables, path, written }) => {
      const partner = await api.createKey(Role.PARTNER);
      const before = await state(written);
      const answer = await send(api, { query, variables: await variables() }, { key: partner });
      // refused by the resolver (FORBIDDEN), or before it by checks of the input at the boundary (BAD_USER_INPUT)
      const code = errorCode(answer);
      expect(['FORBIDDEN', 'BAD_USER_INPUT']).toContain(code);
      expect(await state(written)).toBe(before);
      const entries = await entriesFor(answer.headers['x-request-id']);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({ role: 'PARTNER', mutation, succeeded: false, error_code: code });
      expect(valueAt(entries[0].arguments, path)).toBe(STORED_NUL_URL);
    },
  );

  it.each(NUL_CASES.map((nulCase) => [nulCase.mutation, nulCase] as const))(
    '%s with a NUL byte, sent by a caller allowed to: one entry, written if and only if it says it succeeded',
    async (mutation, { query, variables, path, allowedKey, written }) => {
      const key = await allowedKey();
      const before = await state(written);
      const answer = await send(api, { query, variables: await variables() }, { key });
      expect(answer.status).toBeLessThan(500);
      const entries = await entriesFor(answer.headers['x-request-id']);
      expect(entries).toHaveLength(1);
      expect(valueAt(entries[0].arguments, path)).toBe(STORED_NUL_URL);
      const succeeded = answer.json!.errors === undefined;
      expect(entries[0]).toMatchObject({
        mutation,
        succeeded,
        error_code: succeeded ? null : errorCode(answer),
      });
      if (succeeded) expect(await state(written)).not.toBe(before);
      else expect(await state(written)).toBe(before);
    },
  );

  it('records a mutation refused before its resolver ran with every hostile value escaped, cut or shortened', async () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < 1_000; level++) deep = { deeper: deep };
    const answer = await send(
      api,
      {
        query:
          'mutation Hostile($id: ID!, $version: Int!, $input: MemberUpdate!) { updateMember(id: $id, version: $version, input: $input) { id } }',
        variables: {
          id: wien.id,
          version: 'one\u0000',
          input: {
            website: NUL_URL,
            name: 'lone \ud800 high, lone \udc00 low, escape \u001b[31m, bell \u0007',
            councilResolutionRef: '\u0000'.repeat(100_000),
            'extra\u0000': deep,
          },
        },
      },
      { key: TEST_ADMIN_SECRET },
    );
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    const [entry] = await entriesFor(answer.headers['x-request-id']);
    expect(entry).toMatchObject({ mutation: 'updateMember', succeeded: false, error_code: 'BAD_USER_INPUT' });
    expect(entry.arguments.version).toBe('one\\u0000');
    expect(entry.arguments.input.website).toBe(STORED_NUL_URL);
    expect(entry.arguments.input.name).toBe('lone \\ud800 high, lone \\udc00 low, escape \\u001b[31m, bell \\u0007');
    expect(entry.arguments.input.councilResolutionRef).toBe(`${'\\u0000'.repeat(83)}\\u…`);
    expect(JSON.stringify(entry.arguments.input['extra\\u0000'])).toMatch(/"\[nested deeper than 12 levels\]"/);

    const read = await send(
      api,
      { query: AUDIT_LOG, variables: { first: 1, filter: { mutations: ['updateMember'], succeeded: false } } },
      { key: TEST_ADMIN_SECRET },
    );
    expect(read.json!.errors).toBeUndefined();
    const [node] = read.json!.data.auditLog.nodes;
    expect(node).toMatchObject({ requestId: answer.headers['x-request-id'], errorCode: 'BAD_USER_INPUT' });
    expect(node.arguments.input.website).toBe(STORED_NUL_URL);
  });
});
