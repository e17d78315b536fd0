import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { EXPLORER_CSP } from './explorer/explorer-page';
import { presetHeaders } from './preset-headers';

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
async function helmetHeaders(): Promise<[string, string][]> {
  const probe = Fastify();
  await probe.register(helmet, HELMET_OPTIONS);
  let headers: [string, string][] = [];
  probe.get('/', (_request, reply) => {
    headers = Object.entries(reply.raw.getHeaders())
      .filter(([, value]) => value !== undefined)
      .map(([name, value]) => {
        if (typeof value !== 'string') throw new Error(`helmet's ${name} header is not a single string`);
        return [name, value];
      });
    return '';
  });
  await probe.inject('/');
  await probe.close();
  return headers;
}

/**
 * Security headers on every answer (helmet's, set on arrival as @fastify/helmet would), with a content security
 * policy for an API that serves no pages, and the request's id in `x-request-id` (set on arrival too: nothing changes
 * it later); and CORS for the browser origins listed in CORS_ORIGINS only.
 */
export async function registerSecurityHeaders(app: FastifyInstance, config: Config): Promise<void> {
  const preset = presetHeaders(await helmetHeaders());
  app.addHook('onRequest', (request, reply, done) => {
    preset(reply.raw, ['x-request-id', request.id]);
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
