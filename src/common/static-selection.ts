import { type FragmentDefinitionNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

function conditional(
  set: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): boolean {
  for (const node of set?.selections ?? []) {
    if (node.directives?.some((directive) => directive.name.value === 'skip' || directive.name.value === 'include')) {
      return true;
    }
    if (node.kind !== Kind.FRAGMENT_SPREAD) {
      if (conditional(node.selectionSet, fragments, seen)) return true;
    } else if (!seen.has(node.name.value)) {
      seen.add(node.name.value);
      if (conditional(fragments[node.name.value]?.selectionSet, fragments, seen)) return true;
    }
  }
  return false;
}

const alikeByNodes = new WeakMap<GraphQLResolveInfo['fieldNodes'], boolean>();

/**
 * Whether the field's selection is the same at every execution of its document: nothing below the field (through
 * fragments) is `@skip`ped or `@include`d, the one way variables change a selection. graphql-jit hands every execution
 * of a compiled document the same field nodes, so what is derived from such a selection alone (a read plan) can be
 * remembered per field nodes, across executions.
 */
export function selectsAlikeEveryTime(info: GraphQLResolveInfo): boolean {
  let alike = alikeByNodes.get(info.fieldNodes);
  if (alike === undefined) {
    alike = !info.fieldNodes.some((node) => conditional(node.selectionSet, info.fragments, new Set()));
    alikeByNodes.set(info.fieldNodes, alike);
  }
  return alike;
}
