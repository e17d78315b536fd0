import { ArgsType, Field, Int } from 'type-graphql';
import { UserInputError } from './errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The values a row is sorted by, ending with its id: keyset pagination continues strictly after them. */
export type CursorValues = (string | number)[];

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_PAGE_SIZE,
    description: `How many items to return, from 1 to ${MAX_PAGE_SIZE}.`,
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
  if (!valid) throw new UserInputError(field, 'is not a cursor returned by this list (use pageInfo.endCursor)');
  return values as CursorValues;
}

/** Validates `first`/`after`; `arity` is how many values the list's cursors hold. */
export function pageRequest(args: PageArgs, arity: number): PageRequest {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new UserInputError('first', `must be from 1 to ${MAX_PAGE_SIZE}, got ${first}`);
  }
  return { first, after: args.after ? decodeCursor('after', args.after, arity) : null };
}

/** One page of a list: the rows, a cursor per row, whether more follow, and a lazily counted total. */
export class Page<T> {
  readonly nodes: T[];
  readonly hasNextPage: boolean;
  readonly hasPreviousPage: boolean;

  constructor(
    rowsFetched: T[],
    request: PageRequest,
    private readonly cursorOf: (node: T) => CursorValues,
    readonly totalCount: () => Promise<number>,
  ) {
    this.hasNextPage = rowsFetched.length > request.first;
    this.hasPreviousPage = request.after !== null;
    this.nodes = rowsFetched.slice(0, request.first);
  }

  cursor(node: T): string {
    return encodeCursor(this.cursorOf(node));
  }
}
