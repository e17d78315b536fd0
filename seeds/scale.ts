/** One step of seeding, reported as it starts and as it ends (then with how long it took). */
export interface SeedStep {
  name: string;
  number: number;
  of: number;
  ms?: number;
}

/** What `npm run db:seed -- --scale N` and the first embedded start pass to every seeder. */
export interface SeedContext {
  /** How many times the demo data set: copies of every member with their own generated histories. */
  scale?: number;
  /** Told as each step starts and ends, so a long seed shows its progress. */
  progress?: (step: SeedStep) => void;
}

/** The seeds, plus `scale − 1` copies with suffixed keys and names ("Wien (2)"), for benchmarks. */
export function scaled<T extends { key: string; name: string }>(seeds: readonly T[], scale = 1): T[] {
  const copies = Array.from({ length: scale - 1 }, (_, i) =>
    seeds.map((seed) => ({ ...seed, key: `${seed.key}~${i + 2}`, name: `${seed.name} (${i + 2})` })),
  );
  return [...seeds, ...copies.flat()];
}

/** `rows` in slices of `size`, for inserts that must stay under PostgreSQL's 65,535 parameters. */
export function inBatches<T>(rows: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(rows.length / size) }, (_, i) => rows.slice(i * size, (i + 1) * size));
}
