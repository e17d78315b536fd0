/**
 * An ILIKE pattern matching any text that contains `text` as typed: its `\`, `%` and `_` are escaped, so a name filter
 * never turns into a wildcard. Use it with `ilike ? escape '\'`.
 */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
