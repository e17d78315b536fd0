import {
  buildASTSchema,
  Kind,
  lexicographicSortSchema,
  parse,
  printSchema,
  type ConstDirectiveNode,
  type ConstValueNode,
  type DocumentNode,
} from 'graphql';

function valueOf(node: ConstValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.NULL:
      return null;
    default:
      return JSON.stringify(node);
  }
}

function argumentsOf(directive: ConstDirectiveNode): Record<string, unknown> {
  return Object.fromEntries(
    (directive.arguments ?? []).map((argument) => [argument.name.value, valueOf(argument.value)]),
  );
}

const named = (directives: readonly ConstDirectiveNode[] | undefined, name: string) =>
  (directives ?? []).filter((directive) => directive.name.value === name).map(argumentsOf);

/**
 * What a gateway plans with, read from a supergraph's join directives: the subgraphs and their URLs, each entity's
 * keys per subgraph (and whether that subgraph resolves it), and which subgraphs resolve each field. Independent of
 * how a composer prints it (directive order, a join__field it adds or leaves out when it changes nothing).
 */
export function joinSemantics(supergraphSdl: string) {
  const document: DocumentNode = parse(supergraphSdl);
  const graphs: Record<string, string> = {};
  const keys: Record<string, string[]> = {};
  const resolvedBy: Record<string, string[]> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const [graph] = named(value.directives, 'join__graph');
        graphs[value.name.value] = `${graph.name} ${graph.url}`;
      }
    }
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    if (definition.name.value.startsWith('join__') || definition.name.value.startsWith('link__')) continue;
    const typeGraphs = named(definition.directives, 'join__type');
    keys[definition.name.value] = typeGraphs
      .filter((joinType) => joinType.key !== undefined)
      .map((joinType) => `${joinType.graph} ${joinType.key} resolvable=${joinType.resolvable ?? true}`)
      .sort();
    for (const field of definition.fields ?? []) {
      const joinFields = named(field.directives, 'join__field');
      const graphsOfField = joinFields.length
        ? joinFields.filter((joinField) => joinField.graph && joinField.external !== true).map((j) => j.graph)
        : typeGraphs.map((joinType) => joinType.graph);
      resolvedBy[`${definition.name.value}.${field.name.value}`] = [...new Set(graphsOfField as string[])].sort();
    }
  }
  return { graphs, keys, resolvedBy };
}

/** A schema's SDL printed in one canonical order. */
export function canonicalSdl(sdl: string): string {
  return printSchema(lexicographicSortSchema(buildASTSchema(parse(sdl))));
}
