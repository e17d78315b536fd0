import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { errorCode, send } from './support';

const DASHBOARD = 'https://dashboard.klimabuendnis.example';
const CREATE_MEMBER = 'mutation { createMember(input: { name: "Via GET", category: CITY, countryCode: "AT" }) { id } }';

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp({ corsOrigins: [DASHBOARD] });
});
afterAll(() => api.close());

async function memberCount(): Promise<number> {
  const [row] = await api.orm.em.getConnection().execute<{ count: string }[]>('select count(*) from member');
  return Number(row.count);
}

function getUrl(query: string): string {
  return `/graphql?query=${encodeURIComponent(query)}`;
}

describe('requests GraphQL refuses', () => {
  it('refuses JSON-array batching', async () => {
    api.resetStatementCount();
    const answer = await send(api, [{ query: '{ viewer { role } }' }, { query: '{ viewer { role } }' }]);
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('BAD_REQUEST');
    expect(answer.json!.errors[0].message).toMatch(/batching/i);
    expect(answer.json!.data).toBeUndefined();
    expect(answer.body).not.toContain('ANONYMOUS');
  });

  it('refuses a 2 MB body before parsing it', async () => {
    const answer = await send(api, null, {
      payload: JSON.stringify({ query: '{ viewer { role } }', variables: { padding: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(answer.status).toBe(413);
    expect(errorCode(answer)).toBe('BAD_REQUEST');
    expect(answer.json!.errors[0].message).toBe('The request body is larger than 1048576 bytes');
    expect(answer.body).not.toContain('ANONYMOUS');
  });

  it('refuses GET without a preflight header (CSRF), and serves it with one', async () => {
    const plain = await send(api, null, { method: 'GET', url: getUrl('{ viewer { role } }') });
    expect(plain.status).toBe(400);
    expect(errorCode(plain)).toBe('BAD_REQUEST');
    expect(plain.json!.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(plain.body).not.toContain('ANONYMOUS');

    const preflighted = await send(api, null, {
      method: 'GET',
      url: getUrl('{ viewer { role } }'),
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.json!.data).toEqual({ viewer: { role: 'ANONYMOUS' } });
  });

  it('refuses POST as text/plain (a form could send it cross-site)', async () => {
    const before = await memberCount();
    const answer = await send(api, null, {
      key: TEST_ADMIN_SECRET,
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify({ query: CREATE_MEMBER }),
    });
    expect(answer.status).toBe(400);
    expect(errorCode(answer)).toBe('BAD_REQUEST');
    expect(answer.json!.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(await memberCount()).toBe(before);
  });

  it('refuses a mutation over GET, even with the preflight header, and writes nothing', async () => {
    const before = await memberCount();
    const answer = await send(api, null, {
      method: 'GET',
      url: getUrl(CREATE_MEMBER),
      key: TEST_ADMIN_SECRET,
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('POST');
    expect(errorCode(answer)).toBe('BAD_REQUEST');
    expect(answer.json!.data).toBeUndefined();
    expect(await memberCount()).toBe(before);
  });
});

describe('security headers', () => {
  it.each([
    ['a GraphQL answer', { query: '{ viewer { role } }' }, '/graphql', 'POST'],
    ['a GraphQL error', { query: '{ nope }' }, '/graphql', 'POST'],
    ['liveness', null, '/health/live', 'GET'],
    ['metrics', null, '/metrics', 'GET'],
    ['an unknown route', null, '/nothing-here', 'GET'],
  ] as const)('are on %s', async (_name, body, url, method) => {
    const answer = await send(api, body, { url, method });
    expect(answer.headers['content-security-policy']).toBe(
      "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
    );
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(answer.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(answer.headers['x-powered-by']).toBeUndefined();
  });

  it('gives the development explorer page a CSP of its own that allows this origin only, keeping the other headers', async () => {
    const answer = await send(api, null, { method: 'GET', headers: { accept: 'text/html' } });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toMatch(/^text\/html/);
    expect(answer.body).toContain('<div id="explorer">');
    expect(answer.headers['content-security-policy']).toMatch(/^default-src 'none';script-src 'self';/);
    expect(answer.headers['content-security-policy']).not.toMatch(/unsafe|https?:/);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('CORS', () => {
  it('answers an allowed origin, exposing the rate-limit headers', async () => {
    const answer = await send(api, { query: '{ viewer { role } }' }, { headers: { origin: DASHBOARD } });
    expect(answer.headers['access-control-allow-origin']).toBe(DASHBOARD);
    expect(String(answer.headers['access-control-expose-headers'])).toContain('ratelimit-remaining');
  });

  it('gives other origins no CORS headers, so browsers keep them out', async () => {
    const answer = await send(api, { query: '{ viewer { role } }' }, { headers: { origin: 'https://evil.example' } });
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await api.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('allows the preflight of an allowed origin with the headers a dashboard sends', async () => {
    const preflight = await api.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: {
        origin: DASHBOARD,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,authorization',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(DASHBOARD);
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('authorization');
    expect(String(preflight.headers['access-control-allow-methods'])).toBe('GET, POST');
  });
});
