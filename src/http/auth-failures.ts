import { HeaderMap } from '@apollo/server';
import type { FastifyRequest } from 'fastify';
import { Counter, type Registry } from 'prom-client';
import { ApiError } from '../common/errors';
import { type CostStore, isPromise, type PointBudget } from './cost-store';
import type { Limits } from '../config/limits';

/**
 * Failed authentications (a malformed, unknown or revoked key): each is logged with the request id and counted in
 * `auth_failures_total`; after `authFailuresPerWindow` of them from one IP address, that address's keyed requests are
 * refused with 429 until the window ends, before any key is looked up, so keys cannot be guessed at speed.
 */
export class AuthFailureGuard {
  private readonly failures: Counter;
  private readonly budget: PointBudget;

  constructor(store: CostStore, limits: Limits, registry: Registry) {
    this.budget = store.budget('auth-failures', limits.authFailuresPerWindow, limits.rateLimitWindowSeconds);
    this.failures = new Counter({
      name: 'auth_failures_total',
      help: 'Requests refused because their API key was malformed, unknown or revoked.',
      registers: [registry],
    });
  }

  async record(request: FastifyRequest, reason: string): Promise<void> {
    this.failures.inc();
    request.log.warn({ clientIp: request.ip, reason }, 'authentication failed');
    try {
      // once the address has failed as often as allowed, a further failure is refused without being counted
      await this.budget.consume(request.ip, 1);
    } catch (error) {
      request.log.error({ err: error }, 'rate-limit store failed: authentication failure not counted');
    }
  }

  /**
   * Throws RATE_LIMITED (429 with Retry-After) when the request's address failed too often in this window: at once
   * when the store answers at once (in memory), else by a promise that rejects. A store that fails throttles nobody.
   */
  refuseIfThrottled(request: FastifyRequest): void | Promise<void> {
    let failed;
    try {
      failed = this.budget.peek(request.ip);
    } catch {
      return;
    }
    if (!isPromise(failed)) return this.refuseWhenSpent(failed);
    return failed.then(
      (settled) => this.refuseWhenSpent(settled),
      () => undefined,
    );
  }

  private refuseWhenSpent({ used, resetMs }: { used: number; resetMs: number }): void {
    if (used < this.budget.limit) return;
    const retryAfter = Math.max(Math.ceil(resetMs / 1000), 1);
    throw new ApiError(
      'RATE_LIMITED',
      `Too many failed authentications from this address; retry after ${retryAfter} s`,
      {
        http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfter)]]) },
      },
    );
  }
}
