/**
 * How many network-figure statements (emissionTotals, allianceProgress) run at once in this process. Top-level fields
 * resolve in parallel, so without a limit one request of 15 aliased aggregates would hold 15 pool connections and
 * every other caller would wait for one; with it, aggregates queue among themselves and 8 of the pool's 10
 * connections stay free for everything else. Two, not more: each such statement keeps a database core busy, and with
 * three on a two-core server a light query waited 780 ms for the CPU (test/http/figure-stall.test.ts, in CI).
 */
export const FIGURE_STATEMENTS_AT_ONCE = 2;

let running = 0;
const waiting: (() => void)[] = [];

/** Runs `work` (a figure's SQL) once one of the FIGURE_STATEMENTS_AT_ONCE slots is free, first come first served. */
export async function inFigureSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= FIGURE_STATEMENTS_AT_ONCE) await new Promise<void>((resolve) => waiting.push(resolve));
  else running++;
  try {
    return await work();
  } finally {
    // hand the slot straight to the next in line, so `running` never drops below the queue's claim
    const next = waiting.shift();
    if (next) next();
    else running--;
  }
}
