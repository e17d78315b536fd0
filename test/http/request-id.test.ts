import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { send } from '../security/support';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const MALFORMED = ['has spaces in it', 'x'.repeat(101), 'semi;colon', 'ünïcode', '', 'new\nline'];

async function auditedRequestIds(api: TestApp, keyName: string): Promise<string[]> {
  const rows = await api.orm.em
    .getConnection()
    .execute<{ request_id: string }[]>(
      `select request_id from audit_log_entry where arguments -> 'input' ->> 'name' = ?`,
      [keyName],
    );
  return rows.map((row) => row.request_id);
}

function createKey(api: TestApp, name: string, options: { ip: string; requestId: string }) {
  return send(
    api,
    { query: `mutation { createApiKey(input: { name: "${name}", role: PARTNER }) { key } }` },
    { key: TEST_ADMIN_SECRET, ip: options.ip, headers: { 'x-request-id': options.requestId } },
  );
}

describe('x-request-id, with no trusted proxy (the default)', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp();
  });
  afterAll(() => api.close());

  it.each([
    ['POST', '/graphql'],
    ['GET', '/health/live'],
    ['GET', '/health/ready'],
    ['GET', '/metrics'],
    ['GET', '/no/such/route'],
  ] as const)('is on every response: %s %s', async (method, url) => {
    const response = await api.app.inject({
      method,
      url,
      ...(method === 'POST' ? { payload: { query: '{ viewer { role } }' } } : {}),
    });
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('differs between requests', async () => {
    const a = await api.graphql(`{ viewer { role } }`);
    const b = await api.graphql(`{ viewer { role } }`);
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
  });

  it('replaces a caller’s well-formed id with a fresh UUID, also on error responses', async () => {
    const answer = await send(
      api,
      { query: '{ viewer { role } }' },
      { headers: { 'x-request-id': 'caller-chosen-1' } },
    );
    expect(answer.status).toBe(200);
    expect(answer.headers['x-request-id']).toMatch(UUID);
    const refused = await send(
      api,
      { query: '{ viewer { role } }' },
      { key: 'unknown', headers: { 'x-request-id': 'caller-chosen-401' } },
    );
    expect(refused.status).toBe(401);
    expect(refused.headers['x-request-id']).toMatch(UUID);
  });

  it('never stores a caller’s id in the audit log, even one already used', async () => {
    const first = await createKey(api, 'Untrusted 1', { ip: '198.51.100.7', requestId: 'reused-id' });
    const second = await createKey(api, 'Untrusted 2', { ip: '198.51.100.7', requestId: 'reused-id' });
    expect(first.json!.errors).toBeUndefined();
    expect(second.json!.errors).toBeUndefined();
    expect(first.headers['x-request-id']).toMatch(UUID);
    expect(second.headers['x-request-id']).toMatch(UUID);
    expect(first.headers['x-request-id']).not.toBe(second.headers['x-request-id']);
    expect(await auditedRequestIds(api, 'Untrusted 1')).toEqual([first.headers['x-request-id']]);
    expect(await auditedRequestIds(api, 'Untrusted 2')).toEqual([second.headers['x-request-id']]);
    expect(await api.countRows('audit_log_entry', 'request_id = ?', ['reused-id'])).toBe(0);
  });
});

describe('x-request-id, with TRUST_PROXY naming a proxy network', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ trustProxy: ['10.0.0.0/8', '2001:db8::1'] });
  });
  afterAll(() => api.close());

  it.each(['10.1.2.3', '::ffff:10.1.2.3', '2001:db8::1'])(
    'keeps a well-formed id sent by the trusted proxy at %s',
    async (ip) => {
      const answer = await send(
        api,
        { query: '{ viewer { role } }' },
        { ip, headers: { 'x-request-id': 'gw-7f3a.b_2' } },
      );
      expect(answer.status).toBe(200);
      expect(answer.headers['x-request-id']).toBe('gw-7f3a.b_2');
    },
  );

  it.each(['11.1.2.3', '192.0.2.10', '2001:db8::2'])('replaces the id sent by %s, outside it', async (ip) => {
    const answer = await send(api, { query: '{ viewer { role } }' }, { ip, headers: { 'x-request-id': 'gw-forged' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['x-request-id']).toMatch(UUID);
  });

  it('does not trust an address a caller claims in x-forwarded-for', async () => {
    const answer = await send(
      api,
      { query: '{ viewer { role } }' },
      { ip: '192.0.2.10', headers: { 'x-forwarded-for': '10.1.2.3', 'x-request-id': 'gw-forged' } },
    );
    expect(answer.headers['x-request-id']).toMatch(UUID);
  });

  it.each(MALFORMED)('replaces the malformed id %j even from the trusted proxy', async (given) => {
    const response = await api.app.inject({
      method: 'GET',
      url: '/health/live',
      remoteAddress: '10.1.2.3',
      headers: { 'x-request-id': given },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-request-id']).toMatch(UUID);
  });

  it('stores the trusted proxy’s id in the audit entry, and a fresh one for anyone else', async () => {
    const trusted = await createKey(api, 'Via proxy', { ip: '10.9.9.9', requestId: 'gw-audit-1' });
    const direct = await createKey(api, 'Direct', { ip: '192.0.2.10', requestId: 'gw-audit-2' });
    expect(trusted.json!.errors).toBeUndefined();
    expect(direct.json!.errors).toBeUndefined();
    expect(trusted.headers['x-request-id']).toBe('gw-audit-1');
    expect(await auditedRequestIds(api, 'Via proxy')).toEqual(['gw-audit-1']);
    expect(direct.headers['x-request-id']).toMatch(UUID);
    expect(await auditedRequestIds(api, 'Direct')).toEqual([direct.headers['x-request-id']]);
  });
});

describe('x-request-id, with TRUST_PROXY=true', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await startTestApp({ trustProxy: true });
  });
  afterAll(() => api.close());

  it('keeps a well-formed id from any address, and still replaces a malformed one', async () => {
    const kept = await send(
      api,
      { query: '{ viewer { role } }' },
      { ip: '203.0.113.5', headers: { 'x-request-id': 'edge-1' } },
    );
    expect(kept.headers['x-request-id']).toBe('edge-1');
    const replaced = await send(
      api,
      { query: '{ viewer { role } }' },
      { ip: '203.0.113.5', headers: { 'x-request-id': 'edge 1' } },
    );
    expect(replaced.headers['x-request-id']).toMatch(UUID);
  });
});

describe('TRUST_PROXY', () => {
  it.each([
    ['', false],
    ['false', false],
    ['true', true],
    ['10.0.0.0/8, 2001:db8::1,loopback', ['10.0.0.0/8', '2001:db8::1', 'loopback']],
  ])('%j is read as %j', (value, trusted) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(trusted);
  });

  it.each(['gateway.internal', '10.0.0.0/33', '10.0.0.1,', '300.1.1.1'])(
    'stops the start at %j, naming the variable and the entry',
    (value) => {
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(
        /^Invalid environment variable TRUST_PROXY: ".*" is not/,
      );
    },
  );
});
