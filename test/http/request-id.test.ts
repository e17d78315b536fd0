import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('x-request-id', () => {
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

  it('echoes a well-formed incoming X-Request-Id', async () => {
    const response = await api.graphql(`{ viewer { role } }`, {}, { headers: { 'x-request-id': 'gateway-7f3a.b_2' } });
    expect(response.headers['x-request-id']).toBe('gateway-7f3a.b_2');
  });

  it('is also set on error responses', async () => {
    const response = await api.graphql(
      `{ viewer { role } }`,
      {},
      { key: 'unknown', headers: { 'x-request-id': 'req-401' } },
    );
    expect(response.status).toBe(401);
    expect(response.headers['x-request-id']).toBe('req-401');
  });

  it.each(['has spaces in it', 'x'.repeat(101), 'semi;colon', 'ünïcode'])(
    'replaces the malformed incoming id %j with a fresh UUID',
    async (given) => {
      const response = await api.app.inject({
        method: 'GET',
        url: '/health/live',
        headers: { 'x-request-id': given },
      });
      expect(response.headers['x-request-id']).toMatch(UUID);
    },
  );
});
