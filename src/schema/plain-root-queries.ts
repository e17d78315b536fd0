import { type GraphQLFieldResolver, GraphQLScalarType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { isOnlyRootField } from '../common/only-root-field';

type QueryMetadata = ReturnType<typeof getMetadataStorage>['queries'][number];
type ParamMetadata = NonNullable<QueryMetadata['params']>[number];
type Param = (args: Record<string, unknown>, context: Record<string, unknown>, info: unknown) => unknown;

/**
 * What a parameter is given, when type-graphql gives it unchanged: the context (or one of its properties), the info,
 * or a single scalar argument, which it converts to itself (strings, numbers, booleans and scalars are no class to
 * make an instance of) and, as this schema is built with `validate: false`, does not validate. Else null.
 */
function plainParam(param: ParamMetadata): Param | null {
  switch (param.kind) {
    case 'context': {
      const property = param.propertyName;
      return property ? (_args, context) => context[property] : (_args, context) => context;
    }
    case 'info':
      return (_args, _context, info) => info;
    case 'arg': {
      if (param.validateFn || param.validateSettings !== undefined || param.typeOptions.array) return null;
      const type: unknown = param.getType();
      const scalar = type instanceof GraphQLScalarType || type === String || type === Number || type === Boolean;
      const name = param.name;
      return scalar ? (args) => args[name] : null;
    }
    default:
      return null;
  }
}

/**
 * Calls the resolver methods of root queries whose parameters type-graphql hands over unchanged (plainParam) with
 * no middleware and no roles directly, when the field is the operation's only one. type-graphql's wrapper validates
 * every argument in an `async` function (`Promise.all` of the parameters, then the method in a `then`): a promise and
 * microtasks for every root field even when nothing is validated. What the method returns or throws is the field's
 * value or error, as before. Beside other fields type-graphql's wrapper still runs: the order in which their errors
 * are reported follows how many microtasks each field takes, so it stays as it was.
 */
export function plainRootQueries(schema: GraphQLSchema, resolvers: readonly Function[]): void {
  const fields = schema.getQueryType()?.getFields() ?? {};
  // as type-graphql builds the Query type: the handlers of these resolver classes, the last of a name wins
  const handlers = new Map<string, QueryMetadata>();
  for (const query of getMetadataStorage().queries) {
    if (resolvers.includes(query.target)) handlers.set(query.schemaName, query);
  }
  const instances = new Map<Function, object>();
  for (const query of handlers.values()) {
    const field = fields[query.schemaName];
    if (!field || query.middlewares?.length || query.roles || !query.params) continue;
    const params = [...query.params].sort((a, b) => a.index - b.index).map(plainParam);
    if (params.some((param) => param === null)) continue;
    const target = query.target as new () => Record<string, (...values: unknown[]) => unknown>;
    if (target.length !== 0) continue;
    if (!instances.has(target)) instances.set(target, new target());
    const instance = instances.get(target) as Record<string, (...values: unknown[]) => unknown>;
    const method = instance[query.methodName];
    const wrapped = field.resolve as GraphQLFieldResolver<unknown, Record<string, unknown>>;
    const resolve: GraphQLFieldResolver<unknown, Record<string, unknown>> = (source, args, context, info) => {
      if (!isOnlyRootField(info)) return wrapped(source, args, context, info);
      return method.apply(
        instance,
        params.map((param) => param!(args, context, info)),
      );
    };
    field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  }
}
