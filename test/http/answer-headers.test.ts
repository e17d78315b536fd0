import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { type HttpAnswer, send } from '../security/support';

const DASHBOARD = 'https://dashboard.klimabuendnis.example';
const MEMBERS = '{ members(first: 2) { nodes { id name } } }';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The headers every answer carries, whatever the route and the status. */
const SECURITY_HEADERS = {
  'content-security-policy': "default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

/** With CORS_ORIGINS set, every answer names the headers a browser may read, asked from an allowed origin or not. */
const EXPOSED = {
  'access-control-expose-headers': 'ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after, x-request-id',
};

/** What every JSON answer carries that no cache may share beyond its origin. */
const JSON_ANSWER = {
  ...SECURITY_HEADERS,
  ...EXPOSED,
  'content-type': 'application/json; charset=utf-8',
  vary: 'Origin',
  connection: 'keep-alive',
};

const RATE_LIMIT_HEADERS = ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset'];

/**
 * The answer's headers by name, with those that differ from one answer to the next checked for their form and left
 * out: what remains must be exactly as listed.
 */
function stableHeaders(answer: HttpAnswer): Record<string, unknown> {
  const headers = { ...answer.headers };
  expect(headers['x-request-id']).toMatch(UUID);
  expect(headers.date).toBeTruthy();
  delete headers['x-request-id'];
  delete headers.date;
  for (const name of RATE_LIMIT_HEADERS) {
    if (headers[name] !== undefined) expect(headers[name]).toMatch(/^\d+$/);
    delete headers[name];
  }
  if (headers.etag !== undefined) {
    expect(headers.etag).toMatch(/^"[\w-]{27}"$/);
    headers.etag = 'ETAG';
  }
  if (headers['retry-after'] !== undefined) {
    expect(headers['retry-after']).toMatch(/^\d+$/);
    headers['retry-after'] = 'N';
  }
  delete headers['content-length'];
  return headers;
}

function names(answer: HttpAnswer): string[] {
  return Object.keys(answer.headers).sort();
}

let api: TestApp;
let partnerKey: string;
beforeAll(async () => {
  api = await startTestApp(
    { corsOrigins: [DASHBOARD], responseCache: { store: 'memory', maxEntries: 100, ttlSeconds: 60 } },
    { limits: { authFailuresPerWindow: 2, anonymousRateLimitPoints: 3 } },
  );
  partnerKey = await api.createKey(Role.PARTNER);
});
afterAll(() => api.close());

describe('the headers of every kind of answer', () => {
  it('a keyed GraphQL answer by POST: security, request id, rate limit, caching', async () => {
    const answer = await send(api, { query: MEMBERS }, { key: partnerKey, headers: { 'cache-control': 'no-cache' } });
    expect(answer.status).toBe(200);
    expect(answer.json!.errors).toBeUndefined();
    expect(stableHeaders(answer)).toEqual({
      ...SECURITY_HEADERS,
      ...EXPOSED,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'private, no-cache',
      etag: 'ETAG',
      vary: 'authorization',
      connection: 'keep-alive',
    });
    expect(names(answer)).toEqual(expect.arrayContaining(RATE_LIMIT_HEADERS));
  });

  it('the same answer by GET, then 304 for its ETag, and the answer served from the store', async () => {
    const url = `/graphql?query=${encodeURIComponent(MEMBERS)}`;
    const headers = { 'apollo-require-preflight': 'true' };
    const first = await send(api, null, { method: 'GET', url, key: partnerKey, headers });
    expect(first.status).toBe(200);
    expect(first.json!.errors).toBeUndefined();
    const expected = {
      ...SECURITY_HEADERS,
      ...EXPOSED,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'private, no-cache',
      etag: 'ETAG',
      vary: 'authorization',
      connection: 'keep-alive',
    };
    expect(stableHeaders(first)).toEqual(expected);
    const stored = await send(api, null, { method: 'GET', url, key: partnerKey, headers });
    expect(stored.json!.extensions.cost.servedFromCache).toBe(true);
    expect(stableHeaders(stored)).toEqual(expected);
    expect(stored.headers.etag).toBe(first.headers.etag);
    const etag = first.headers.etag as string;
    const notModified = await send(api, null, {
      method: 'GET',
      url,
      key: partnerKey,
      headers: { ...headers, 'if-none-match': etag },
    });
    expect(notModified.status).toBe(304);
    expect(notModified.body).toBe('');
    // a stored answer's 304 is sent before anything set its media type
    const { 'content-type': _type, ...withoutType } = expected;
    expect(stableHeaders(notModified)).toEqual(withoutType);
    expect(names(notModified)).toEqual(expect.arrayContaining(RATE_LIMIT_HEADERS));
    // a fresh answer whose ETag the client holds is a 304 as well
    const fresh = await send(api, null, {
      method: 'GET',
      url,
      key: partnerKey,
      headers: { ...headers, 'if-none-match': etag, 'cache-control': 'no-cache' },
    });
    expect(fresh.status).toBe(304);
    expect(stableHeaders(fresh)).toEqual(expected);
  });

  it('an answer never kept: no-store, no ETag', async () => {
    const answer = await send(api, { query: '{ viewer { role } }' }, { key: partnerKey });
    expect(answer.status).toBe(200);
    expect(stableHeaders(answer)).toEqual({
      ...JSON_ANSWER,
      'cache-control': 'no-store',
    });
  });

  it('401 for an unknown key, then 429 for the address that failed too often', async () => {
    const ip = '198.51.100.7';
    const unknown = await send(api, { query: MEMBERS }, { key: 'ca_unknown', ip });
    expect(unknown.status).toBe(401);
    expect(stableHeaders(unknown)).toEqual({
      ...JSON_ANSWER,
    });
    await send(api, { query: MEMBERS }, { key: 'ca_unknown', ip });
    const throttled = await send(api, { query: MEMBERS }, { key: 'ca_unknown', ip });
    expect(throttled.status).toBe(429);
    expect(stableHeaders(throttled)).toEqual({
      ...JSON_ANSWER,
      'retry-after': 'N',
    });
  });

  it('429 when the budget is spent, with the rate-limit headers', async () => {
    const ip = '198.51.100.8';
    let answer: HttpAnswer | undefined;
    for (let i = 0; i < 10 && answer?.status !== 429; i++) answer = await send(api, { query: MEMBERS }, { ip });
    expect(answer!.status).toBe(429);
    expect(stableHeaders(answer!)).toEqual({
      ...JSON_ANSWER,
      'retry-after': 'N',
    });
    expect(names(answer!)).toEqual(expect.arrayContaining(RATE_LIMIT_HEADERS));
  });

  it('404 for an unknown route, 200 for a route outside GraphQL', async () => {
    const missing = await send(api, null, { method: 'GET', url: '/nothing-here' });
    expect(missing.status).toBe(404);
    expect(stableHeaders(missing)).toEqual({
      ...JSON_ANSWER,
    });
    const live = await send(api, null, { method: 'GET', url: '/health/live' });
    expect(live.status).toBe(200);
    expect(stableHeaders(live)).toEqual({
      ...JSON_ANSWER,
    });
  });

  it('a CORS preflight and a CORS answer', async () => {
    const preflight = await api.app.inject({
      method: 'OPTIONS',
      url: '/graphql',
      headers: { origin: DASHBOARD, 'access-control-request-method': 'POST' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(stableHeaders({ status: 204, headers: preflight.headers, json: null, body: preflight.body })).toEqual({
      ...SECURITY_HEADERS,
      ...EXPOSED,
      'access-control-allow-origin': DASHBOARD,
      'access-control-allow-headers':
        'content-type, authorization, apollo-require-preflight, x-apollo-operation-name, x-request-id',
      'access-control-allow-methods': 'GET, POST',
      'access-control-max-age': '600',
      vary: 'Origin',
      connection: 'keep-alive',
    });
    const answer = await send(api, { query: MEMBERS }, { key: partnerKey, headers: { origin: DASHBOARD } });
    expect(answer.status).toBe(200);
    expect(stableHeaders(answer)).toEqual({
      ...SECURITY_HEADERS,
      ...EXPOSED,
      'access-control-allow-origin': DASHBOARD,
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'private, no-cache',
      etag: 'ETAG',
      // the answer's Vary replaces the one CORS set
      vary: 'authorization',
      connection: 'keep-alive',
    });
  });

  it('the bootstrap admin key authenticates as before', async () => {
    const answer = await send(api, { query: '{ viewer { role } }' }, { key: TEST_ADMIN_SECRET });
    expect(answer.json!.errors).toBeUndefined();
    expect(answer.json!.data.viewer.role).toBe('ADMIN');
  });
});
