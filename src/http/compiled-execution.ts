import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import {
  type DocumentNode,
  execute,
  type ExecutionResult,
  getVariableValues,
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  type ValueNode,
  visit,
} from 'graphql';
import { type CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';

type Gateway = ApolloServerOptionsWithGateway<object>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;
type RequestContext = Parameters<Executor>[0];

/**
 * A compiled query, or null for an operation that graphql-js executes: a mutation (graphql-jit runs the mutation
 * fields after a failed non-null one, where graphql-js stops; they are few and their answers small), a query that
 * could not be compiled, or one that puts variables inside a literal list or object (`{ name: $name }`), which
 * graphql-jit fills with null where graphql-js leaves an unsent variable's field out.
 */
type Compiled = CompiledQuery | null;

/**
 * Compiled operations by the document Apollo Server parsed and validated, and the operation's name: Apollo keeps one
 * document object per query text in its bounded document store, so this holds as many as that store does and lets
 * go of what it evicts.
 */
const compiledByDocument = new WeakMap<DocumentNode, Map<string, Compiled>>();

function nestsVariable(value: ValueNode): boolean {
  if (value.kind === Kind.LIST) return value.values.some((item) => item.kind === Kind.VARIABLE || nestsVariable(item));
  if (value.kind === Kind.OBJECT) {
    return value.fields.some((field) => field.value.kind === Kind.VARIABLE || nestsVariable(field.value));
  }
  return false;
}

function variablesInLiterals(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    Argument(node) {
      if (nestsVariable(node.value)) found = true;
    },
  });
  return found;
}

function compiledFor(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): Compiled {
  if (operation.operation !== 'query') return null;
  const operationName = operation.name?.value;
  let byName = compiledByDocument.get(document);
  if (!byName) compiledByDocument.set(document, (byName = new Map()));
  const key = operationName ?? '';
  let compiled = byName.get(key);
  if (compiled === undefined) {
    const result = variablesInLiterals(document) ? null : compileQuery(schema, document, operationName);
    compiled = result && isCompiledQuery(result) ? result : null;
    byName.set(key, compiled);
  }
  return compiled;
}

/**
 * A field error as graphql-js reports it: a GraphQLError whose extensions and original error are the resolver's, or
 * the resolver's own error when it already carried a path. graphql-jit's errors are of a class of its own whose
 * extensions are missing when the original error has none, which Apollo Server's error formatting does not expect.
 */
function asGraphqlJsError(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (original instanceof GraphQLError && original.path) return original;
  const located = new GraphQLError(error.message, {
    path: error.path,
    originalError: original instanceof Error ? original : undefined,
  });
  return Object.assign(located, { locations: error.locations });
}

/** What one execution of an operation needs: the document as validated and the request's values. */
export interface Execution {
  document: DocumentNode;
  /** The operation Apollo Server resolved; absent when it could not (graphql-js then reports why). */
  operation?: OperationDefinitionNode;
  operationName?: string | null;
  variables?: Record<string, unknown>;
  /** The caller coerced the variables already and found them valid (./direct-queries.ts does, to hand over early). */
  variablesValid?: boolean;
  context: object;
}

function runGraphqlJs(schema: GraphQLSchema, { document, operationName, variables, context }: Execution) {
  return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
}

/** Executes a validated operation: graphql-jit where it can, graphql-js otherwise, with graphql-js's answers. */
export async function executeOperation(schema: GraphQLSchema, execution: Execution): Promise<ExecutionResult> {
  const { document, operation, context } = execution;
  const compiled = operation ? compiledFor(schema, document, operation) : null;
  if (!operation || !compiled) return runGraphqlJs(schema, execution);
  const variables = execution.variables ?? {};
  // graphql-js's coercion decides, with its messages (Apollo reports them as BAD_USER_INPUT, naming the field)
  if (!execution.variablesValid) {
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 50 });
    if (coerced.errors) return { errors: coerced.errors };
  }
  const result = await compiled.query(undefined, context, variables);
  // graphql-jit refused variables graphql-js accepted: nothing has run yet, so graphql-js runs the operation
  if (!('data' in result)) return runGraphqlJs(schema, execution);
  return result.errors ? { ...result, errors: result.errors.map(asGraphqlJsError) } : result;
}

function run(schema: GraphQLSchema, { document, operation, request, context }: RequestContext) {
  return executeOperation(schema, {
    document,
    operation: operation as OperationDefinitionNode | undefined,
    operationName: request.operationName,
    variables: request.variables,
    context,
  });
}

/**
 * Serves `schema` to Apollo Server through its gateway interface, the one way it takes an executor of our own:
 * Apollo still parses, validates (both cached per query text), runs every plugin hook and formats errors; the
 * operation is executed by graphql-jit, compiled once per document into JavaScript, so a field of a row costs what
 * the compiled code does instead of graphql-js's per-field work (argument objects, path and info objects, promise
 * bookkeeping). Answers, errors and their paths are graphql-js's.
 */
export function compiledSchemaGateway(schema: GraphQLSchema): Gateway {
  let loaded: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | undefined;
  return {
    onSchemaLoadOrUpdate(callback) {
      loaded = callback;
      return () => {
        loaded = undefined;
      };
    },
    async load() {
      loaded?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return { executor: (requestContext) => run(schema, requestContext) };
    },
    async stop() {},
  };
}
