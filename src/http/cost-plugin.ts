import type { ApolloServerPlugin } from '@apollo/server';
import { operationCost, tooCostly } from './cost';
import type { GraphqlContext } from './graphql-context';
import type { Limits } from './limits';
import { rateLimited, type RateLimiter } from './rate-limit';

/**
 * Counts each operation's cost before it runs: over the per-operation maximum it is refused as
 * GRAPHQL_VALIDATION_FAILED, over the caller's remaining budget as RATE_LIMITED; neither runs a resolver. Every answer
 * reports the cost and the budget in `extensions.cost`, as GitHub's and Shopify's APIs do.
 */
export function costPlugin(limiter: RateLimiter, limits: Limits): ApolloServerPlugin<GraphqlContext> {
  return {
    async requestDidStart() {
      // every request pays at least the point charged on arrival, whatever stops it
      let cost = 1;
      return {
        async didResolveOperation({ schema, document, operation, request, contextValue }) {
          // without an operation, execution fails before any resolver runs
          if (!operation) return;
          cost = operationCost(schema, document, operation, request.variables, limits) ?? cost;
          if (cost > limits.maxQueryCost) throw tooCostly(cost, limits);
          if (cost > 1 && !(await limiter.spend(contextValue.request, cost - 1))) {
            throw rateLimited(contextValue.request.budget!, cost);
          }
        },
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single') return;
          const budget = contextValue.request.budget;
          const result = response.body.singleResult;
          result.extensions = {
            ...result.extensions,
            cost: {
              requestedQueryCost: cost,
              maximumQueryCost: limits.maxQueryCost,
              maximumAvailable: budget?.limit ?? null,
              currentlyAvailable: budget?.remaining ?? null,
              resetInSeconds: budget?.resetSeconds ?? null,
            },
          };
        },
      };
    },
  };
}
