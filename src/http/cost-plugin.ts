import { ApiError } from '../common/errors';
import { rememberedOperationCost, tooCostly } from './cost';
import type { GraphqlContext } from './graphql-context';
import type { Limits } from '../config/limits';
import type { NetworkSizeSource } from './network-size';
import { type Budget, rateLimited, type RateLimiter } from './rate-limit';
import type { RequestListener, RequestPlugin } from './request-plugin';
import { countResponseItems, ResponseItems } from './response-items';

/** `extensions.cost` of an answer: what the operation cost and what the caller's budget has left. */
export function costExtension(cost: number, limits: Limits, budget: Budget | null) {
  return {
    requestedQueryCost: cost,
    maximumQueryCost: limits.maxQueryCost,
    maximumAvailable: budget?.limit ?? null,
    currentlyAvailable: budget?.remaining ?? null,
    resetInSeconds: budget?.resetSeconds ?? null,
  };
}

function tooManyItems(limits: Limits): ApiError {
  return new ApiError(
    'GRAPHQL_VALIDATION_FAILED',
    `The answer would hold more than ${limits.maxResponseItems} list items, more than its cost assumed; ask for ` +
      'fewer items (a smaller first) or fewer nested lists, or use the export',
  );
}

/**
 * Counts each operation's cost before it runs: over the per-operation maximum it is refused as
 * GRAPHQL_VALIDATION_FAILED, over the caller's remaining budget as RATE_LIMITED; neither runs a resolver. Every answer
 * reports the cost and the budget in `extensions.cost`, as GitHub's and Shopify's APIs do.
 *
 * The cost counts lists at the sizes of list-sizes.ts, aggregates at the network's size as read at most a minute
 * ago (network-size.ts); should the data hold more, a query's answer is still bounded:
 * once its lists hold more than `maxResponseItems` items, no further field resolves and the whole answer is replaced by
 * GRAPHQL_VALIDATION_FAILED (HTTP 400). Mutations are answered in full: their writes are done by then. The items are
 * counted by the schema's resolvers (withResponseItemLimit, applied by ./graphql.ts).
 */
export function costPlugin(
  limiter: RateLimiter,
  limits: Limits,
  networkSize: NetworkSizeSource,
): RequestPlugin<GraphqlContext> {
  const counting: CostCounting = {
    limiter,
    limits,
    networkSize,
    operationCost: rememberedOperationCost(limits),
    tooManyItems: () => tooManyItems(limits),
  };
  return {
    requestDidStart() {
      return new CostListener(counting);
    },
  };
}

/** What every request's listener shares. */
interface CostCounting {
  limiter: RateLimiter;
  limits: Limits;
  networkSize: NetworkSizeSource;
  operationCost: ReturnType<typeof rememberedOperationCost>;
  tooManyItems: () => ApiError;
}

type Listener = RequestListener<GraphqlContext>;
type HookArgument<Hook extends keyof Listener> = Parameters<NonNullable<Listener[Hook]>>[0];

/**
 * One request's cost. Its hooks answer at once unless the store does not (Redis): a refusal is a rejected promise, as
 * from an async hook, so that Apollo Server and the direct path start the other listeners' hooks as they did.
 */
class CostListener implements Listener {
  // every request pays at least the point charged on arrival, whatever stops it
  private cost = 1;
  // a query's list items: one error for the request, thrown by every field that would resolve after the limit
  private items: ResponseItems | null = null;

  constructor(private readonly counting: CostCounting) {}

  didResolveOperation({
    schema,
    document,
    operation,
    request,
    contextValue,
  }: HookArgument<'didResolveOperation'>): void | Promise<void> {
    // without an operation, execution fails before any resolver runs
    if (!operation) return;
    const { limiter, limits, networkSize } = this.counting;
    const cost = this.counting.operationCost(schema, document, operation, request.variables, networkSize.current());
    if (cost !== null) this.cost = cost;
    if (this.cost > limits.maxQueryCost) return Promise.reject(tooCostly(this.cost, limits));
    if (this.cost <= 1) return;
    const allowed = limiter.spend(contextValue.request, this.cost - 1);
    if (allowed === true) return;
    if (allowed === false) return Promise.reject(rateLimited(contextValue.request.budget!, this.cost));
    return allowed.then((settled) => {
      if (!settled) throw rateLimited(contextValue.request.budget!, this.cost);
    });
  }

  executionDidStart({ operation, contextValue }: HookArgument<'executionDidStart'>): void {
    // Apollo Server starts execution without an operation too (an operation name the document lacks): it then fails
    if (operation?.operation !== 'query') return;
    this.items = new ResponseItems(this.counting.limits.maxResponseItems, this.counting.tooManyItems);
    countResponseItems(contextValue, this.items);
  }

  willSendResponse({ response, contextValue }: HookArgument<'willSendResponse'>): void {
    if (response.body.kind !== 'single') return;
    const { limits } = this.counting;
    const stopped = this.items?.stopped;
    if (stopped) {
      contextValue.log.warn(
        { items: this.items!.count, maxResponseItems: limits.maxResponseItems },
        'answer over the item limit refused',
      );
      const { message, extensions } = stopped;
      response.body.singleResult = { errors: [{ message, extensions }] };
      response.http.status = 400;
    }
    const result = response.body.singleResult;
    result.extensions = { ...result.extensions, cost: costExtension(this.cost, limits, contextValue.request.budget) };
  }
}
