import { HeaderMap } from '@apollo/server';
import {
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  getArgumentValues,
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type OperationDefinitionNode,
} from 'graphql';
import { ApiError, UserInputError } from '../common/errors';
import { textProblem } from '../common/validation';
import { argumentSites } from './argument-sites';
import { representationProblem } from './entity-representations';
import type { GraphqlContext } from './graphql-context';
import { MAX_LIST_ITEMS, MAX_STRING_LENGTH } from '../config/limits';
import { MAX_VARIABLES_KEY_LENGTH, variablesKey } from './variables-key';
import type { RequestListener, RequestPlugin } from './request-plugin';

/** Checks one argument value against its type, throwing for the first problem with its input path. */
function check(
  schema: GraphQLSchema,
  type: GraphQLInputType,
  value: unknown,
  path: string,
  maxLength: number,
  countedByCost: boolean,
): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return check(schema, type.ofType, value, path, maxLength, countedByCost);
  if (isListType(type)) {
    if (!Array.isArray(value)) return check(schema, type.ofType, value, path, maxLength, countedByCost);
    if (!countedByCost && value.length > MAX_LIST_ITEMS) {
      throw new UserInputError(path, `at most ${MAX_LIST_ITEMS} entries are allowed, got ${value.length}`);
    }
    value.forEach((item, index) => check(schema, type.ofType, item, `${path}[${index}]`, maxLength, countedByCost));
  } else if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
      const field = fields[name];
      const fieldMax = typeof field?.extensions.maxLength === 'number' ? field.extensions.maxLength : MAX_STRING_LENGTH;
      if (field) check(schema, field.type, item, `${path}.${name}`, fieldMax, false);
    }
  } else if (isScalarType(type) && type.name === '_Any') {
    const problem = representationProblem(schema, value);
    if (problem) throw new UserInputError(path, problem);
  } else if (typeof value === 'string') {
    const problem = textProblem(value, maxLength);
    if (problem) throw new UserInputError(path, problem);
  }
}

/** The first problem with the operation's argument values, or null. */
function boundaryProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): ApiError | null {
  const variables = getVariableValues(schema, operation.variableDefinitions ?? [], rawVariables ?? {});
  // variables that do not fit their types are refused by execution, before any resolver runs
  if (!variables.coerced) return null;
  try {
    for (const { field, node } of argumentSites(schema, document, operation)) {
      let values: Record<string, unknown>;
      try {
        values = getArgumentValues(field, node, variables.coerced);
      } catch (error) {
        // validation leaves one way here: null in a nullable variable given to a non-null argument
        const argument = /^Argument "([^"]+)"/.exec((error as Error).message)?.[1] ?? field.name;
        return new UserInputError(argument, (error as Error).message);
      }
      const countedByCost = field.name === '_entities';
      for (const argument of field.args) {
        check(schema, argument.type, values[argument.name], argument.name, MAX_STRING_LENGTH, countedByCost);
      }
    }
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  return null;
}

/** Variable sets remembered per operation as passing the boundary. */
const MAX_PASSING_VARIABLE_SETS = 64;

/**
 * The variables (as JSON, ./variables-key.ts) with which each operation passed the boundary: the check depends on the
 * document and the variables only, so a dashboard sending the same query again is not walked again. Only passes are
 * remembered: a refusal is rare and answered at once.
 */
const passing = new WeakMap<OperationDefinitionNode, Set<string>>();

function rememberedBoundaryProblem(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  rawVariables: Record<string, unknown> | undefined,
): ApiError | null {
  const key = variablesKey(rawVariables);
  if (key.length > MAX_VARIABLES_KEY_LENGTH) return boundaryProblem(schema, document, operation, rawVariables);
  let passed = passing.get(operation);
  if (passed?.has(key)) return null;
  const problem = boundaryProblem(schema, document, operation, rawVariables);
  if (problem) return problem;
  if (!passed) passing.set(operation, (passed = new Set()));
  if (passed.size >= MAX_PASSING_VARIABLE_SETS) passed.delete(passed.values().next().value!);
  passed.add(key);
  return null;
}

/** Its listener holds no state of a request: one for all of them. */
const boundaryListener: RequestListener<GraphqlContext> = {
  responseForOperation({ schema, document, operation, request }) {
    // an operation name the document lacks leaves no operation: execution answers that mistake to the caller
    if (!operation) return null;
    const problem = rememberedBoundaryProblem(schema, document, operation, request.variables);
    if (!problem) return null;
    return {
      http: { status: undefined, headers: new HeaderMap() },
      body: { kind: 'single', singleResult: { data: null, errors: [problem.toJSON()] } },
    };
  },
};

/**
 * The GraphQL boundary: before any resolver runs, every argument value of the operation (literals and variables,
 * through input objects and lists, on every field) is checked against its schema type. Strings (String, ID, and
 * custom scalars that stay strings) hold no control characters but tab, newline and carriage return, no lone
 * surrogates, and at most MAX_STRING_LENGTH characters, or their column's length; lists at most
 * MAX_LIST_ITEMS entries (not `_entities` representations, which the cost counts); each representation has
 * the shape of an entity. The first problem answers for the whole operation, which then does not run (nothing is
 * written): `data: null` and one BAD_USER_INPUT naming its input path, e.g. `input.records[3].notationExplanation`,
 * as a resolver's own check would.
 */
export const inputBoundary: RequestPlugin<GraphqlContext> = {
  requestDidStart() {
    return boundaryListener;
  },
};
