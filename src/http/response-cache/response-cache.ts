import type { GraphQLResponse } from '@apollo/server';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { LazyForkContext } from '../../common/lazy-fork';
import { readOnPrimary } from '../../db/read-scope';
import { logRestrictedReads, restrictedReadsOf } from '../../modules/governance/access-log.service';
import { declaredPurpose } from '../../modules/governance/declared-purpose';
import { dataAsJson } from '../answer-json';
import { costExtension } from '../cost-plugin';
import type { GraphqlContext } from '../graphql-context';
import type { RequestPlugin } from '../request-plugin';
import type { Limits } from '../../config/limits';
import { answerKey } from './answer-key';
import type { AnswerStore, StoredAnswer } from './answer-store';
import { CacheScope, rememberedScope } from './cache-scope';
import { cachingHeaders, etagMatches, etagOf } from './http-caching';

declare module 'fastify' {
  interface FastifyRequest {
    /** Where this request's answer goes once computed: its key, and the store's generation when it was looked up. */
    answerSlot: { key: string; generation: string } | null;
  }
}

/** What a cached answer costs the caller's budget: the point every request pays on arrival, nothing more. */
export const CACHED_ANSWER_COST = 1;

const SIMPLE_CONTENT_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/** Apollo Server's CSRF rule: a request a browser would not send without a preflight. Others go to Apollo, which refuses them. */
function preflighted(request: FastifyRequest): boolean {
  const contentType = request.headers['content-type']?.split(';')[0].trim().toLowerCase();
  if (contentType && !SIMPLE_CONTENT_TYPES.includes(contentType)) return true;
  return Boolean(request.headers['apollo-require-preflight'] || request.headers['x-apollo-operation-name']);
}

/** Served from the cache only as plain JSON: a client asking for another media type gets Apollo's negotiation. */
function acceptsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return !accept || !accept.includes('graphql-response');
}

/**
 * The client asked for a fresh answer (`Cache-Control: no-cache`): computed anew, and not kept (with read replicas it
 * is read where any uncached query is; a kept answer is read on the primary).
 */
function wantsFresh(request: FastifyRequest): boolean {
  return /no-cache|no-store|max-age=0/.test(request.headers['cache-control'] ?? '');
}

/** The restricted reads of a stored answer, logged for this caller before it is served; false if it cannot be served. */
async function logReadsAgain(request: FastifyRequest, orm: MikroORM, answer: StoredAnswer): Promise<boolean> {
  if (!answer.restrictedReads.length) return true;
  const accessPurpose = [request.headers['x-access-purpose']].flat()[0];
  try {
    declaredPurpose(accessPurpose);
  } catch {
    // an undeclarable purpose is refused the way GraphQL refuses it
    return false;
  }
  const ctx = new LazyForkContext(orm.em, {
    requestId: request.id,
    viewer: request.viewer,
    log: request.log as Logger,
    accessPurpose,
  });
  await logRestrictedReads(ctx, answer.restrictedReads);
  return true;
}

function sendStored(request: FastifyRequest, reply: FastifyReply, answer: StoredAnswer, limits: Limits) {
  reply.headers(cachingHeaders(answer.scope, request.viewer, answer.etag));
  if (request.method === 'GET' && etagMatches(request.headers['if-none-match'], answer.etag)) {
    return reply.code(304).send();
  }
  const cost = {
    ...costExtension(CACHED_ANSWER_COST, limits, request.budget),
    servedFromCache: true,
    uncachedQueryCost: answer.cost,
  };
  return reply
    .type('application/json; charset=utf-8')
    .send(`{"data":${answer.data},"extensions":${JSON.stringify({ cost })}}`);
}

/**
 * Answers a query from the store before GraphQL sees it, when the same operation with the same variables was
 * answered for the same visibility class since the last write: no parsing, validation or SQL, only the point paid
 * on arrival and the access log of the restricted reads the answer holds. A conditional GET whose ETag still
 * matches gets 304 (and so does one whose fresh answer it matches: answerNotModified). Everything else, and every store failure, goes through GraphQL as usual.
 */
export function registerResponseCache(
  scope: FastifyInstance,
  { store, orm, limits }: { store: AnswerStore; orm: MikroORM; limits: Limits },
): void {
  scope.decorateRequest('answerSlot', null);
  /** Whether the stored answer was sent; false: the request goes on to GraphQL. */
  const answerFromStore = async (request: FastifyRequest, reply: FastifyReply, key: string): Promise<boolean> => {
    let lookup;
    try {
      lookup = await store.lookup(key);
    } catch (error) {
      request.log.warn({ err: error }, 'response cache unavailable: answering without it');
      return false;
    }
    if (lookup.generation === null) return false;
    request.answerSlot = { key, generation: lookup.generation };
    const answer = lookup.answer;
    if (!answer || !acceptsJson(request)) return false;
    if (!(await logReadsAgain(request, orm, answer))) return false;
    sendStored(request, reply, answer, limits);
    return true;
  };
  // the callback form: a request that asks for a fresh answer (every benchmark request) passes without a promise
  scope.addHook('preHandler', (request, reply, done) => {
    // both pure: the cheaper first (a request asking for a fresh answer needs no content-type parsing)
    const key = !wantsFresh(request) && preflighted(request) ? answerKey(request) : null;
    if (!key) return done();
    // answered from the store: the request goes no further, so done is not called
    answerFromStore(request, reply, key).then((sent) => sent || done(), done);
  });
}

/**
 * A conditional GET whose answer was computed just now is still worth a 304: the data is what the client holds. Called
 * by the scope's onSend hook (with the store on); true when the answer became a 304, to be sent without its body.
 */
export function answerNotModified(request: FastifyRequest, reply: FastifyReply): boolean {
  if (request.method !== 'GET' || reply.statusCode !== 200) return false;
  const etag = reply.getHeader('etag');
  if (typeof etag !== 'string' || !etagMatches(request.headers['if-none-match'], etag)) return false;
  reply.code(304);
  return true;
}

/** The committed write moves the store on; should that fail, the store may serve stale answers: say so loudly. */
async function invalidate(store: AnswerStore | null, log: Logger): Promise<void> {
  try {
    await store?.invalidate();
  } catch (error) {
    log.error({ err: error }, 'could not invalidate the response cache after a write');
  }
}

/**
 * Gives every GraphQL answer its Cache-Control (and its ETag when it may be kept), stores successful query answers
 * under the slot the cache hook looked up, and invalidates the store after every mutation, before its answer is sent:
 * the next request, on any replica sharing the store, sees the write.
 */
export function responseCachePlugin(store: AnswerStore | null): RequestPlugin<GraphqlContext> {
  return {
    requestDidStart() {
      let scope = CacheScope.NONE;
      let mutation = false;
      return {
        didResolveOperation({ schema, document, operation, request, contextValue }) {
          mutation = operation?.operation === 'mutation';
          scope = rememberedScope(schema, document, request.operationName);
          // an answer that will be kept must not come from a replica still behind the write that retired the last
          // one: it would be kept until the next write
          if (store && contextValue.request.answerSlot && scope !== CacheScope.NONE) readOnPrimary(contextValue.scope);
        },
        willSendResponse({ response, contextValue: ctx }) {
          if (mutation) return invalidate(store, ctx.log).then(() => keepAnswer(store, scope, response, ctx));
          return keepAnswer(store, scope, response, ctx);
        },
      };
    },
  };
}

/**
 * Sets the answer's Cache-Control and ETag, and stores it under the request's slot when it may be kept: a promise
 * only when there is something to store.
 */
function keepAnswer(
  store: AnswerStore | null,
  scope: CacheScope,
  response: GraphQLResponse,
  ctx: GraphqlContext,
): Promise<void> | undefined {
  if (response.body.kind !== 'single') return;
  const result = response.body.singleResult;
  const status = response.http.status ?? 200;
  if (scope === CacheScope.NONE || result.errors || !result.data || status !== 200) {
    response.http.headers.set('cache-control', 'no-store');
    return;
  }
  const data = dataAsJson(result.data);
  const etag = etagOf(data);
  for (const [name, value] of Object.entries(cachingHeaders(scope, ctx.viewer, etag))) {
    response.http.headers.set(name, value);
  }
  const slot = ctx.request.answerSlot;
  if (!store || !slot) return;
  const cost = (result.extensions?.cost as { requestedQueryCost?: number } | undefined)?.requestedQueryCost;
  const answer = { data, etag, scope, cost: cost ?? 1, restrictedReads: restrictedReadsOf(ctx) };
  return store.store(slot.generation, slot.key, answer).catch((error: unknown) => {
    ctx.log.warn({ err: error }, 'could not store an answer in the response cache');
  });
}
