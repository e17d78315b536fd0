import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import {
  type ASTNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type FieldNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getArgumentValues,
  getVariableValues,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { ApiError, UserInputError } from '../common/errors';
import { textProblem } from '../common/validation';
import { representationProblem } from './entity-representations';
import type { GraphqlContext } from './graphql-context';
import { MAX_LIST_ARGUMENT_ITEMS, MAX_STRING_LENGTH } from './limits';

/** A field of the operation (or of a fragment it may use) that is given arguments. */
interface ArgumentSite {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/** The argument sites of each operation, found once per parsed document (Apollo Server keeps parsed documents). */
const sitesByOperation = new WeakMap<OperationDefinitionNode, ArgumentSite[]>();

/** The operation and the fragments it spreads, directly or through other fragments. */
function usedDefinitions(document: DocumentNode, operation: OperationDefinitionNode): ASTNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const used: ASTNode[] = [operation];
  const spread = new Set<string>();
  for (let index = 0; index < used.length; index++) {
    visit(used[index], {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !spread.has(fragment.name.value)) {
          spread.add(fragment.name.value);
          used.push(fragment);
        }
      },
    });
  }
  return used;
}

function argumentSites(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode) {
  let sites = sitesByOperation.get(operation);
  if (sites) return sites;
  const found: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const field = typeInfo.getFieldDef();
      if (field && node.arguments?.length) found.push({ field, node });
    },
  });
  for (const definition of usedDefinitions(document, operation)) visit(definition, visitor);
  sites = found;
  sitesByOperation.set(operation, sites);
  return sites;
}

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
    if (!countedByCost && value.length > MAX_LIST_ARGUMENT_ITEMS) {
      throw new UserInputError(path, `at most ${MAX_LIST_ARGUMENT_ITEMS} entries are allowed, got ${value.length}`);
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
      const values = getArgumentValues(field, node, variables.coerced);
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

/**
 * The GraphQL boundary: before any resolver runs, every argument value of the operation (literals and variables,
 * through input objects and lists, on every field) is checked against its schema type. Strings (String, ID, and
 * custom scalars that stay strings) hold no control characters but tab, newline and carriage return, no lone
 * surrogates, and at most MAX_STRING_LENGTH characters, or their column's length; lists at most
 * MAX_LIST_ARGUMENT_ITEMS entries (not `_entities` representations, which the cost counts); each representation has
 * the shape of an entity. The first problem answers for the whole operation, which then does not run (nothing is
 * written): `data: null` and one BAD_USER_INPUT naming its input path, e.g. `input.records[3].notationExplanation`,
 * as a resolver's own check would.
 */
export const inputBoundary: ApolloServerPlugin<GraphqlContext> = {
  async requestDidStart() {
    return {
      async responseForOperation({ schema, document, operation, request }) {
        const problem = boundaryProblem(schema, document, operation, request.variables);
        if (!problem) return null;
        return {
          http: { status: undefined, headers: new HeaderMap() },
          body: { kind: 'single', singleResult: { data: null, errors: [problem.toJSON()] } },
        };
      },
    };
  },
};
