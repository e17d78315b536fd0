import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from 'graphql';

const SECRET_NAME = /secret|password|token|credential|apikey|^key$/i;
const MAX_STRING_LENGTH = 500;
const MAX_ARGUMENTS_LENGTH = 20_000;

/** The top-level fields of a selection set, through fragments, once per response key. */
export function rootFields(selectionSet: SelectionSetNode, document: DocumentNode): FieldNode[] {
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const fields = new Map<string, FieldNode>();
  const spread = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.set(selection.alias?.value ?? selection.name.value, selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!spread.has(selection.name.value) && fragments.has(selection.name.value)) {
        spread.add(selection.name.value);
        collect(fragments.get(selection.name.value)!.selectionSet);
      }
    }
  };
  collect(selectionSet);
  return [...fields.values()].filter((field) => !field.name.value.startsWith('__'));
}

function redacted(value: unknown): unknown {
  if (typeof value === 'string') {
    return value.length > MAX_STRING_LENGTH ? `${value.slice(0, MAX_STRING_LENGTH)}…` : value;
  }
  if (Array.isArray(value)) return value.map(redacted);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, SECRET_NAME.test(key) ? '[REDACTED]' : redacted(item)]),
    );
  }
  return value;
}

/** The field's arguments as sent (variables filled in), secrets redacted, long values shortened. */
export function argumentsOf(field: FieldNode, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const values = Object.fromEntries(
    (field.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value, variables)]),
  );
  const safe = redacted(values) as Record<string, unknown>;
  const length = JSON.stringify(safe).length;
  return length > MAX_ARGUMENTS_LENGTH ? { omitted: `${length} characters of arguments` } : safe;
}
