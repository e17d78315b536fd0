/** The HTTP request each server gets for a scenario, and the check that their answers agree before any timing. */
import type { Fixtures } from './fixtures';
import { countItems } from './items';
import type { LoadJob } from './load';
import type { GraphqlRequest, Scenario } from './scenarios';
import type { RunningServer, ServerName } from './servers';

export type ScenarioRequest = Omit<LoadJob, 'connections' | 'seconds'>;

/** The bootstrap ADMIN key our API is started with, for the scenarios that must see every row. */
export const BENCH_ADMIN_KEY = 'bench-admin-key-not-a-secret';

function graphqlRequest(url: string, request: GraphqlRequest, fixtures: Fixtures, ours: boolean): ScenarioRequest {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (ours && request.admin) headers.authorization = `Bearer ${BENCH_ADMIN_KEY}`;
  const variables = request.variables?.(fixtures) ?? {};
  if (ours && request.cache === 'revalidate') {
    const search = new URLSearchParams({ query: request.query, variables: JSON.stringify(variables) });
    const get = { ...headers, 'apollo-require-preflight': 'true' };
    return { url: `${url}/graphql?${search}`, method: 'GET', headers: get, body: '', expectStatus: 304 };
  }
  // our response cache would answer a repeated request without doing its work: measure the work
  if (ours && !request.cache) headers['cache-control'] = 'no-cache';
  return { url: `${url}/graphql`, headers, body: JSON.stringify({ query: request.query, variables }) };
}

/** The request a dashboard sends once it holds the answer: its ETag in If-None-Match. */
export async function revalidating(request: ScenarioRequest): Promise<ScenarioRequest> {
  if (request.expectStatus !== 304) return request;
  const response = await fetch(request.url, { headers: request.headers });
  const etag = response.headers.get('etag');
  if (response.status !== 200 || !etag) throw new Error(`a GET answered HTTP ${response.status} without an ETag`);
  return { ...request, headers: { ...request.headers, 'if-none-match': etag } };
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
  const response =
    request.method === 'GET'
      ? await fetch(request.url, { headers: request.headers })
      : await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
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
