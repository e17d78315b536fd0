import { HeaderMap } from '@apollo/server';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiError } from '../common/errors';
import { type CostStore, isPromise, type PointBudget, type WindowState } from './cost-store';
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

  /**
   * Charges `points` unless the bucket lacks them; records the bucket's state on the request either way. A keyed
   * request's bucket is its key's hash, found by authentication (a request reaches here authenticated). Answers at
   * once when the store does (in memory), by promise when it cannot (Redis).
   */
  spend(request: FastifyRequest, points: number): boolean | Promise<boolean> {
    const keyHash = request.apiKeyHash;
    const budget = keyHash ? this.keyBudget : this.anonymousBudget;
    let state;
    try {
      state = budget.consume(keyHash ? keyHash : request.ip, points);
    } catch (error) {
      return servedUncharged(request, error);
    }
    if (isPromise(state)) {
      return state.then(
        (settled) => charged(request, budget.limit, settled),
        (error: unknown) => servedUncharged(request, error),
      );
    }
    return charged(request, budget.limit, state);
  }
}

/** Records the bucket's state after a charge on the request (one object per request, updated by a second charge). */
function charged(request: FastifyRequest, limit: number, state: WindowState): boolean {
  const remaining = Math.max(limit - state.used, 0);
  const resetSeconds = Math.ceil(state.resetMs / 1000);
  const budget = request.budget;
  if (budget) {
    budget.limit = limit;
    budget.remaining = remaining;
    budget.resetSeconds = resetSeconds;
  } else request.budget = { limit, remaining, resetSeconds };
  return state.allowed;
}

/** Redis falls back on memory by itself; should a store fail all the same, the API must not go down with it. */
function servedUncharged(request: FastifyRequest, error: unknown): true {
  request.log.error({ err: error }, 'rate-limit store failed: request served without charging');
  return true;
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

/** The arrival charge's refusal: answered here, the request goes no further (so its hook's done is not called). */
function refuseOnArrival(request: FastifyRequest, reply: FastifyReply): void {
  refuse(reply, rateLimitMessage(request.budget!), request.budget!.resetSeconds);
}

/**
 * Charges every request in this scope its first point (refusing it with 429 when the bucket is empty); the scope's
 * onSend hook puts the bucket's state on every answer (putBudgetHeaders).
 */
export function registerRateLimit(scope: FastifyInstance, limiter: RateLimiter): void {
  scope.decorateRequest('budget', null);
  // the callback form: Fastify wraps an async hook's promise in one more of its own
  scope.addHook('onRequest', (request, reply, done) => {
    const allowed = limiter.spend(request, 1);
    if (allowed === true) return done();
    if (allowed === false) return refuseOnArrival(request, reply);
    allowed.then((settled) => (settled ? done() : refuseOnArrival(request, reply)), done);
  });
}
