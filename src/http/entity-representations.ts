import { type GraphQLSchema, isObjectType, isUnionType, Kind, parse } from 'graphql';
import { textProblem } from '../common/validation';
import { MAX_STRING_LENGTH } from '../config/limits';

/** Each federated entity type of a schema (the members of `_Entity`) with the fields of its `@key`. */
const keyFieldsBySchema = new WeakMap<GraphQLSchema, Map<string, string[]>>();

function keyFields(schema: GraphQLSchema): Map<string, string[]> {
  let keys = keyFieldsBySchema.get(schema);
  if (keys) return keys;
  keys = new Map();
  const entity = schema.getType('_Entity');
  for (const type of isUnionType(entity) ? entity.getTypes() : []) {
    if (!isObjectType(type)) continue;
    const directives = [type.astNode, ...type.extensionASTNodes].flatMap((node) => node?.directives ?? []);
    const fields = directives
      .filter((directive) => directive.name.value === 'key')
      .flatMap((directive) => directive.arguments ?? [])
      .filter((argument) => argument.name.value === 'fields' && argument.value.kind === Kind.STRING)
      .flatMap((argument) => {
        const [selection] = parse(`{${(argument.value as { value: string }).value}}`).definitions;
        return selection.kind === Kind.OPERATION_DEFINITION
          ? selection.selectionSet.selections.flatMap((field) => (field.kind === Kind.FIELD ? [field.name.value] : []))
          : [];
      });
    keys.set(type.name, fields);
  }
  keyFieldsBySchema.set(schema, keys);
  return keys;
}

/**
 * What is wrong with one `_entities` representation, or null: it must be an object whose `__typename` names an entity
 * of this subgraph and whose key fields are strings (free of control characters, not over the general length limit),
 * as every key of this API is an ID or a code. A key that matches nothing is no problem: its entity is null.
 */
export function representationProblem(schema: GraphQLSchema, representation: unknown): string | null {
  if (representation === null || typeof representation !== 'object' || Array.isArray(representation)) {
    return 'must be an object with __typename and the key fields of an entity';
  }
  const { __typename: typename, ...fields } = representation as Record<string, unknown>;
  if (typeof typename !== 'string') return 'must have a __typename';
  const keys = keyFields(schema).get(typename);
  if (!keys) return `__typename must name an entity of this API (one of ${[...keyFields(schema).keys()].join(', ')})`;
  for (const key of keys) {
    const value = fields[key];
    if (typeof value !== 'string') return `a ${typename} needs its key field ${key} (a string)`;
    const problem = textProblem(value, MAX_STRING_LENGTH);
    if (problem) return `${key} ${problem}`;
  }
  return null;
}
