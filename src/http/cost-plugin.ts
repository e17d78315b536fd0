import { ApiError } from '../common/errors';
import { rememberedOperationCost, tooCostly } from './cost';
import type { GraphqlContext } from './graphql-context';
import type { Limits } from '../config/limits';
import type { NetworkSizeSource } from './network-size';
import { type Budget, rateLimited, type RateLimiter } from './rate-limit';
import type { RequestPlugin } from './request-plugin';
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
  const operationCost = rememberedOperationCost(limits);
  return {
    requestDidStart() {
      // every request pays at least the point charged on arrival, whatever stops it
      let cost = 1;
      let isQuery = false;
      // one error for the request, thrown by every field that would resolve after the limit was passed
      const items = new ResponseItems(limits.maxResponseItems, () => tooManyItems(limits));
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // without an operation, execution fails before any resolver runs
          if (!operation) return;
          isQuery = operation.operation === 'query';
          cost = operationCost(schema, document, operation, request.variables, networkSize.current()) ?? cost;
          if (cost > limits.maxQueryCost) throw tooCostly(cost, limits);
          if (cost > 1 && !(await limiter.spend(contextValue.request, cost - 1))) {
            throw rateLimited(contextValue.request.budget!, cost);
          }
        },
        executionDidStart({ contextValue }) {
          if (isQuery) countResponseItems(contextValue, items);
        },
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const { stopped } = items;
          if (stopped) {
            contextValue.log.warn(
              { items: items.count, maxResponseItems: limits.maxResponseItems },
              'answer over the item limit refused',
            );
            const { message, extensions } = stopped;
            response.body.singleResult = { errors: [{ message, extensions }] };
            response.http.status = 400;
          }
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: costExtension(cost, limits, contextValue.request.budget) };
        },
      };
    },
  };
}
