import { createHash } from 'node:crypto';
import type {
  GraphQLRequestContext,
  GraphQLRequestContextExecutionDidStart,
  GraphQLRequestContextWillSendResponse,
  GraphQLRequestExecutionListener,
  GraphQLResponse,
} from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import {
  type DocumentNode,
  type FormattedExecutionResult,
  getOperationAST,
  getVariableValues,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { asGraphqlError, type ErrorFormatting, formatErrors, mergeHead } from './answer-errors';
import { executeOperation } from './compiled-execution';
import type { GraphqlContext } from './graphql-context';
import type { KnownQueries } from './known-queries';
import type { RequestListener, RequestPlugin } from './request-plugin';
import { MAX_VARIABLES_KEY_LENGTH, variablesKey } from './variables-key';

type Listener = RequestListener<GraphqlContext>;
type ExecutionListener = GraphQLRequestExecutionListener<GraphqlContext>;
type RequestContext = GraphQLRequestContextWillSendResponse<GraphqlContext> &
  GraphQLRequestContextExecutionDidStart<GraphqlContext> & { errors?: GraphQLError[] };

const APPLICATION_JSON = 'application/json; charset=utf-8';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json; charset=utf-8';

/**
 * The media type Apollo Server's content negotiation picks for the accept headers clients send most (none, a browser's
 * or axios' default, Apollo Client's); a request with any other accept header goes to Apollo Server to be negotiated.
 */
const ANSWER_MEDIA_TYPES = new Map<string | undefined, string>([
  [undefined, APPLICATION_JSON],
  ['*/*', APPLICATION_JSON],
  ['application/json', APPLICATION_JSON],
  ['application/json, text/plain, */*', APPLICATION_JSON],
  ['application/graphql-response+json', GRAPHQL_RESPONSE_JSON],
  ['application/graphql-response+json,application/json;q=0.9', GRAPHQL_RESPONSE_JSON],
  ['application/graphql-response+json, application/json;q=0.9', GRAPHQL_RESPONSE_JSON],
]);

/** A POST body that is a JSON object, as Apollo Server's isStringRecord tells it. */
function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);
}

/** Variable sets remembered per operation as coercing without errors. */
const MAX_COERCING_VARIABLE_SETS = 64;

/**
 * The variables (as JSON, ./variables-key.ts) that each operation's variable definitions coerced without errors:
 * coercion depends on the schema, the operation and the variables only, so a dashboard sending the same query with
 * the same variables again is not coerced again here (graphql-jit coerces them itself when it executes).
 */
const coercing = new WeakMap<OperationDefinitionNode, Set<string>>();

function variablesCoerce(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): boolean {
  const key = variablesKey(variables);
  let coerced = coercing.get(operation);
  if (coerced?.has(key)) return true;
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return false;
  if (key.length > MAX_VARIABLES_KEY_LENGTH) return true;
  if (!coerced) coercing.set(operation, (coerced = new Set()));
  if (coerced.size >= MAX_COERCING_VARIABLE_SETS) coerced.delete(coerced.values().next().value!);
  coerced.add(key);
  return true;
}

/** A query request whose document Apollo Server already parsed and validated. */
interface DirectRequest {
  mediaType: string;
  query: string;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName?: string;
  variables?: Record<string, unknown>;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | undefined)?.then === 'function';
}

/** The hooks that take the request context and are started on every listener at once. */
type ContextHook = 'didResolveSource' | 'didResolveOperation' | 'didEncounterErrors' | 'willSendResponse';

/**
 * Starts `hook` of the listeners that have it, all at once as Apollo Server does: a promise of them all when one of
 * them has something to wait for, else none (a hook that answered at once costs no promise and no microtask).
 */
function invoke(listeners: readonly Listener[], hook: ContextHook, rc: RequestContext): Promise<unknown> | undefined {
  let pending: Promise<unknown>[] | undefined;
  for (let i = 0; i < listeners.length; i++) {
    const listener = listeners[i];
    const started = (listener[hook] as ((rc: RequestContext) => unknown) | undefined)?.call(listener, rc);
    if (isPromise(started)) (pending ??= []).push(started);
  }
  return pending && Promise.all(pending);
}

function isListener<L extends object>(started: L | void | undefined): started is L {
  return started != null;
}

/** Starts `executionDidEnd` of the execution listeners: a promise of them all only when one is a promise. */
function executionEnded(listeners: readonly ExecutionListener[], error?: Error): Promise<unknown> | undefined {
  let pending: Promise<unknown>[] | undefined;
  for (const listener of listeners) {
    const ended = listener.executionDidEnd?.(error);
    if (isPromise(ended)) (pending ??= []).push(ended);
  }
  return pending && Promise.all(pending);
}

/** No listener's `executionDidStart` returned one (never added to: a fresh list is made when one does). */
const NO_EXECUTION_LISTENERS: ExecutionListener[] = [];

/**
 * The request context Apollo Server would give the hooks, as a class: an object literal with a getter is built by
 * the runtime in dictionary mode, some 2 µs a request.
 */
class DirectRequestContext {
  readonly logger: DirectQueryOptions['apollo']['logger'];
  readonly cache: DirectQueryOptions['apollo']['cache'];
  readonly request: { query: string; operationName?: string; variables?: Record<string, unknown> };
  readonly response = { http: { status: undefined, headers: new HeaderMap() } };
  readonly metrics = {};
  readonly source: string;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly operationName: string | null;
  readonly requestIsBatched = false;

  constructor(
    direct: DirectRequest,
    readonly schema: GraphQLSchema,
    apollo: DirectQueryOptions['apollo'],
    readonly contextValue: GraphqlContext,
  ) {
    this.logger = apollo.logger;
    this.cache = apollo.cache;
    this.request = { query: direct.query, operationName: direct.operationName, variables: direct.variables };
    this.source = direct.query;
    this.document = direct.document;
    this.operation = direct.operation;
    this.operationName = direct.operation.name?.value || null;
  }

  /** Apollo Server's key of the document: none of our plugins reads it, so it is computed only if one does. */
  get queryHash(): string {
    return createHash('sha256').update(this.source).digest('hex');
  }
}

export interface DirectQueryOptions extends ErrorFormatting {
  schema: GraphQLSchema;
  /** The plugins with request hooks, in Apollo Server's order: the direct path runs the same hooks. */
  plugins: RequestPlugin<GraphqlContext>[];
  context: (request: FastifyRequest) => GraphqlContext;
  stringifyResult: (result: FormattedExecutionResult) => string;
  apollo: Pick<GraphQLRequestContext<GraphqlContext>, 'logger' | 'cache'>;
  known: KnownQueries;
}

/**
 * Queries sent again by POST, answered without Apollo Server's request pipeline but through the same plugin hooks,
 * in the same order, with the same error formatting and the same answer: a dashboard sends the same few documents
 * over and over, and for a small page Apollo's per-request work (hashing the query text for its document store,
 * reading the HTTP request into its own shape, content negotiation, the gateway request context) weighed more than
 * the resolvers. A document is answered directly once Apollo Server has parsed and validated it (KnownQueries sees it
 * resolve its operation); anything else goes to Apollo Server as before: mutations, subscriptions, GET, persisted
 * queries or any other extension, an accept header not in ANSWER_MEDIA_TYPES, variables that do not coerce (their
 * errors are Apollo's), and every document not seen yet. Cost, rate limit, response cache, input boundary, governed
 * reads, audit and error logging are the plugins' own hooks; the HTTP hooks (deadline, request scope, security headers,
 * ETag/304, metrics) are Fastify's and see no difference.
 */
export class DirectQueries {
  constructor(private readonly options: DirectQueryOptions) {}

  /** The route handler: a direct answer when the request can have one, else the original (Apollo Server's). */
  wrap(original: RouteHandlerMethod): RouteHandlerMethod {
    const answer = (request: FastifyRequest, reply: FastifyReply) => {
      const known = this.directRequest(request);
      return known ? this.answer(known, request, reply) : null;
    };
    return function (request, reply) {
      return answer(request, reply) ?? original.call(this, request, reply);
    };
  }

  private directRequest(request: FastifyRequest): DirectRequest | null {
    const mediaType = ANSWER_MEDIA_TYPES.get(request.headers.accept);
    if (request.method !== 'POST' || !mediaType) return null;
    if (!request.headers['content-type']?.startsWith('application/json')) return null;
    const body = request.body;
    if (!isRecord(body) || typeof body.query !== 'string') return null;
    const { query, operationName, variables } = body;
    if (body.extensions != null || (operationName != null && typeof operationName !== 'string')) return null;
    if (variables != null && !isRecord(variables)) return null;
    const document = this.options.known.get(query);
    if (!document) return null;
    const operation = getOperationAST(document, operationName as string | undefined);
    if (operation?.operation !== 'query') return null;
    const vars = variables ?? undefined;
    if (!variablesCoerce(this.options.schema, operation, vars)) return null;
    return {
      mediaType,
      query,
      document,
      operation,
      operationName: (operationName as string | null) ?? undefined,
      variables: vars,
    };
  }

  /** One promise for the answer: the hooks' and the execution's (an `async` function awaiting another costs two more). */
  private answer(direct: DirectRequest, request: FastifyRequest, reply: FastifyReply): Promise<string> {
    const { schema, apollo, context } = this.options;
    const rc = new DirectRequestContext(direct, schema, apollo, context(request)) as unknown as RequestContext;
    return this.respond(rc).then(
      () => this.send(rc, direct.mediaType, reply),
      (error: unknown) => {
        // as Apollo Server answers a request its pipeline failed on: logged, and a masked 500
        request.log.error({ err: error }, 'Unexpected error processing request');
        const { formatted, http } = formatErrors([new Error('Internal server error')], this.options);
        (rc as { response: GraphQLResponse }).response = {
          http: { status: http.status ?? 500, headers: http.headers },
          body: { kind: 'single', singleResult: { errors: formatted } },
        };
        return this.send(rc, direct.mediaType, reply);
      },
    );
  }

  /** The listeners of the plugins, in their order: a promise of them only when a plugin's `requestDidStart` is one. */
  private startListeners(rc: RequestContext): Listener[] | Promise<Listener[]> {
    const { plugins } = this.options;
    const listeners: Listener[] = [];
    for (let i = 0; i < plugins.length; i++) {
      const started = plugins[i].requestDidStart?.(rc);
      if (isPromise(started)) {
        // every plugin's hook is started before any is awaited, as Apollo Server starts them
        const rest = plugins.slice(i + 1).map((plugin) => plugin.requestDidStart?.(rc));
        return Promise.all([started, ...rest]).then((late) => listeners.concat(late.filter(isListener)));
      }
      if (started) listeners.push(started);
    }
    return listeners;
  }

  /** processGraphQLRequest of Apollo Server 5 from the resolved operation on, for a validated query. */
  private async respond(rc: RequestContext): Promise<void> {
    const startedListeners = this.startListeners(rc);
    const listeners = isPromise(startedListeners) ? await startedListeners : startedListeners;
    let started = invoke(listeners, 'didResolveSource', rc);
    if (started) await started;
    try {
      started = invoke(listeners, 'didResolveOperation', rc);
      if (started) await started;
    } catch (error) {
      return this.refuse(rc, listeners, [asGraphqlError(error)]);
    }
    for (const listener of listeners) {
      // in order, until one answers (Apollo Server's invokeHooksUntilDefinedAndNonNull)
      if (!listener.responseForOperation) continue;
      let answered = listener.responseForOperation(rc);
      if (isPromise(answered)) answered = await answered;
      if (answered == null) continue;
      rc.response.body = answered.body;
      mergeHead(rc.response.http, answered.http);
      started = invoke(listeners, 'willSendResponse', rc);
      if (started) await started;
      return;
    }
    const startedExecution = this.startExecution(rc, listeners);
    const executionListeners = isPromise(startedExecution) ? await startedExecution : startedExecution;
    try {
      const result = await executeOperation(this.options.schema, {
        document: rc.document!,
        operation: rc.operation,
        operationName: rc.request.operationName,
        variables: rc.request.variables,
        variablesValid: true,
        context: rc.contextValue,
      });
      const errors = result.errors as GraphQLError[] | undefined;
      if (errors) {
        await this.encountered(rc, listeners, errors);
        const { formatted, http } = formatErrors(errors, this.options);
        if (errors.length && result.data === undefined && !http.status) http.status = 400;
        mergeHead(rc.response.http, http);
        rc.response.body = { kind: 'single', singleResult: { ...result, errors: formatted } };
      } else rc.response.body = { kind: 'single', singleResult: result as FormattedExecutionResult };
    } catch (thrown) {
      const error = thrown instanceof Error ? thrown : asGraphqlError(thrown);
      await executionEnded(executionListeners, error);
      return this.refuse(rc, listeners, [asGraphqlError(error)]);
    }
    started = executionEnded(executionListeners);
    if (started) await started;
    started = invoke(listeners, 'willSendResponse', rc);
    if (started) await started;
  }

  /**
   * The execution listeners the listeners' `executionDidStart` return, last first as Apollo Server calls them: a
   * promise of them only when a hook's answer is one.
   */
  private startExecution(
    rc: RequestContext,
    listeners: Listener[],
  ): ExecutionListener[] | Promise<ExecutionListener[]> {
    let started: (ExecutionListener | Promise<ExecutionListener | void>)[] | undefined;
    for (const listener of listeners) {
      const startedOne = listener.executionDidStart?.(rc);
      if (startedOne) (started ??= []).push(startedOne);
    }
    if (!started) return NO_EXECUTION_LISTENERS;
    if (!started.some(isPromise)) return (started as ExecutionListener[]).reverse();
    return Promise.all(started).then((all) => all.filter(isListener).reverse());
  }

  private async encountered(rc: RequestContext, listeners: Listener[], errors: GraphQLError[]): Promise<void> {
    rc.errors = errors;
    await invoke(listeners, 'didEncounterErrors', rc);
  }

  /** Apollo Server's sendErrorResponse: the errors alone, status 500 unless they carry one. */
  private async refuse(rc: RequestContext, listeners: Listener[], errors: GraphQLError[]): Promise<void> {
    await this.encountered(rc, listeners, errors);
    const { formatted, http } = formatErrors(errors, this.options);
    rc.response.body = { kind: 'single', singleResult: { errors: formatted } };
    mergeHead(rc.response.http, http);
    if (!rc.response.http.status) rc.response.http.status = 500;
    await invoke(listeners, 'willSendResponse', rc);
  }

  /** What the Fastify integration of Apollo Server writes: the headers, the status, the body as Apollo writes it. */
  private send(rc: RequestContext, mediaType: string, reply: FastifyReply): string {
    const { http, body } = rc.response;
    if (!http.headers.get('content-type')) http.headers.set('content-type', mediaType);
    const result = body.kind === 'single' ? body.singleResult : {};
    const text = this.options.stringifyResult({
      errors: result.errors,
      data: result.data,
      extensions: result.extensions,
    });
    for (const [name, value] of http.headers) void reply.header(name, value);
    void reply.code(http.status === undefined ? 200 : http.status);
    return text;
  }
}
