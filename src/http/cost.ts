import {
  type ComplexityEstimator,
  type ComplexityEstimatorArgs,
  fieldExtensionsEstimator,
  getComplexity,
} from 'graphql-query-complexity';
import {
  type DocumentNode,
  type GraphQLSchema,
  getNullableType,
  getVariableValues,
  GraphQLError,
  isLeafType,
  isListType,
  Kind,
  type OperationDefinitionNode,
  getNamedType,
} from 'graphql';
import { ApiError } from '../common/errors';
import { DEFAULT_PAGE_SIZE } from '../common/pagination';
import type { Limits } from '../config/limits';
import { listSize, ROWS_PER_COST_POINT } from './list-sizes';
import type { NetworkSize } from './network-size';
import { MAX_VARIABLES_KEY_LENGTH, variablesKey } from './variables-key';

/** graphql-query-complexity's message when an operation has more selections than `maxQueryNodes`. */
const TOO_MANY_NODES = 'Query exceeds the maximum allowed number of nodes.';

function isIntrospection({ type, field }: ComplexityEstimatorArgs): boolean {
  return field.name.startsWith('__') || type.name.startsWith('__');
}

/** A Relay connection type: its lists (edges, nodes) hold one page, which the field returning it already counts. */
function isConnection(type: ComplexityEstimatorArgs['type']): boolean {
  return 'getFields' in type && 'pageInfo' in type.getFields();
}

/** The items of every list inside a mutation's arguments (records, populations, ...): the rows it writes. */
export function inputRows(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((rows: number, item) => rows + 1 + inputRows(item), 0);
  if (value === null || typeof value !== 'object') return 0;
  return Object.values(value).reduce((rows: number, item) => rows + inputRows(item), 0);
}

/**
 * The cost of one field when it does not declare its own (type-graphql's `complexity` option):
 * - a scalar or enum (or a list of them) costs 0, an object 1 plus its selection;
 * - a field with a `first` argument (a connection) costs 1 + first × the cost of one item of its page (edges or
 *   nodes, 1 plus the item's selection), first defaulting to 20;
 * - another list of objects costs 1 + its most items (list-sizes.ts; `assumedListSize` for a field not listed
 *   there) × (1 + the item's selection), so every row a response can hold is paid for; an aggregate's most items
 *   are the product of its dimensions' sizes in the data (`size`), and it pays a point more for every
 *   ROWS_PER_COST_POINT maintained rows it reads;
 * - a mutation field costs `mutationCost` + `mutationRowCost` for each item of the lists in its arguments, plus its
 *   selection, so a write is priced by the rows it writes;
 * - `_entities` (federation) costs 1 + its selection for every representation it is given;
 * - introspection costs nothing (it is off in production).
 */
function defaultEstimator(schema: GraphQLSchema, limits: Limits, size: NetworkSize): ComplexityEstimator {
  const mutationType = schema.getMutationType();
  return (args) => {
    const { field, type, childComplexity } = args;
    if (isIntrospection(args)) return 0;
    if (type === mutationType) {
      return limits.mutationCost + limits.mutationRowCost * inputRows(args.args) + childComplexity;
    }
    if (isConnection(type)) return (isListType(getNullableType(field.type)) ? 1 : 0) + childComplexity;
    if (type.name === 'Query' && field.name === '_entities') {
      const representations: unknown = args.args.representations;
      return (Array.isArray(representations) ? representations.length : 0) * (1 + childComplexity);
    }
    if (field.args.some((arg) => arg.name === 'first')) {
      const first: unknown = args.args.first;
      return 1 + (typeof first === 'number' ? Math.max(first, 0) : DEFAULT_PAGE_SIZE) * childComplexity;
    }
    if (isLeafType(getNamedType(field.type))) return 0;
    if (isListType(getNullableType(field.type))) {
      const { items, scannedRows } = listSize(`${type.name}.${field.name}`, args.args, limits.assumedListSize, size);
      return 1 + items * (1 + childComplexity) + Math.floor(scannedRows / ROWS_PER_COST_POINT);
    }
    return 1 + childComplexity;
  };
}

/** The operation alone with the fragments it may use, so the cost is counted for it and no other operation. */
function onlyOperation(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  const fragments = document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
}

function rejected(message: string, extensions: Record<string, unknown> = {}): ApiError {
  return new ApiError('GRAPHQL_VALIDATION_FAILED', message, { ...extensions, http: { status: 400 } });
}

/**
 * The cost of an operation with its variables, counted before it runs, for a network of `size`. Throws
 * GRAPHQL_VALIDATION_FAILED when the operation selects more than `maxSelections` fields (after expanding fragments),
 * BAD_USER_INPUT when an aggregate could return more groups than it may. Returns null when the variables or
 * argument values do not fit the operation: execution or the input boundary then refuses them before any resolver runs.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  limits: Limits,
  size: NetworkSize,
): number | null {
  try {
    return getComplexity({
      schema,
      query: onlyOperation(document, operation),
      variables,
      estimators: [fieldExtensionsEstimator(), defaultEstimator(schema, limits, size)],
      maxQueryNodes: limits.maxSelections,
    });
  } catch (error) {
    if (error instanceof Error && error.message === TOO_MANY_NODES) {
      throw rejected(
        `The operation selects more than ${limits.maxSelections} fields (counting every use of a fragment and ` +
          'every duplicate); select fewer fields',
      );
    }
    if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return null;
    // graphql-js's getArgumentValues: null sent for a non-null argument (the input boundary refuses it)
    if (error instanceof GraphQLError && error.message.startsWith('Argument "')) return null;
    throw error;
  }
}

/** Variable sets remembered per operation. */
const MAX_VARIABLE_SETS = 64;

/**
 * operationCost, remembered per operation, variables and network size: Apollo Server keeps one parsed document per
 * query text, so a dashboard sending the same query again is not walked again until the size is read again. One per
 * server, since the cost depends on its limits.
 */
export function rememberedOperationCost(
  limits: Limits,
): (
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  size: NetworkSize,
) => number | null {
  const costs = new WeakMap<OperationDefinitionNode, Map<string, { size: NetworkSize; cost: number | null }>>();
  return (schema, document, operation, variables, size) => {
    const key = variablesKey(variables);
    if (key.length > MAX_VARIABLES_KEY_LENGTH)
      return operationCost(schema, document, operation, variables, limits, size);
    let byVariables = costs.get(operation);
    if (!byVariables) costs.set(operation, (byVariables = new Map()));
    const known = byVariables.get(key);
    if (known?.size === size) return known.cost;
    const cost = operationCost(schema, document, operation, variables, limits, size);
    if (!known && byVariables.size >= MAX_VARIABLE_SETS) byVariables.delete(byVariables.keys().next().value!);
    byVariables.set(key, { size, cost });
    return cost;
  };
}

/** The error for an operation that costs more than one operation may. */
export function tooCostly(cost: number, limits: Limits): ApiError {
  return rejected(
    `The operation costs ${cost} points, more than the ${limits.maxQueryCost} one operation may cost; ` +
      'ask for fewer items (a smaller first) or fewer nested lists',
  );
}
