import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { EXPLORER_CSP } from './explorer/explorer-page';

const HELMET_OPTIONS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
    },
  },
};

/**
 * The headers helmet sets with HELMET_OPTIONS. They are the same on every answer, but @fastify/helmet builds helmet's
 * middleware anew for each request (parsing the policy again): ask it once, on a server of its own, and keep them.
 */
async function helmetHeaders(): Promise<[string, string | number | string[]][]> {
  const probe = Fastify();
  await probe.register(helmet, HELMET_OPTIONS);
  let headers: [string, string | number | string[]][] = [];
  probe.get('/', (_request, reply) => {
    headers = Object.entries(reply.raw.getHeaders()).filter(([, value]) => value !== undefined) as typeof headers;
    return '';
  });
  await probe.inject('/');
  await probe.close();
  return headers;
}

/**
 * Security headers on every answer (helmet's, set on arrival as @fastify/helmet would), with a content security
 * policy for an API that serves no pages; and CORS for the browser origins listed in CORS_ORIGINS only.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const headers = await helmetHeaders();
  app.addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  if (!config.production) {
    // the development explorer runs scripts and styles of this origin: that page alone has a CSP allowing them
    app.addHook('onSend', async (request, reply, payload) => {
      const html = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
      if (html && request.routeOptions.url === '/graphql') reply.header('content-security-policy', EXPLORER_CSP);
      return payload;
    });
  }
  // without origins to allow, @fastify/cors would run on every request only to add nothing (a preflight is not
  // found either way)
  if (!config.corsOrigins.length) return;
  await app.register(cors, {
    origin: config.corsOrigins,
    methods: ['GET', 'POST'],
    allowedHeaders: [
      'content-type',
      'authorization',
      'apollo-require-preflight',
      'x-apollo-operation-name',
      'x-request-id',
    ],
    exposedHeaders: ['ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after', 'x-request-id'],
    maxAge: 600,
  });
}
