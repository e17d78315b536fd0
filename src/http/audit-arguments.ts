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
const MAX_DEPTH = 12;
const MAX_ARGUMENTS_LENGTH = 20_000;

/**
 * What a jsonb value cannot hold or should not show raw: control characters other than tab, newline and carriage
 * return (PostgreSQL refuses NUL in jsonb outright), and UTF-16 surrogates without their pair (no UTF-8 text can hold
 * them; under the `u` flag a whole pair is one code point, so only a lone one matches). Each is stored as its escape,
 * e.g. the six characters `\u0000`, so the entry says what was sent.
 */
const UNSTORABLE = /(?![\t\n\r])\p{Cc}|[\u{d800}-\u{dfff}]/gu;

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

/**
 * `text` with every unstorable character escaped, then cut to `maxLength` characters (and marked with …) without
 * splitting a surrogate pair: at most `maxLength` + 1 characters, whatever `text` holds.
 */
export function storableText(text: string, maxLength = MAX_STRING_LENGTH): string {
  // escaping only lengthens, so the characters past maxLength + 1 can never be kept
  const escaped = text
    .slice(0, maxLength + 1)
    .replace(UNSTORABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (escaped.length <= maxLength) return escaped;
  const end = /[\ud800-\udbff]/.test(escaped.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
  return `${escaped.slice(0, end)}…`;
}

/** Thrown once the stored form would pass MAX_ARGUMENTS_LENGTH, so a huge argument is never copied whole. */
class TooLarge extends Error {}

/** Any value as one PostgreSQL's jsonb accepts: secrets redacted, text escaped and shortened, depth bounded. */
function storable(value: unknown, depth: number, budget: { left: number }): unknown {
  const spend = (characters: number) => {
    budget.left -= characters;
    if (budget.left < 0) throw new TooLarge();
  };
  if (value === null || value === undefined || typeof value === 'boolean') {
    spend(5);
    return value;
  }
  if (typeof value === 'number') {
    spend(24);
    return Number.isFinite(value) ? value : String(value);
  }
  if (typeof value === 'string') {
    const text = storableText(value);
    spend(text.length + 2);
    return text;
  }
  if (value instanceof Date) return storable(value.toISOString(), depth, budget);
  if (typeof value !== 'object') return storable(String(value), depth, budget);
  if (depth >= MAX_DEPTH) return storable(`[nested deeper than ${MAX_DEPTH} levels]`, depth, budget);
  spend(2);
  if (Array.isArray(value)) return value.map((item) => storable(item, depth + 1, budget));
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => {
      const name = storableText(key, 100);
      spend(name.length + 3);
      return [name, SECRET_NAME.test(key) ? '[REDACTED]' : storable(item, depth + 1, budget)];
    }),
  );
}

/**
 * The field's arguments as sent (variables filled in), in a form the audit table always accepts whatever they
 * contain: secrets redacted, control characters and lone surrogates escaped, long strings shortened, deep nesting cut,
 * and the whole replaced by a note when it would pass MAX_ARGUMENTS_LENGTH characters.
 */
export function argumentsOf(field: FieldNode, variables: Record<string, unknown> | undefined): Record<string, unknown> {
  const values = Object.fromEntries(
    (field.arguments ?? []).map((argument) => [argument.name.value, valueFromASTUntyped(argument.value, variables)]),
  );
  try {
    return storable(values, 0, { left: MAX_ARGUMENTS_LENGTH }) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TooLarge) return { omitted: `more than ${MAX_ARGUMENTS_LENGTH} characters of arguments` };
    throw error;
  }
}
