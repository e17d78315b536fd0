import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/modules/api-keys/api-key-secret';
import { Role } from '../../src/auth/roles';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { errorCode, freshIp, limitsWith, send } from './support';

let api: TestApp;
const logLines: Record<string, any>[] = [];
beforeAll(async () => {
  const logger = pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line)) });
  api = await startTestApp({ limits: limitsWith({ authFailuresPerWindow: 3, rateLimitWindowSeconds: 2 }) }, { logger });
});
afterAll(() => api.close());

async function failuresCounted(): Promise<number> {
  const metrics = await api.app.inject({
    method: 'GET',
    url: '/metrics',
    headers: { authorization: `Bearer ${TEST_ADMIN_SECRET}` },
  });
  return Number(/^auth_failures_total (\d+)$/m.exec(metrics.body)?.[1]);
}

describe('API keys', () => {
  it('refuses a revoked key on its next request, showing nothing', async () => {
    const key = await api.createKey(Role.ANALYST);
    const keyId = (await send(api, { query: '{ viewer { apiKeyId } }' }, { key })).json!.data.viewer.apiKeyId;
    const revoked = await send(
      api,
      { query: 'mutation ($id: ID!) { revokeApiKey(id: $id) { revokedAt } }', variables: { id: keyId } },
      { key: TEST_ADMIN_SECRET },
    );
    expect(revoked.json!.data.revokeApiKey.revokedAt).toEqual(expect.any(String));

    const answer = await send(api, { query: '{ viewer { role } members(first: 1) { nodes { name } } }' }, { key });
    expect(answer.status).toBe(401);
    expect(errorCode(answer)).toBe('UNAUTHENTICATED');
    expect(answer.json!.data).toBeUndefined();
    expect(answer.body).not.toMatch(/ANALYST|Wien|Altdorf/);
  });

  it('logs and counts a failed authentication with the request id', async () => {
    const before = await failuresCounted();
    const answer = await send(api, { query: '{ viewer { role } }' }, { key: generateApiKey(), ip: freshIp() });
    expect(errorCode(answer)).toBe('UNAUTHENTICATED');
    expect(await failuresCounted()).toBe(before + 1);
    const logged = logLines.find(
      (line) => line.reqId === answer.headers['x-request-id'] && line.msg === 'authentication failed',
    );
    expect(logged).toMatchObject({ level: 40, reason: 'The API key is unknown or revoked' });
  });

  it('refuses keyed requests from an address after repeated failures, before looking any key up', async () => {
    const ip = freshIp();
    const valid = await api.createKey(Role.PARTNER);
    for (const key of [generateApiKey(), generateApiKey(), 'not-even-a-key']) {
      expect(errorCode(await send(api, { query: '{ viewer { role } }' }, { key, ip }))).toBe('UNAUTHENTICATED');
    }
    api.resetStatementCount();
    const blocked = await send(api, { query: '{ viewer { role } }' }, { key: valid, ip });
    expect(blocked.status).toBe(429);
    expect(errorCode(blocked)).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(blocked.body).not.toContain('PARTNER');
    expect(api.statementCount()).toBe(0);

    const anonymous = await send(api, { query: '{ viewer { role } }' }, { ip });
    expect(anonymous.json!.data).toEqual({ viewer: { role: 'ANONYMOUS' } });
    const otherAddress = await send(api, { query: '{ viewer { role } }' }, { key: valid, ip: freshIp() });
    expect(otherAddress.json!.data).toEqual({ viewer: { role: 'PARTNER' } });

    await new Promise((resolve) => setTimeout(resolve, Number(blocked.headers['retry-after']) * 1000 + 100));
    const later = await send(api, { query: '{ viewer { role } }' }, { key: valid, ip });
    expect(later.json!.data).toEqual({ viewer: { role: 'PARTNER' } });
  });
});

describe('one authentication path for every route', () => {
  const EXPORT = { method: 'GET' as const, url: '/export/emissions.csv' };

  it('throttles wrong keys on the export as on GraphQL: 401 up to the limit, then 429 with Retry-After', async () => {
    const ip = freshIp();
    const answers = [];
    for (let i = 0; i < 30; i++) answers.push(await send(api, null, { ...EXPORT, key: generateApiKey(), ip }));
    expect(answers.slice(0, 3).map((answer) => [answer.status, answer.json!.code])).toEqual(
      Array.from({ length: 3 }, () => [401, 'UNAUTHENTICATED']),
    );
    const refused = answers.slice(3);
    expect(refused.map((answer) => [answer.status, answer.json!.code])).toEqual(
      Array.from({ length: 27 }, () => [429, 'RATE_LIMITED']),
    );
    for (const answer of refused) expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(answers[29].headers['content-type']).toMatch(/^application\/json/);
  });

  it('refuses even the bootstrap admin secret on the export from a throttled address', async () => {
    const ip = freshIp();
    for (let i = 0; i < 3; i++) await send(api, null, { ...EXPORT, key: generateApiKey(), ip });
    api.resetStatementCount();
    const blocked = await send(api, null, { ...EXPORT, key: TEST_ADMIN_SECRET, ip });
    expect(blocked.status).toBe(429);
    expect(blocked.json).toMatchObject({ code: 'RATE_LIMITED' });
    expect(api.statementCount()).toBe(0);
    const elsewhere = await send(api, null, {
      ...EXPORT,
      url: '/export/emissions.csv?countryCodes=LU',
      key: TEST_ADMIN_SECRET,
      ip: freshIp(),
    });
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.split('\n')[0]).toMatch(/^member_id,member_name,/);
  });

  it('counts failures on /graphql and /export in one throttle, whichever route they hit', async () => {
    const ip = freshIp();
    const valid = await api.createKey(Role.ANALYST);
    expect((await send(api, { query: '{ viewer { role } }' }, { key: generateApiKey(), ip })).status).toBe(401);
    expect((await send(api, null, { ...EXPORT, key: generateApiKey(), ip })).status).toBe(401);
    expect((await send(api, { query: '{ viewer { role } }' }, { key: generateApiKey(), ip })).status).toBe(401);
    const onExport = await send(api, null, { ...EXPORT, key: valid, ip });
    expect([onExport.status, onExport.json!.code]).toEqual([429, 'RATE_LIMITED']);
    const onGraphql = await send(api, { query: '{ viewer { role } }' }, { key: valid, ip });
    expect([onGraphql.status, errorCode(onGraphql)]).toEqual([429, 'RATE_LIMITED']);

    const other = freshIp();
    for (let i = 0; i < 3; i++) await send(api, null, { ...EXPORT, key: generateApiKey(), ip: other });
    const graphqlAfterExports = await send(api, { query: '{ viewer { role } }' }, { key: valid, ip: other });
    expect([graphqlAfterExports.status, errorCode(graphqlAfterExports)]).toEqual([429, 'RATE_LIMITED']);
  });

  it('serves the export to a good key, with the viewer the hook resolved', async () => {
    const analyst = await api.createKey(Role.ANALYST);
    const partner = await api.createKey(Role.PARTNER);
    const ip = freshIp();
    const served = await send(api, null, {
      ...EXPORT,
      url: '/export/emissions.ndjson?countryCodes=AT',
      key: analyst,
      ip,
    });
    expect(served.status).toBe(200);
    expect(served.body.trimEnd().split('\n').length).toBeGreaterThan(0);
    expect(JSON.parse(served.body.split('\n')[0])).toMatchObject({ country_code: 'AT' });
    const forbidden = await send(api, null, { ...EXPORT, key: partner, ip });
    expect([forbidden.status, forbidden.json!.code]).toEqual([403, 'FORBIDDEN']);
  });
});
