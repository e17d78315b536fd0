import { HeaderMap } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/errors';
import type { CostStore, PointBudget } from './cost-store';
import type { Limits } from '../config/limits';

/** Where a request's bucket stands after its last charge. */
export interface Budget {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** Set once the request has been charged: what its bucket has left. */
    budget: Budget | null;
  }
}

/**
 * Rate limiting in cost points per window: each API key has a budget (keyed by the hash of the key, so no lookup is
 * needed), each anonymous IP address a smaller one. A request is charged 1 point on arrival and the rest of its
 * operation's cost once that is known, before it runs.
 */
export class RateLimiter {
  private readonly keyBudget: PointBudget;
  private readonly anonymousBudget: PointBudget;

  constructor(store: CostStore, limits: Limits) {
    this.keyBudget = store.budget('key', limits.rateLimitPoints, limits.rateLimitWindowSeconds);
    this.anonymousBudget = store.budget('ip', limits.anonymousRateLimitPoints, limits.rateLimitWindowSeconds);
  }

  /** A keyed request's bucket is its key's hash, found by authentication (a request reaches here authenticated). */
  private bucketOf(request: FastifyRequest): { budget: PointBudget; bucket: string } {
    const keyHash = request.apiKeyHash;
    return keyHash ? { budget: this.keyBudget, bucket: keyHash } : { budget: this.anonymousBudget, bucket: request.ip };
  }

  /** Charges `points` unless the bucket lacks them; records the bucket's state on the request either way. */
  async spend(request: FastifyRequest, points: number): Promise<boolean> {
    const { budget, bucket } = this.bucketOf(request);
    const { limit } = budget;
    let state;
    try {
      state = await budget.consume(bucket, points);
    } catch (error) {
      // Redis falls back on memory by itself; should a store fail all the same, the API must not go down with it
      request.log.error({ err: error }, 'rate-limit store failed: request served without charging');
      return true;
    }
    request.budget = {
      limit,
      remaining: Math.max(limit - state.used, 0),
      resetSeconds: Math.ceil(state.resetMs / 1000),
    };
    return state.allowed;
  }
}

function rateLimitMessage(budget: Budget, cost?: number): string {
  const asked = cost === undefined ? '' : `this operation costs ${cost} points and `;
  return (
    `Rate limit exceeded: ${asked}${budget.remaining} of ${budget.limit} points remain in this window; ` +
    `retry after ${budget.resetSeconds} s`
  );
}

/** RATE_LIMITED as a GraphQL error of an operation, with HTTP 429 and Retry-After. */
export function rateLimited(budget: Budget, cost: number): ApiError {
  return new ApiError('RATE_LIMITED', rateLimitMessage(budget, cost), {
    http: { status: 429, headers: new HeaderMap([['retry-after', String(budget.resetSeconds)]]) },
  });
}

/** Answers 429 RATE_LIMITED in the shape of a GraphQL response, before the request reaches GraphQL. */
export function refuse(reply: FastifyReply, message: string, retryAfterSeconds: number): FastifyReply {
  return reply
    .code(429)
    .header('retry-after', String(retryAfterSeconds))
    .type('application/json; charset=utf-8')
    .send({ errors: [{ message, extensions: { code: 'RATE_LIMITED' } }] });
}

/** The bucket's state in the RateLimit-Limit / -Remaining / -Reset headers of an answer, once the request was charged. */
export function putBudgetHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const budget = request.budget;
  if (!budget) return;
  reply.header('ratelimit-limit', String(budget.limit));
  reply.header('ratelimit-remaining', String(budget.remaining));
  reply.header('ratelimit-reset', String(budget.resetSeconds));
}

/**
 * Charges every request in this scope its first point (refusing it with 429 when the bucket is empty); the scope's
 * onSend hook puts the bucket's state on every answer (putBudgetHeaders).
 */
export function registerRateLimit(scope: FastifyInstance, limiter: RateLimiter): void {
  scope.decorateRequest('budget', null);
  // the callback form: Fastify wraps an async hook's promise in one more of its own
  scope.addHook('onRequest', (request, reply, done) => {
    limiter.spend(request, 1).then((allowed) => {
      if (allowed) return done();
      // answered here: the request goes no further, so done is not called
      refuse(reply, rateLimitMessage(request.budget!), request.budget!.resetSeconds);
    }, done);
  });
}
