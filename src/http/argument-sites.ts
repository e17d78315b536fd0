import {
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';

/** A field of the operation (or of a fragment it may use) that is given arguments. */
export interface ArgumentSite {
  field: GraphQLField<unknown, unknown>;
  node: FieldNode;
}

/** The argument sites of each operation, found once per parsed document (Apollo Server keeps parsed documents). */
const sitesByOperation = new WeakMap<OperationDefinitionNode, ArgumentSite[]>();

/** The operation and the fragments it spreads, directly or through other fragments. */
function usedDefinitions(document: DocumentNode, operation: OperationDefinitionNode): ASTNode[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const used: ASTNode[] = [operation];
  const spread = new Set<string>();
  for (let index = 0; index < used.length; index++) {
    visit(used[index], {
      FragmentSpread(node) {
        const fragment = fragments.get(node.name.value);
        if (fragment && !spread.has(fragment.name.value)) {
          spread.add(fragment.name.value);
          used.push(fragment);
        }
      },
    });
  }
  return used;
}

/** Every field of the operation, and of the fragments it uses, that is given arguments (each fragment once). */
export function argumentSites(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentSite[] {
  let sites = sitesByOperation.get(operation);
  if (sites) return sites;
  const found: ArgumentSite[] = [];
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const field = typeInfo.getFieldDef();
      if (field && node.arguments?.length) found.push({ field, node });
    },
  });
  for (const definition of usedDefinitions(document, operation)) visit(definition, visitor);
  sites = found;
  sitesByOperation.set(operation, sites);
  return sites;
}
