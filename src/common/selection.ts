import {
  type FieldNode,
  type FragmentDefinitionNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type GraphQLResolveInfo,
  Kind,
  type SelectionSetNode,
} from 'graphql';

/** The fields a query asks of one object, by field name (aliases merged), each with the fields it asks in turn. */
export type Selection = ReadonlyMap<string, Selection>;

const NOTHING: Selection = new Map();

/**
 * Selections by the execution (its coerced variables, one object per execution), the field nodes they were walked
 * from, and the type they were walked for. Execution gives every item of a list the same field nodes array: a field
 * of 100 rows (or 50 `_entities` representations) is walked once, and what is derived from its selection (a read
 * plan) can be remembered per selection object, for that execution only. A compiled query (src/http/
 * compiled-execution.ts) passes the same field nodes to every execution of it, so they alone would carry one
 * request's selection, and what was remembered for it, into the next.
 */
const selections = new WeakMap<
  GraphQLResolveInfo['variableValues'],
  WeakMap<GraphQLResolveInfo['fieldNodes'], Map<string, Selection>>
>();

interface Walk {
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function included(node: FieldNode | SelectionSetNode['selections'][number], walk: Walk): boolean {
  if (!node.directives?.length) return true;
  if (getDirectiveValues(GraphQLSkipDirective, node, walk.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, walk.variables)?.if !== false;
}

function collect(set: SelectionSetNode | undefined, typeName: string, walk: Walk, into: Map<string, Selection>): void {
  for (const node of set?.selections ?? []) {
    if (!included(node, walk)) continue;
    if (node.kind === Kind.FIELD) {
      const name = node.name.value;
      const children = new Map(into.get(name) ?? NOTHING);
      // a field's children are of the field's type, which the planner names itself; fragments on it always match
      collect(node.selectionSet, '*', walk, children);
      into.set(name, children);
    } else {
      const fragment = node.kind === Kind.INLINE_FRAGMENT ? node : walk.fragments[node.name.value];
      const condition = fragment?.typeCondition?.name.value;
      if (fragment && (!condition || typeName === '*' || condition === typeName)) {
        collect(fragment.selectionSet, typeName, walk, into);
      }
    }
  }
}

/**
 * What the resolver's field asks of its result, through fragments and `@skip`/`@include`. For an abstract result
 * (the `_entities` union) pass the concrete type: only fragments on that type count.
 */
export function selectionOf(info: GraphQLResolveInfo, typeName = '*'): Selection {
  let byNodes = selections.get(info.variableValues);
  if (!byNodes) selections.set(info.variableValues, (byNodes = new WeakMap()));
  let byType = byNodes.get(info.fieldNodes);
  if (!byType) byNodes.set(info.fieldNodes, (byType = new Map()));
  const cached = byType.get(typeName);
  if (cached) return cached;
  const walk: Walk = { fragments: info.fragments, variables: info.variableValues };
  const selection = new Map<string, Selection>();
  for (const node of info.fieldNodes) collect(node.selectionSet, typeName, walk, selection);
  byType.set(typeName, selection);
  return selection;
}

/** The selection of the nodes of a connection: its `nodes` and its `edges { node }` merged. */
export function nodesOf(connection: Selection): Selection {
  const nodes = new Map(connection.get('nodes') ?? NOTHING);
  for (const [name, children] of connection.get('edges')?.get('node') ?? NOTHING) {
    nodes.set(name, merge(nodes.get(name), children));
  }
  return nodes;
}

function merge(a: Selection | undefined, b: Selection): Selection {
  if (!a) return b;
  const merged = new Map(a);
  for (const [name, children] of b) merged.set(name, merge(merged.get(name), children));
  return merged;
}

/**
 * The selection with only the key asked of the fields `names` (to-one relations their own resolvers load): a read
 * planned from it carries their foreign keys and joins nothing.
 */
export function keysOnly(selection: Selection, names: readonly string[]): Selection {
  const trimmed = new Map(selection);
  for (const name of names) if (trimmed.has(name)) trimmed.set(name, NOTHING);
  return trimmed;
}

/**
 * The fields of `selection` as text, nested in brackets (`name,targets(origin,type)`): equal texts, equal selections,
 * so what is derived from a selection alone can be shared by the executions that select alike.
 */
export function selectionKey(selection: Selection): string {
  let key = '';
  for (const [name, children] of selection) {
    if (key) key += ',';
    key += children.size ? `${name}(${selectionKey(children)})` : name;
  }
  return key;
}
