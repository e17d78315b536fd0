import {
  type DocumentNode,
  getNamedType,
  getOperationAST,
  type GraphQLSchema,
  isCompositeType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/**
 * How far an answer may be shared, from widest to narrowest; an answer takes the narrowest scope of the fields it
 * selects, as Apollo's cache-control model combines hints:
 * - PUBLIC: the same for every caller (reference data);
 * - VIEWER_CLASS: the same for every caller of one visibility class (role and scope): what a role, a member or an
 *   organisation scope or consent lets a caller see shapes it;
 * - NONE: never stored anywhere (secrets, logs, who the caller is).
 */
export enum CacheScope {
  PUBLIC = 0,
  VIEWER_CLASS = 1,
  NONE = 2,
}

/** Types whose every appearance sets the scope, wherever they are selected. */
const TYPE_HINTS: Record<string, CacheScope> = {
  Country: CacheScope.PUBLIC,
  Viewer: CacheScope.NONE,
  ApiKey: CacheScope.NONE,
  CreatedApiKey: CacheScope.NONE,
  AuditLogConnection: CacheScope.NONE,
  AuditLogEntry: CacheScope.NONE,
  AccessLogConnection: CacheScope.NONE,
  AccessLog: CacheScope.NONE,
};

/** Fields whose hint differs from their type's: `Type.field`. */
const FIELD_HINTS: Record<string, CacheScope> = {
  // the subgraph's SDL: the same for everyone
  'Query._service': CacheScope.PUBLIC,
};

/**
 * A field's scope: its own hint, else its type's when it returns an object; a root field or an object without a hint
 * is VIEWER_CLASS (the safe default: a new type is never shared wider than its viewers); a scalar field of an object
 * adds nothing to the scope its object already set.
 */
function fieldScope(parent: string, field: string, returned: string, composite: boolean, root: boolean) {
  const own = FIELD_HINTS[`${parent}.${field}`];
  if (own !== undefined) return own;
  if (composite) return TYPE_HINTS[returned] ?? CacheScope.VIEWER_CLASS;
  return root ? CacheScope.VIEWER_CLASS : CacheScope.PUBLIC;
}

/** The scope of one query operation of `document`; NONE for mutations, subscriptions and unknown operations. */
export function operationScope(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'query') return CacheScope.NONE;
  const queryType = schema.getQueryType()!.name;
  const typeInfo = new TypeInfo(schema);
  let scope = CacheScope.PUBLIC;
  const reachable = new Set<string>();
  // the operation and the fragments it spreads: other operations of the document do not shape this answer
  visit(operation, {
    FragmentSpread(node) {
      reachable.add(node.name.value);
    },
  });
  const fragments = document.definitions.filter(
    (definition) => definition.kind === Kind.FRAGMENT_DEFINITION && reachable.has(definition.name.value),
  );
  for (const definition of [operation, ...fragments]) {
    visit(
      definition,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          const type = typeInfo.getType();
          if (!parent || !type || node.name.value === '__typename') return;
          const named = getNamedType(type);
          const root = parent.name === queryType;
          // introspection describes the schema, the same for everyone
          const own =
            node.name.value.startsWith('__') || parent.name.startsWith('__')
              ? CacheScope.PUBLIC
              : fieldScope(parent.name, node.name.value, named.name, isCompositeType(named), root);
          scope = Math.max(scope, own);
        },
      }),
    );
  }
  return scope;
}

const remembered = new WeakMap<DocumentNode, Map<string, CacheScope>>();

/** operationScope, once per parsed document and operation (Apollo keeps parsed documents, so they repeat). */
export function rememberedScope(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null) {
  let byOperation = remembered.get(document);
  if (!byOperation) remembered.set(document, (byOperation = new Map()));
  const name = operationName ?? '';
  let scope = byOperation.get(name);
  if (scope === undefined) byOperation.set(name, (scope = operationScope(schema, document, operationName)));
  return scope;
}
