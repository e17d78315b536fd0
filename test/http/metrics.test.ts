import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { startTestApp, type TestApp } from '../support/test-app';

let api: TestApp;
let analystKey: string;
beforeAll(async () => {
  api = await startTestApp();
  analystKey = await api.createKey(Role.ANALYST);
});
afterAll(() => api.close());

function getMetrics(key?: string) {
  return api.app.inject({ method: 'GET', url: '/metrics', headers: key ? { authorization: `Bearer ${key}` } : {} });
}

async function scrape(): Promise<string> {
  const response = await getMetrics(analystKey);
  expect(response.statusCode).toBe(200);
  expect(response.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
  return response.body;
}

/** The value of a sample with exactly these labels (in any order), 0 when absent. */
function sample(metrics: string, name: string, labels: Record<string, string>): number {
  const wanted = Object.entries(labels)
    .map(([key, value]) => `${key}="${value}"`)
    .sort();
  for (const line of metrics.split('\n')) {
    const match = /^([a-z_]+)\{(.*)\} (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = match[2].match(/[a-z_]+="[^"]*"/g)!.sort();
    if (found.join(',') === wanted.join(',')) return Number(match[3]);
  }
  return 0;
}

describe('/metrics', () => {
  it('answers only ANALYST and ADMIN keys, through the same authentication as every route', async () => {
    const anonymous = await getMetrics();
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(anonymous.body).not.toContain('http_requests_total');
    const partner = await getMetrics(await api.createKey(Role.PARTNER));
    expect(partner.statusCode).toBe(403);
    expect(partner.json().errors[0].extensions.code).toBe('FORBIDDEN');
    const unknown = await getMetrics('ca_not-a-key');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).not.toContain('http_requests_total');
    expect((await getMetrics(analystKey)).statusCode).toBe(200);
  });

  it('declares the request counter and latency histogram, and the process defaults', async () => {
    const metrics = await scrape();
    expect(metrics).toContain('# TYPE http_requests_total counter');
    expect(metrics).toContain('# TYPE http_request_duration_seconds histogram');
    expect(metrics).toContain('# TYPE process_cpu_seconds_total counter');
  });

  it('counts each request by method, route and status, and times it', async () => {
    const before = await scrape();
    const graphqlLabels = { method: 'POST', route: '/graphql', status_code: '200' };
    for (let i = 0; i < 3; i++) await api.graphql(`query { countries { code } }`);
    await api.app.inject({ method: 'GET', url: '/health/live' });
    await api.app.inject({ method: 'GET', url: '/no/such/route' });
    const after = await scrape();

    expect(sample(after, 'http_requests_total', graphqlLabels)).toBe(
      sample(before, 'http_requests_total', graphqlLabels) + 3,
    );
    const liveLabels = { method: 'GET', route: '/health/live', status_code: '200' };
    expect(sample(after, 'http_requests_total', liveLabels)).toBe(
      sample(before, 'http_requests_total', liveLabels) + 1,
    );
    const unmatched = { method: 'GET', route: 'unmatched', status_code: '404' };
    expect(sample(after, 'http_requests_total', unmatched)).toBe(sample(before, 'http_requests_total', unmatched) + 1);

    const timing = { method: 'POST', route: '/graphql' };
    const count = (metrics: string) => sample(metrics, 'http_request_duration_seconds_count', timing);
    expect(count(after)).toBe(count(before) + 3);
    expect(sample(after, 'http_request_duration_seconds_sum', timing)).toBeGreaterThan(
      sample(before, 'http_request_duration_seconds_sum', timing),
    );
    expect(sample(after, 'http_request_duration_seconds_bucket', { ...timing, le: '+Inf' })).toBe(count(after));
  });
});
