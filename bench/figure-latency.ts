/**
 * `npm run bench -- --scale N`: each network figure asked by one client, one request at a time (a dashboard's
 * single request, not throughput), after a few warm-up requests; p50 and max over the timed ones.
 */
import type { Fixtures } from './fixtures';
import type { FigureScenario } from './figure-scenarios';
import { countItems } from './items';
import { median } from './report';
import { BENCH_ADMIN_KEY } from './requests';

export interface FigureResult {
  title: string;
  items: number;
  p50Ms: number;
  maxMs: number;
  /** Timed requests answered with errors (a statement timeout, say): their time counts, until the error. */
  failures: number;
  /** The first failure's answer. */
  failure?: string;
}

const WARMUP_REQUESTS = 3;

async function ask(url: string, scenario: FigureScenario, fixtures: Fixtures): Promise<number> {
  // a fresh answer each time: the figure computed, not the response cache's copy of the previous one
  const headers: Record<string, string> = { 'content-type': 'application/json', 'cache-control': 'no-cache' };
  if (scenario.admin) headers.authorization = `Bearer ${BENCH_ADMIN_KEY}`;
  const body = JSON.stringify({ query: scenario.query, variables: scenario.variables?.(fixtures) ?? {} });
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers, body });
  const text = await response.text();
  const answer = JSON.parse(text) as { data?: unknown; errors?: unknown[] };
  if (!response.ok || answer.errors || !answer.data) {
    throw new Error(`${scenario.name}: HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  const items = countItems(answer.data, scenario.items);
  if (!(items > 0)) throw new Error(`${scenario.name}: the answer has no items`);
  return items;
}

export async function timeFigure(
  url: string,
  scenario: FigureScenario,
  fixtures: Fixtures,
  requests: number,
): Promise<FigureResult> {
  let items = 0;
  let failures = 0;
  let failure: string | undefined;
  const times: number[] = [];
  for (let i = 0; i < WARMUP_REQUESTS + requests; i++) {
    const started = performance.now();
    try {
      items = await ask(url, scenario, fixtures);
    } catch (error) {
      if (i < WARMUP_REQUESTS) continue;
      failures++;
      failure ??= error instanceof Error ? error.message : String(error);
    }
    if (i >= WARMUP_REQUESTS) times.push(performance.now() - started);
  }
  return { title: scenario.title, items, p50Ms: median(times), maxMs: Math.max(...times), failures, failure };
}

export function figureTable(results: FigureResult[]): string {
  const lines = ['| figure | items | p50 ms | max ms | failed |', '|---|---:|---:|---:|---:|'];
  for (const result of results) {
    const cells = [result.title, result.items, result.p50Ms.toFixed(1), result.maxMs.toFixed(1), result.failures];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}
