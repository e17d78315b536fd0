import DataLoader from 'dataloader';

/** The DataLoaders of one request, created on first use and dropped with the request. */
export class LoaderRegistry {
  private readonly loaders = new Map<symbol | string, DataLoader<unknown, unknown>>();

  /** `key` is a loader's symbol, or a string naming one loader per variant (e.g. per read plan). */
  get<K, V>(key: symbol | string, create: () => DataLoader<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(key) as DataLoader<K, V> | undefined;
    if (!loader) {
      loader = create();
      this.loaders.set(key, loader as DataLoader<unknown, unknown>);
    }
    return loader;
  }
}

/** Orders batch results like the keys, filling gaps with `fallback`, as DataLoader requires. */
export function byKeys<K, V, F>(keys: readonly K[], rows: V[], keyOf: (row: V) => K, fallback: F): (V | F)[] {
  const found = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => found.get(key) ?? fallback);
}

/** Groups batch results per key, as a list per key (empty when none). */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
