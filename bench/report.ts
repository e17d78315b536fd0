/** The benchmark's figures as the Markdown the README takes as it is: medians over the interleaved rounds. */
import type { LoadFigures } from './load';
import type { Machine } from './machine';
import type { ServerName } from './servers';

export interface ScenarioResult {
  title: string;
  /** Items per level in the answers (the same for every server). */
  items: number[];
  rounds: Partial<Record<ServerName, LoadFigures[]>>;
}

export interface RunFacts {
  machine: Machine;
  node: string;
  database: string;
  seconds: number;
  rounds: number;
  connections: number;
  /** Peak RSS under load per server, in MB. */
  peakRssMb: Partial<Record<ServerName, number>>;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const whole = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) =>
  value < 1 ? '< 1' : Number.isInteger(value) || value >= 10 ? whole(value) : value.toFixed(1);

interface Summary {
  rps: number;
  p50: number;
  p99: number;
}

function summarise(rounds: LoadFigures[] | undefined): Summary | undefined {
  if (!rounds?.length) return undefined;
  return {
    rps: median(rounds.map((round) => round.requestsPerSecond)),
    p50: median(rounds.map((round) => round.p50Ms)),
    p99: median(rounds.map((round) => round.p99Ms)),
  };
}

function cells(summary: Summary | undefined): string[] {
  return summary ? [whole(summary.rps), `${ms(summary.p50)} / ${ms(summary.p99)}`] : ['—', '—'];
}

function ratio(ours: Summary | undefined, theirs: Summary | undefined): string {
  return ours && theirs ? (ours.rps / theirs.rps).toFixed(2) : '—';
}

export function markdownTable(results: ScenarioResult[]): string {
  const lines = [
    '| work | this API req/s | p50 / p99 ms | PostGraphile v5 req/s | p50 / p99 ms | SQL floor req/s | p50 / p99 ms | ours / PostGraphile | ours / floor |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const result of results) {
    const ours = summarise(result.rounds.ours);
    const postgraphile = summarise(result.rounds.postgraphile);
    const floor = summarise(result.rounds.floor);
    const row = [result.title, ...cells(ours), ...cells(postgraphile), ...cells(floor)];
    row.push(ratio(ours, postgraphile), ratio(ours, floor));
    lines.push(`| ${row.join(' | ')} |`);
  }
  return lines.join('\n');
}

export function describeRun(facts: RunFacts): string {
  const { machine } = facts;
  const load = machine.loadAverage.map((value) => value.toFixed(2)).join(', ');
  const rss = (['ours', 'postgraphile', 'floor'] as const)
    .filter((name) => facts.peakRssMb[name] !== undefined)
    .map(
      (name) =>
        `${{ ours: 'this API', postgraphile: 'PostGraphile', floor: 'floor' }[name]} ${whole(facts.peakRssMb[name]!)} MB`,
    )
    .join(', ');
  return [
    `- Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGib.toFixed(0)} GiB; load average at start ${load} (1/5/15 min).`,
    `- Node ${facts.node} for this API and the floor; ${facts.database}.`,
    `- ${facts.rounds} interleaved rounds of ${facts.seconds} s per server and scenario, ${facts.connections} connections; medians.`,
    `- Peak RSS under load: ${rss}.`,
  ].join('\n');
}

/** Rounds in which some requests failed (socket errors or non-2xx): their figures are not to be trusted. */
export function failureNotes(results: ScenarioResult[]): string[] {
  const notes: string[] = [];
  for (const result of results) {
    for (const [server, rounds] of Object.entries(result.rounds)) {
      const failed = rounds!.reduce((sum, round) => sum + round.failures, 0);
      if (failed) notes.push(`${result.title}: ${server} had ${failed} failed requests`);
    }
  }
  return notes;
}
