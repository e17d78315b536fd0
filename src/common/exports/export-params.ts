import { getMetadataStorage, ID, Int } from 'type-graphql';
import { UserInputError } from '../errors';
import { requireMaxItems } from '../validation';

type QueryValue = string | string[] | undefined;

/** What a query parameter holds: a list of free values, a list of one enum's values, or a four-digit year. */
export type ParameterKind =
  { kind: 'textList' } | { kind: 'enumList'; values: Record<string, string> } | { kind: 'year' };

export type ParameterSpec = Record<string, ParameterKind>;
export type ExportParameters = Record<string, string[] | number | undefined>;

export const TEXT_LIST: ParameterKind = { kind: 'textList' };
export const YEAR: ParameterKind = { kind: 'year' };
export const enumList = (values: Record<string, string>): ParameterKind => ({ kind: 'enumList', values });

/** The parameter that chooses the format; every export takes it besides its own. */
export const FORMAT_PARAMETER = 'format';

/** `a,b` or repeated `x=a&x=b` → ['a', 'b']. */
function list(field: string, value: QueryValue): string[] {
  const items = (Array.isArray(value) ? value : [value ?? ''])
    .flatMap((item) => item.split(','))
    .map((item) => item.trim())
    .filter(Boolean);
  requireMaxItems(field, items);
  return items;
}

function year(field: string, value: QueryValue): number {
  const text = Array.isArray(value) ? value.join(',') : (value ?? '');
  if (!/^\d{4}$/.test(text)) throw new UserInputError(field, `must be a four-digit year, got "${text}"`);
  return Number(text);
}

function enumValues(field: string, value: QueryValue, values: Record<string, string>): string[] {
  const allowed = Object.values(values);
  return list(field, value).map((item, index) => {
    if (!allowed.includes(item)) {
      throw new UserInputError(`${field}[${index}]`, `"${item}" is not one of ${allowed.join(', ')}`);
    }
    return item;
  });
}

/** An export's query string (less `format`) read by its spec; field paths name the query parameter. */
export function exportParameters(query: Record<string, QueryValue>, spec: ParameterSpec): ExportParameters {
  const parameters: ExportParameters = {};
  const known = Object.keys(spec);
  for (const [name, value] of Object.entries(query)) {
    if (name === FORMAT_PARAMETER) continue;
    const parameter = spec[name];
    if (!parameter) {
      throw new UserInputError(name, `unknown query parameter; use ${[...known, FORMAT_PARAMETER].join(', ')}`);
    }
    if (parameter.kind === 'year') parameters[name] = year(name, value);
    else if (parameter.kind === 'textList') parameters[name] = list(name, value);
    else parameters[name] = enumValues(name, value, parameter.values);
  }
  return parameters;
}

/**
 * The query parameters that stand for a GraphQL filter input's fields (all of them, or `fields` in that order), read
 * from its type-graphql definition so the export and the API accept the same conditions: a list of IDs or strings is
 * a text list, a list of enum values an enum list, and a whole number a year (the filters' only whole numbers).
 */
export function filterParameters<T>(filter: new () => T, fields?: readonly (keyof T & string)[]): ParameterSpec {
  const storage = getMetadataStorage();
  const declared = storage.fields.filter((field) => field.target === filter);
  const isEnum = (type: unknown) => storage.enums.some((registered) => registered.enumObj === type);
  const chosen = fields ? fields.map((name) => declared.find((field) => field.name === name)!) : declared;
  return Object.fromEntries(
    chosen.map((field) => {
      const type: unknown = field.getType();
      const list = field.typeOptions.array === true;
      if (list && (type === String || type === ID)) return [field.name, TEXT_LIST];
      if (list && isEnum(type)) return [field.name, enumList(type as Record<string, string>)];
      if (!list && type === Int) return [field.name, YEAR];
      throw new Error(`${filter.name}.${field.name} has no query-parameter form`);
    }),
  );
}
