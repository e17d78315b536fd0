import {
  defaultFieldResolver,
  type GraphQLFieldResolver,
  getNullableType,
  type GraphQLSchema,
  isListType,
  isObjectType,
} from 'graphql';
import type { ApiError } from '../common/errors';

/**
 * The list items of one query's answer so far, against a maximum: once it is passed, every field that would resolve
 * after that throws `stopped` instead.
 */
export class ResponseItems {
  private items = 0;
  stopped: ApiError | null = null;

  constructor(
    private readonly max: number,
    private readonly tooMany: () => ApiError,
  ) {}

  get count(): number {
    return this.items;
  }

  /**
   * Counts a list field's result once it is complete: a promise when it settles, a list of promises when all have
   * (a rejection counts nothing, the field then fails).
   */
  add(result: unknown): unknown {
    if (isPromiseLike(result)) result.then((value) => this.add(value), noop);
    else if (Array.isArray(result)) {
      if (result.some(isPromiseLike)) Promise.all(result).then((values) => this.addList(values), noop);
      else this.addList(result);
    }
    return result;
  }

  private addList(list: unknown[]): void {
    this.items += list.length;
    if (this.items > this.max) this.stopped ??= this.tooMany();
  }
}

function noop(): void {}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

const ITEMS = Symbol('responseItems');
const counted = new WeakSet<GraphQLSchema>();

type Counted = { [ITEMS]?: ResponseItems };

/** Counts the list items of the request whose context this is, from now on (queries only: mutations answer in full). */
export function countResponseItems(contextValue: object, items: ResponseItems): void {
  (contextValue as Counted)[ITEMS] = items;
}

/**
 * Wraps every field of `schema` that has a resolver or is a list (once per schema object) so that a request counting
 * its items (above) stops at its maximum. This is the work Apollo Server's `willResolveField` hook did, without its per-field hook dispatch,
 * closures and promise chains: a field costs one property read when nothing is counted, and one call when it is.
 */
export function withResponseItemLimit(schema: GraphQLSchema): GraphQLSchema {
  if (counted.has(schema)) return schema;
  counted.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const list = isListType(getNullableType(field.type));
      // a field read from its parent does no work to stop, and a refused answer is replaced whole: only lists count
      if (!field.resolve && !list) continue;
      const resolve: GraphQLFieldResolver<unknown, Counted> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, contextValue, info) => {
        const items = contextValue?.[ITEMS];
        if (!items) return resolve(source, args, contextValue, info);
        if (items.stopped) throw items.stopped;
        const result = resolve(source, args, contextValue, info);
        return list ? items.add(result) : result;
      };
    }
  }
  return schema;
}
