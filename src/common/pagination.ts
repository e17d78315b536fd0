import { ArgsType, Field, Int } from 'type-graphql';
import { MAX_STRING_LENGTH } from '../config/limits';
import { UserInputError } from './errors';
import { isDateInRange } from './scalars';
import { MAX_LIST_ITEMS } from '../config/limits';
import { isUuid, textProblem } from './validation';

export const DEFAULT_PAGE_SIZE = 20;

/** The values a row is sorted by, ending with its id: keyset pagination continues strictly after them. */
export type CursorValues = (string | number)[];

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from 1 to ${MAX_LIST_ITEMS}.`,
  })
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'Continue after this cursor (a `pageInfo.endCursor`).' })
  after?: string | null;
}

export interface PageRequest {
  first: number;
  after: CursorValues | null;
}

export function encodeCursor(values: CursorValues): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(field: string, cursor: string, arity: number): CursorValues {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) &&
    values.length === arity &&
    values.every((value) => typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)));
  if (!valid) throw notACursor(field);
  return values as CursorValues;
}

function notACursor(field: string): UserInputError {
  return new UserInputError(field, 'is not a cursor returned by this list (use pageInfo.endCursor)');
}

/** The SQL types a list may sort by, and so compare a cursor's first value as. */
export type CursorValueType = 'text' | 'integer' | 'double precision' | 'date' | 'timestamptz';

const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

const FITS: Record<CursorValueType, (value: string | number) => boolean> = {
  text: (value) => typeof value === 'string' && textProblem(value, MAX_STRING_LENGTH) === null,
  integer: (value) => Number.isInteger(value) && Math.abs(value as number) <= 2_147_483_647,
  'double precision': (value) => typeof value === 'number' && Number.isFinite(value),
  // rows without a date sort by the sentinels infinity and -infinity (nullableDateKey)
  date: (value) => typeof value === 'string' && (/^-?infinity$/.test(value) || isDateInRange(value)),
  timestamptz: (value) => typeof value === 'string' && ISO_TIMESTAMP.test(value) && !isNaN(Date.parse(value)),
};

/**
 * A cursor's sort value and id as bindings for `(?::type, ?::uuid)`, checked against the SQL types first: a tampered
 * cursor, or one from a list sorted by something else, is BAD_USER_INPUT `after`, never a failed cast in PostgreSQL.
 */
export function cursorBindings(after: CursorValues, type: CursorValueType): [string | number, string] {
  const [value, id] = after;
  if (!FITS[type](value) || typeof id !== 'string' || !isUuid(id)) throw notACursor('after');
  return [value, id];
}

/** Validates `first`/`after`; `arity` is how many values the list's cursors hold. */
export function pageRequest(args: PageArgs, arity: number): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_LIST_ITEMS) {
    throw new UserInputError('first', `must be from 1 to ${MAX_LIST_ITEMS}, got ${first}`);
  }
  return { first, after: args.after ? decodeCursor('after', args.after, arity) : null };
}

/** One page of a list: the rows, a cursor per row, whether more follow, and the total (counted lazily, or read with the page). */
export class Page<T> {
  readonly nodes: T[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;

  constructor(
    rowsFetched: T[],
    request: PageRequest,
    private readonly cursorOf: (node: T) => CursorValues,
    readonly totalCount: () => number | Promise<number>,
  ) {
    this.hasNextPage = rowsFetched.length > request.first;
    this.hasPreviousPage = request.after !== null;
    this.nodes = rowsFetched.slice(0, request.first);
  }

  cursor(node: T): string {
    return encodeCursor(this.cursorOf(node));
  }
}
