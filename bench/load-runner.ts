/**
 * Drives one server with autocannon in a process of its own, so the load never shares the measured server's event loop
 * or the orchestrator's. Reads its job as JSON from argv[2], prints the figures as one JSON line.
 */
import autocannon from 'autocannon';
import type { LoadJob, LoadFigures } from './load';

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as LoadJob;
  const result = await autocannon({
    url: job.url,
    method: job.method ?? 'POST',
    headers: job.headers,
    body: job.method === 'GET' ? undefined : job.body,
    connections: job.connections,
    duration: job.seconds,
  });
  const figures: LoadFigures = {
    requestsPerSecond: result.requests.total / (result.duration || job.seconds),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures:
      result.errors +
      (job.expectStatus === undefined
        ? result.non2xx
        : result.requests.total - (result.statusCodeStats?.[`${job.expectStatus}`]?.count ?? 0)),
    requests: result.requests.total,
  };
  process.stdout.write(JSON.stringify(figures) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
