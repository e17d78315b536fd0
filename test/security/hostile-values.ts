import { type GraphQLInputType, getNamedType } from 'graphql';

/** Where in the JSON body a value stands for a number JSON cannot write: the test swaps it for `1e400` (Infinity). */
export const INFINITY = '__INFINITY__';

export const UNKNOWN_ID = '00000000-0000-4000-8000-00000000ffff';
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
export function hostileValues(type: GraphQLInputType, name: string): HostileValue[] {
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

/** One character over the length of the column an input field is stored in (its `maxLength` extension). */
export function overColumn(maxLength: unknown): HostileValue[] {
  if (typeof maxLength !== 'number') return [];
  return [{ label: `${maxLength + 1} characters, over its column`, value: 'x'.repeat(maxLength + 1), refused: true }];
}
