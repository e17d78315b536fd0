/** Variables longer than this (as JSON) are not worth remembering anything for: they are checked anew every time. */
export const MAX_VARIABLES_KEY_LENGTH = 4_096;

const keys = new WeakMap<object, string>();

/**
 * The request's variables as JSON, the key under which what was worked out for an operation with them is remembered
 * (its cost, that its arguments pass the input boundary). Apollo Server hands every plugin hook of a request the same
 * variables object, so the text is written once per request, not once per plugin.
 */
export function variablesKey(variables: Record<string, unknown> | undefined): string {
  if (!variables) return '{}';
  let key = keys.get(variables);
  if (key === undefined) keys.set(variables, (key = JSON.stringify(variables)));
  return key;
}
