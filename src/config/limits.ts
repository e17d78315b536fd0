/**
 * Every abuse limit of the API, with its default and the environment variable that overrides it: the one place to read
 * (and change) how much a single request or caller may ask of the server. index.ts beside it reads the variables; the
 * layers that apply a limit (src/http/, src/common/pagination.ts, the modules) import it from here.
 */
/**
 * Items one list may hold, either way: a page of results (src/common/pagination.ts), or a list argument (ids, codes,
 * input rows). Part of the public contract, so not configurable.
 */
export const MAX_LIST_ITEMS = 100;
/**
 * Characters any string argument may hold (twice the longest free text, 5,000): part of the public contract. An input
 * field stored in a shorter column has that column's length as its limit (src/schema/input-lengths.ts).
 */
export const MAX_STRING_LENGTH = 10_000;

export interface Limits {
  /** Nesting depth of fields in one operation (fragments do not add depth; introspection's `__schema` is exempt). */
  maxDepth: number;
  /** Aliased fields in one operation, counted through fragments (aliases of `__typename` count too). */
  maxAliases: number;
  /** Directives in one operation, counted through fragments. */
  maxDirectives: number;
  /** Lexical tokens in one document; parsing stops at the first token over it. */
  maxTokens: number;
  /** Field selections in one operation after expanding fragments: stops duplicated fields and fragment bombs. */
  maxSelections: number;
  /** Largest request body in bytes. */
  bodyLimitBytes: number;
  /** Highest cost of one operation (see src/http/cost.ts for how a cost is counted). */
  maxQueryCost: number;
  /** Items assumed for a list field without `first` that src/http/list-sizes.ts does not size, when counting cost. */
  assumedListSize: number;
  /** Cost of each mutation field, before the rows it writes. */
  mutationCost: number;
  /** Cost of each row a mutation writes: each item of the lists in its arguments (records, populations, ...). */
  mutationRowCost: number;
  /** List items one query's answer may hold, counted as they resolve (the cost counts the items lists may hold). */
  maxResponseItems: number;
  /** Characters of an alias: each is repeated in the response for every item of its list. */
  maxAliasLength: number;
  /** Cost points an API key may spend per window. */
  rateLimitPoints: number;
  /** Cost points an anonymous client (per IP address) may spend per window. */
  anonymousRateLimitPoints: number;
  /** Length of a rate-limit window. */
  rateLimitWindowSeconds: number;
  /** Failed authentications one IP address may make per window before its keyed requests are refused. */
  authFailuresPerWindow: number;
  /**
   * Time to receive a whole request (every route), and to answer a GraphQL one (src/http/request-deadline.ts): then the client
   * gets SERVICE_UNAVAILABLE and the request's SQL stops. Waiting for a connection and each SQL statement have their own,
   * shorter limits (POOL_ACQUIRE_TIMEOUT_MS and STATEMENT_TIMEOUT_MS in src/db/orm.ts).
   */
  requestTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxDepth: 10,
  maxAliases: 15,
  maxDirectives: 50,
  maxTokens: 2_000,
  maxSelections: 500,
  bodyLimitBytes: 1024 * 1024,
  maxQueryCost: 10_000,
  assumedListSize: 10,
  mutationCost: 10,
  mutationRowCost: 10,
  maxResponseItems: 20_000,
  maxAliasLength: 64,
  rateLimitPoints: 50_000,
  anonymousRateLimitPoints: 10_000,
  rateLimitWindowSeconds: 60,
  authFailuresPerWindow: 10,
  requestTimeoutMs: 15_000,
};

/** The environment variable that overrides each limit (a positive whole number). */
export const LIMIT_VARIABLES: Record<keyof Limits, string> = {
  maxDepth: 'GRAPHQL_MAX_DEPTH',
  maxAliases: 'GRAPHQL_MAX_ALIASES',
  maxDirectives: 'GRAPHQL_MAX_DIRECTIVES',
  maxTokens: 'GRAPHQL_MAX_TOKENS',
  maxSelections: 'GRAPHQL_MAX_SELECTIONS',
  bodyLimitBytes: 'HTTP_BODY_LIMIT_BYTES',
  maxQueryCost: 'GRAPHQL_MAX_COST',
  assumedListSize: 'GRAPHQL_ASSUMED_LIST_SIZE',
  mutationCost: 'GRAPHQL_MUTATION_COST',
  mutationRowCost: 'GRAPHQL_MUTATION_ROW_COST',
  maxResponseItems: 'GRAPHQL_MAX_RESPONSE_ITEMS',
  maxAliasLength: 'GRAPHQL_MAX_ALIAS_LENGTH',
  rateLimitPoints: 'RATE_LIMIT_POINTS',
  anonymousRateLimitPoints: 'RATE_LIMIT_ANONYMOUS_POINTS',
  rateLimitWindowSeconds: 'RATE_LIMIT_WINDOW_SECONDS',
  authFailuresPerWindow: 'AUTH_FAILURES_PER_WINDOW',
  requestTimeoutMs: 'REQUEST_TIMEOUT_MS',
};
