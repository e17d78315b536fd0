/**
 * `npm run bench`: this API, PostGraphile v5 and a hand-written SQL floor over one seeded database, each in its own
 * process, driven by autocannon from another; rounds interleaved (A, B, C, A, B, C…) so drift hits every server alike.
 * Prints a Markdown table of medians. With `--scale N`, this API alone over N times the demo data, each network figure
 * timed one request at a time (bench/figure-latency.ts). Options in bench/args.ts; the README's benchmark section
 * tells how to read it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseBenchOptions, type BenchOptions } from './args';
import { selfTimeByPackage, topSelfTime } from './cpu-profile';
import { openBenchDatabase, type BenchDatabase } from './database';
import { figureTable, timeFigure, type FigureResult } from './figure-latency';
import { FIGURE_SCENARIOS } from './figure-scenarios';
import { loadFixtures, type Fixtures } from './fixtures';
import { runLoad } from './load';
import { describeMachine } from './machine';
import { OURS_ONLY_SCENARIOS } from './ours-only-scenarios';
import { describeRun, failureNotes, markdownTable, type ScenarioResult } from './report';
import { checkAnswers, revalidating, scenarioRequest, serversFor, type ScenarioRequest } from './requests';
import { SCENARIOS, type Scenario } from './scenarios';
import { serverCommands } from './server-commands';
import { peakRssMb, resetPeakRss, startServer, type RunningServer, type ServerName } from './servers';

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');
const ALL_SCENARIOS = [...SCENARIOS, ...OURS_ONLY_SCENARIOS];

async function benchScenario(
  scenario: Scenario,
  servers: RunningServer[],
  fixtures: Fixtures,
  options: BenchOptions,
): Promise<ScenarioResult> {
  const names = serversFor(scenario, options.servers);
  const taking = servers.filter((server) => names.includes(server.name));
  const requests = new Map<ServerName, ScenarioRequest>(
    taking.map((server) => [server.name, scenarioRequest(scenario, server, fixtures)]),
  );
  const items = await checkAnswers(scenario, requests);
  for (const [name, request] of requests) requests.set(name, await revalidating(request));
  const load = { connections: options.connections };
  for (const server of taking) {
    await runLoad({ ...requests.get(server.name)!, ...load, seconds: options.warmupSeconds });
  }
  const result: ScenarioResult = { title: scenario.title, items, rounds: {} };
  for (let round = 1; round <= options.rounds; round++) {
    for (const server of taking) {
      const figures = await runLoad({ ...requests.get(server.name)!, ...load, seconds: options.seconds });
      (result.rounds[server.name] ??= []).push(figures);
      console.error(
        `  ${scenario.name} round ${round} ${server.name}: ${figures.requestsPerSecond.toFixed(0)} req/s, ` +
          `p50 ${figures.p50Ms} ms, p99 ${figures.p99Ms} ms${figures.failures ? `, ${figures.failures} failed` : ''}`,
      );
    }
  }
  return result;
}

/** `--scale N`: our server alone, each figure timed one request at a time. */
async function benchFigures(options: BenchOptions, database: BenchDatabase): Promise<void> {
  const machine = describeMachine();
  const scenarios = FIGURE_SCENARIOS.filter((scenario) => !options.only || options.only.includes(scenario.name));
  const fixtures = await loadFixtures(database.url);
  const [command] = serverCommands(PROJECT_ROOT, { ...options, servers: ['ours'] }, database.url, '');
  const server = await startServer(command);
  const results: FigureResult[] = [];
  try {
    for (const scenario of scenarios) {
      results.push(await timeFigure(server.url, scenario, fixtures, options.figureRequests));
      const { p50Ms, maxMs, failures, failure } = results.at(-1)!;
      const failed = failures ? `, ${failures} failed: ${failure!.slice(0, 200)}` : '';
      console.error(`  ${scenario.name}: p50 ${p50Ms.toFixed(1)} ms, max ${maxMs.toFixed(1)} ms${failed}`);
    }
  } finally {
    await server.stop();
  }
  const load = machine.loadAverage.map((value) => value.toFixed(2)).join(', ');
  console.log(`\n${figureTable(results)}\n`);
  console.log(
    `- ×${options.scale} data: ${database.description}. One client, ${options.figureRequests} requests per figure ` +
      `after 3 warm-up ones.\n- Machine: ${machine.cpu}, ${machine.cores} cores; load average at start ${load}.`,
  );
}

async function main(): Promise<void> {
  const options = parseBenchOptions(
    process.argv.slice(2),
    ALL_SCENARIOS.map((scenario) => scenario.name),
    FIGURE_SCENARIOS.map((scenario) => scenario.name),
  );
  if (options.scale !== undefined) {
    const database = await openBenchDatabase(PROJECT_ROOT, options.scale);
    try {
      return await benchFigures(options, database);
    } finally {
      await database.close();
    }
  }
  const machine = describeMachine();
  const scenarios = ALL_SCENARIOS.filter((scenario) => !options.only || options.only.includes(scenario.name));
  const database = await openBenchDatabase(PROJECT_ROOT);
  const servers: RunningServer[] = [];
  const stopAll = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database.close();
  };
  const interrupted = () => void stopAll().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  const profileDir = options.cpuProf ? fs.mkdtempSync(path.join(os.tmpdir(), 'climate-alliance-bench-profile-')) : '';
  const results: ScenarioResult[] = [];
  const refused: string[] = [];
  try {
    const fixtures = await loadFixtures(database.url);
    for (const command of serverCommands(PROJECT_ROOT, options, database.url, profileDir)) {
      servers.push(await startServer(command));
    }
    for (const server of servers) resetPeakRss(server.pid);
    for (const scenario of scenarios) {
      console.error(`${scenario.name}: ${scenario.title}`);
      try {
        results.push(await benchScenario(scenario, servers, fixtures, options));
      } catch (error) {
        refused.push(error instanceof Error ? error.message : String(error));
        console.error(`  not timed: ${refused.at(-1)}`);
      }
    }
    const peaks = Object.fromEntries(servers.map((server) => [server.name, peakRssMb(server.pid)]));
    console.log(`\n${markdownTable(results)}\n`);
    console.log(
      describeRun({
        machine,
        node: process.version,
        database: database.description,
        seconds: options.seconds,
        rounds: options.rounds,
        connections: options.connections,
        peakRssMb: peaks,
      }),
    );
    for (const note of failureNotes(results)) console.log(`Warning: ${note}`);
    for (const reason of refused) console.log(`Not timed: ${reason}`);
  } finally {
    await stopAll();
  }
  const profile = profileDir && fs.readdirSync(profileDir).find((file) => file.endsWith('.cpuprofile'));
  if (profile) {
    console.log(`\nThis API's CPU profile: ${path.join(profileDir, profile)}; top self time:`);
    for (const line of topSelfTime(path.join(profileDir, profile))) console.log(line);
    console.log('self time by package:');
    for (const line of selfTimeByPackage(path.join(profileDir, profile))) console.log(line);
  }
  if (refused.length) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
