import v8 from 'node:v8';

/**
 * How far the old generation may grow past what the last full collection left alive before V8 collects it again:
 * to (1 + HEAP_GROWING_PERCENT / 100) times. Left to itself V8 grows it to four times on a machine whose heap limit is
 * 2 GB or more (any machine with 16 GB of memory or more), and under load it does: with about 45 MB alive the next
 * full collection came at 196 MB, so the peak resident set was mostly garbage awaiting it. At 2.5 times the peak
 * under the benchmark's load fell from 297–330 to 220–239 MB, for 50–70 % more full collections: about one point of
 * the busy CPU (docs/performance.md, "Peak memory under load").
 */
export const HEAP_GROWING_PERCENT = 150;

/** Below this heap limit V8's own cap on the factor is 1.3 to 2, under ours: it is left alone. */
const LARGE_HEAP_LIMIT_BYTES = 2 * 1024 ** 3;

/**
 * Sets the factor for this process. The server is started as `node dist/src/main.js`, so this is the one place it can
 * be set: V8 reads this flag at every full collection, unlike the heap size flags, which only count at start.
 * A `--heap-growing-percent` given to node, or a heap limit under 2 GB (`--max-old-space-size`, a small machine),
 * wins.
 */
export function boundHeapGrowth(): void {
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent/.test(arg))) return;
  if (v8.getHeapStatistics().heap_size_limit < LARGE_HEAP_LIMIT_BYTES) return;
  v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
