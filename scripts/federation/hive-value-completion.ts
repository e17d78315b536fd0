import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';

/** graphql-js's message when a resolved value leaves a non-null field without a value. */
const NULL_COMPLETION = /^Cannot return null for non-nullable field [^ ]+\.$/;

/** Whether the gateway's own execution raised the error while completing a value (not a subgraph, not a resolver). */
function isValueCompletionError(error: GraphQLError): boolean {
  return (
    error.originalError !== undefined &&
    !(error.originalError instanceof GraphQLError) &&
    NULL_COMPLETION.test(error.originalError.message)
  );
}

function movedToValueCompletion(result: ExecutionResult): ExecutionResult {
  const completion = result.errors?.filter(isValueCompletionError) ?? [];
  if (!completion.length) return result;
  const errors = result.errors!.filter((error) => !isValueCompletionError(error));
  return {
    ...result,
    errors: errors.length ? errors : undefined,
    extensions: {
      ...result.extensions,
      valueCompletion: completion.map((error) => ({
        message: error.message,
        path: error.path,
        extensions: { code: 'INVALID_GRAPHQL' },
      })),
    },
  };
}

/**
 * Reports what Apollo Gateway reports in `extensions.valueCompletion`, not as errors: a non-null field left without a
 * value because an entity resolved to null (an unknown id, a project the caller may not see), which nulls the
 * nearest nullable parent. Hive Gateway would otherwise list each one in `errors`, masked as "Unexpected error.".
 * It wraps the execute function, so it runs before any plugin that looks at the result (error masking included).
 */
export function useValueCompletionLikeApolloGateway(): GatewayPlugin {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const result = await executeFn(args);
        return Symbol.asyncIterator in result ? result : movedToValueCompletion(result);
      });
    },
  };
}
