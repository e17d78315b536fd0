import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { hostileValues, type HostileValue, overColumn, UNKNOWN_ID } from './hostile-values';

/** A plain valid-looking value of `type`, for the positions not under attack (none for nullable ones). */
function filler(type: GraphQLInputType, name: string): unknown {
  return isNonNullType(type) ? plain(type.ofType, name) : undefined;
}

function plain(type: GraphQLInputType, name: string): unknown {
  if (isNonNullType(type)) return plain(type.ofType, name);
  if (isListType(type)) return [plain(type.ofType, name)];
  if (isInputObjectType(type)) return requiredFields(type.getFields());
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'ID':
      return UNKNOWN_ID;
    case 'Int':
      return /year/i.test(name) ? 2020 : 1;
    case 'Float':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2020-01-01';
    case 'DateTime':
      return '2020-01-01T00:00:00Z';
    case '_Any':
      return { __typename: 'Member', id: UNKNOWN_ID };
    default:
      return 'AT';
  }
}

function requiredFields(fields: Record<string, { type: GraphQLInputType; defaultValue?: unknown }>) {
  const value: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (isNonNullType(field.type) && field.defaultValue === undefined) value[name] = filler(field.type, name);
  }
  return value;
}

export interface Placement {
  /** The value with the hostile one at `path`. */
  value: unknown;
  /** The input path, as errors name it: `input.records[0].notationExplanation`. */
  path: string;
  hostile: HostileValue;
}

/** Every placement of a hostile value inside a value of `type`, with required neighbours filled in. */
function placements(
  type: GraphQLInputType,
  name: string,
  path: string,
  seen: Set<string>,
  maxLength?: unknown,
): Placement[] {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    return placements(inner.ofType, name, `${path}[0]`, seen, maxLength).map((placement) => ({
      ...placement,
      value: [placement.value],
    }));
  }
  if (isInputObjectType(inner)) {
    if (seen.has(inner.name)) return [];
    const fields = inner.getFields();
    const base = requiredFields(fields);
    return Object.values(fields).flatMap((field) =>
      placements(
        field.type,
        field.name,
        `${path}.${field.name}`,
        new Set([...seen, inner.name]),
        field.extensions.maxLength,
      ).map((placement) => ({
        ...placement,
        value: { ...base, [field.name]: placement.value },
      })),
    );
  }
  if (!isLeafType(inner) || (isScalarType(inner) && inner.name === 'Boolean')) return [];
  const values = [...hostileValues(inner, name), ...(isScalarType(inner) ? overColumn(maxLength) : [])];
  return values.map((hostile) => ({ value: hostile.value, path, hostile }));
}

export interface HostileCase {
  name: string;
  operation: 'query' | 'mutation';
  field: string;
  document: string;
  variables: Record<string, unknown>;
  path: string;
  hostile: HostileValue;
}

function typeName(type: GraphQLInputType): string {
  return String(type);
}

function selection(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
}

/** One case per root field, argument position and hostile value, for every Query and Mutation field of `schema`. */
export function hostileCases(schema: GraphQLSchema): HostileCase[] {
  const cases: HostileCase[] = [];
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    const operation = root === schema.getMutationType() ? 'mutation' : 'query';
    for (const field of Object.values(root.getFields())) {
      const args: readonly GraphQLArgument[] = field.args;
      if (!args.length) continue;
      const declarations = args.map((arg) => `$${arg.name}: ${typeName(arg.type)}`).join(', ');
      const uses = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const document = `${operation} Hostile(${declarations}) { ${field.name}(${uses}) ${selection(field)} }`;
      const fillers = Object.fromEntries(args.map((arg) => [arg.name, filler(arg.type, arg.name)]));
      for (const arg of args) {
        for (const placement of placements(arg.type, arg.name, arg.name, new Set())) {
          cases.push({
            name: `${field.name} ${placement.path}: ${placement.hostile.label}`,
            operation,
            field: field.name,
            document,
            variables: { ...fillers, [arg.name]: placement.value },
            path: placement.path,
            hostile: placement.hostile,
          });
        }
      }
    }
  }
  return cases;
}
