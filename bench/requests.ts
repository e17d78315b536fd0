/** The HTTP request each server gets for a scenario, and the check that their answers agree before any timing. */
import type { Fixtures } from './fixtures';
import { countItems } from './items';
import type { LoadJob } from './load';
import type { GraphqlRequest, Scenario } from './scenarios';
import type { RunningServer, ServerName } from './servers';

export type ScenarioRequest = Omit<LoadJob, 'connections' | 'seconds'>;

/** The bootstrap ADMIN key our API is started with, for the scenarios that must see every row. */
export const BENCH_ADMIN_KEY = 'bench-admin-key-not-a-secret';

function graphqlRequest(url: string, request: GraphqlRequest, fixtures: Fixtures, admin: boolean): ScenarioRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (admin && request.admin) headers.authorization = `Bearer ${BENCH_ADMIN_KEY}`;
  const body = JSON.stringify({ query: request.query, variables: request.variables?.(fixtures) ?? {} });
  return { url: `${url}/graphql`, headers, body };
}

export function serversFor(scenario: Scenario, servers: ServerName[]): ServerName[] {
  return servers.filter((name) => name === 'ours' || scenario[name] !== undefined);
}

export function scenarioRequest(scenario: Scenario, server: RunningServer, fixtures: Fixtures): ScenarioRequest {
  if (server.name === 'ours') return graphqlRequest(server.url, scenario.ours, fixtures, true);
  if (server.name === 'postgraphile') return graphqlRequest(server.url, scenario.postgraphile!, fixtures, false);
  const floor = scenario.floor!;
  return {
    url: `${server.url}/${floor.statement}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(floor.params?.(fixtures) ?? []),
  };
}

function itemPaths(scenario: Scenario, server: ServerName): string[] {
  return server === 'postgraphile' ? scenario.postgraphile!.items : scenario.ours.items;
}

/** Items per level of one server's answer; throws when it carries errors or no items at all. */
async function answerCounts(scenario: Scenario, server: ServerName, request: ScenarioRequest): Promise<number[]> {
  const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
  const text = await response.text();
  let answer: { data?: unknown; errors?: unknown[] };
  try {
    answer = JSON.parse(text) as typeof answer;
  } catch {
    throw new Error(`${scenario.name}: ${server} answered HTTP ${response.status} with no JSON: ${text.slice(0, 300)}`);
  }
  if (!response.ok || answer.errors || !answer.data) {
    throw new Error(`${scenario.name}: ${server} answered HTTP ${response.status}: ${text.slice(0, 500)}`);
  }
  const counts = itemPaths(scenario, server).map((path) => countItems(answer.data, path));
  if (!(counts[0] > 0)) throw new Error(`${scenario.name}: ${server}'s answer has no items`);
  return counts;
}

/** Refuses (throws) unless every server's answer carries the same number of items at every level; returns ours. */
export async function checkAnswers(scenario: Scenario, requests: Map<ServerName, ScenarioRequest>): Promise<number[]> {
  const counts = new Map<ServerName, number[]>();
  for (const [server, request] of requests) counts.set(server, await answerCounts(scenario, server, request));
  const ours = counts.get('ours')!;
  for (const [server, theirs] of counts) {
    if (theirs.join() !== ours.join()) {
      throw new Error(
        `${scenario.name}: the answers differ, items per level: ours ${ours.join('/')}, ${server} ${theirs.join('/')}`,
      );
    }
  }
  return ours;
}
