import { Counter, Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKETS, RequestMetrics } from '../../src/http/request-metrics';

/** The two metrics as prom-client counts them itself, observation by observation. */
function reference(registry: Registry) {
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status code.',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests, by method and route.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  return (method: string, route: string, status: number, seconds: number) => {
    requests.inc({ method, route, status_code: String(status) });
    duration.observe({ method, route }, seconds);
  };
}

const OBSERVATIONS: [string, string, number, number][] = [
  ['POST', '/graphql', 200, 0.0031],
  ['POST', '/graphql', 200, 0.005],
  ['POST', '/graphql', 429, 0.0004],
  ['GET', '/graphql', 304, 0.012],
  ['GET', '/graphql', 200, 0.3],
  ['GET', '/health/live', 200, 0.0001],
  ['GET', 'unmatched', 404, 0.002],
  ['POST', '/graphql', 503, 15.2],
  ['GET', '/metrics', 200, 10],
  ['POST', '/graphql', 200, 0.07],
];

describe('the request metrics', () => {
  it('scrape exactly as prom-client counting each request itself, scrape after scrape', async () => {
    const ours = new Registry();
    const metrics = new RequestMetrics(ours);
    const theirs = new Registry();
    const observe = reference(theirs);
    expect(await ours.metrics()).toBe(await theirs.metrics());
    for (const [index, observation] of OBSERVATIONS.entries()) {
      metrics.record(...observation);
      observe(...observation);
      if (index % 3 === 0) expect(await ours.metrics()).toBe(await theirs.metrics());
    }
    const scraped = await ours.metrics();
    expect(scraped).toBe(await theirs.metrics());
    expect(scraped).toContain('http_requests_total{method="POST",route="/graphql",status_code="200"} 3');
    expect(scraped).toContain('http_request_duration_seconds_bucket{le="0.005",method="POST",route="/graphql"} 3');
    expect(scraped).toContain('http_request_duration_seconds_count{method="POST",route="/graphql"} 5');
    expect(await ours.getMetricsAsJSON()).toEqual(await theirs.getMetricsAsJSON());
  });
});
