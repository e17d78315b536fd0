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

/** Where in the JSON body a value stands for a number JSON cannot write: the test swaps it for `1e400` (Infinity). */
export const INFINITY = '__INFINITY__';

const UNKNOWN_ID = '00000000-0000-4000-8000-00000000ffff';
const cursor = (values: unknown[]) => Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');

/** A string under the 1 MB body limit once the rest of the request is added. */
const ONE_MEGABYTE = 'x'.repeat(1_000_000);

export interface HostileValue {
  label: string;
  value: unknown;
  /** Whether the value must be refused wherever it stands (it is never valid), naming its path. */
  refused: boolean;
}

const STRINGS: HostileValue[] = [
  { label: 'NUL', value: 'a\u0000b', refused: true },
  { label: 'control character', value: 'bell\u0007', refused: true },
  { label: 'lone surrogate', value: 'half \ud800 pair', refused: true },
  { label: '1 MB string', value: ONE_MEGABYTE, refused: true },
];

const CURSORS: HostileValue[] = [
  { label: 'garbage cursor', value: 'not a cursor', refused: true },
  { label: 'cursor with a bad id', value: cursor(['Wien', 'not-a-uuid']), refused: true },
  { label: 'cursor with NUL', value: cursor(['Wi\u0000en', UNKNOWN_ID]), refused: true },
  { label: 'cursor with a bad date', value: cursor(['0000-01-01', UNKNOWN_ID]), refused: false },
  { label: 'cursor with an object', value: cursor([{}, UNKNOWN_ID]), refused: true },
  { label: 'cursor of the wrong arity', value: cursor([1, 2, 3]), refused: true },
];

/** Hostile values for a value of `type` (a leaf), by the type and the argument or field name. */
function hostileValues(type: GraphQLInputType, name: string): HostileValue[] {
  const named = getNamedType(type);
  if (name === 'after') return [...CURSORS, ...STRINGS];
  switch (named.name) {
    case 'String':
    case 'ID':
      return STRINGS;
    case 'Date':
      return [
        { label: 'year 0', value: '0000-01-01', refused: true },
        { label: 'year 10000', value: '10000-01-01', refused: true },
        { label: 'NUL', value: '2020-01-0\u0000', refused: true },
      ];
    case 'DateTime':
      return [
        { label: 'year 0', value: '0000-01-01T00:00:00Z', refused: true },
        { label: 'year 10000', value: '9999-12-31T23:00:00-05:00', refused: true },
      ];
    case 'Float':
      return [
        { label: 'Infinity', value: INFINITY, refused: true },
        { label: 'NaN', value: 'NaN', refused: true },
      ];
    case 'Int':
      return [
        { label: 'Infinity', value: INFINITY, refused: true },
        ...(/year/i.test(name)
          ? [
              { label: 'year 0', value: 0, refused: false },
              { label: 'year 10000', value: 10000, refused: false },
            ]
          : []),
      ];
    case '_Any':
      return [
        { label: 'plain string', value: 'Member', refused: true },
        { label: 'unknown __typename', value: { __typename: 'Nope', id: UNKNOWN_ID }, refused: true },
        { label: 'no __typename', value: { id: UNKNOWN_ID }, refused: true },
        { label: 'no key field', value: { __typename: 'Member' }, refused: true },
        { label: 'object key field', value: { __typename: 'Member', id: { id: UNKNOWN_ID } }, refused: true },
        { label: 'NUL in key field', value: { __typename: 'Country', code: 'A\u0000' }, refused: true },
        { label: 'number as key field', value: { __typename: 'Country', code: 7 }, refused: true },
      ];
    default:
      return [];
  }
}

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

/** One character over the length of the column an input field is stored in (its `maxLength` extension). */
function overColumn(maxLength: unknown): HostileValue[] {
  if (typeof maxLength !== 'number') return [];
  return [{ label: `${maxLength + 1} characters, over its column`, value: 'x'.repeat(maxLength + 1), refused: true }];
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
