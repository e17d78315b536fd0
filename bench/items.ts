/** Counting the items of an answer along a dotted path (arrays on the way are walked), to compare servers' answers. */

/** The items at `path` in `data`: the summed lengths of the arrays found there, or the number of non-null objects. */
export function countItems(data: unknown, path: string): number {
  let values: unknown[] = [data];
  for (const key of path.split('.')) {
    values = values
      .flatMap((value) => (Array.isArray(value) ? value : [value]))
      .map((value) =>
        value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined,
      );
  }
  return values.reduce<number>((sum, value) => {
    if (Array.isArray(value)) return sum + value.length;
    return sum + (value !== null && value !== undefined ? 1 : 0);
  }, 0);
}
