import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext, GraphQLRequestListener } from '@apollo/server';

type MaybePromise<T> = T | Promise<T>;

/** An Apollo Server hook that may also answer at once, without a promise. */
type AtOnce<Hook> = Hook extends (...args: infer A) => Promise<infer R> ? (...args: A) => MaybePromise<R> : Hook;

/**
 * Apollo Server's request listener, whose hooks may answer without a promise when they do no I/O: Apollo Server
 * awaits whatever a hook returns, and the direct path (./direct-queries.ts) awaits only the promises, so a hook that
 * has nothing to wait for costs no promise, no microtask and no async-hook bookkeeping.
 */
export type RequestListener<C extends BaseContext> = {
  [Hook in keyof GraphQLRequestListener<C>]: AtOnce<GraphQLRequestListener<C>[Hook]>;
};

/** A plugin of our own with request hooks: run by Apollo Server and by the direct path alike. */
export interface RequestPlugin<C extends BaseContext = BaseContext> {
  requestDidStart?(requestContext: GraphQLRequestContext<C>): MaybePromise<RequestListener<C> | void>;
}

/** The plugins as Apollo Server's types have them (every hook a promise); it awaits what each returns, as they are. */
export function forApollo<C extends BaseContext>(plugins: RequestPlugin<C>[]): ApolloServerPlugin<C>[] {
  return plugins as ApolloServerPlugin<C>[];
}
