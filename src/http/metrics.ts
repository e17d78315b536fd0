import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, type Registry } from 'prom-client';
import { requireRole } from '../auth/authorize';
import { ViewerRole } from '../auth/roles';
import { RequestMetrics } from './request-metrics';

/**
 * Prometheus metrics of one server (process defaults plus HTTP request counts and latencies) on GET /metrics, for
 * ANALYST and ADMIN keys only: the figures tell an outsider how busy the server is and which routes fail.
 */
export function registerMetrics(app: FastifyInstance, registry: Registry): void {
  collectDefaultMetrics({ register: registry });
  const requests = new RequestMetrics(registry);
  app.addHook('onResponse', (request, reply, done) => {
    requests.record(
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get('/metrics', async (request, reply) => {
    requireRole(request.viewer, 'Reading the metrics', ViewerRole.ANALYST);
    reply.header('content-type', registry.contentType);
    return registry.metrics();
  });
}
