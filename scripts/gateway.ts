/**
 * `npm run gateway`: the local federated graph. Starts our API (`node dist/src/main.js`, on API_PORT), the City Cycling
 * example (PARTNER_PORT) and Apollo Gateway (or Hive Gateway with GATEWAY=hive) over supergraph.graphql (GATEWAY_PORT),
 * all on 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startCityCyclingSubgraph, type RunningSubgraph } from '../examples/partner-subgraph/server';
import { projectRoot } from '../src/config';
import { startGateway, type RunningGateway } from './federation/gateway-server';
import { startHiveGateway } from './federation/hive-gateway-server';
import { CLIMATE_ALLIANCE_SUBGRAPH, localGateway, localPorts } from './federation/local-graph';

const GATEWAY_SERVERS = { apollo: startGateway, hive: startHiveGateway };

// the first start initialises, migrates and seeds an embedded PostgreSQL
const API_READY_TIMEOUT_MS = 180_000;

async function answers(url: string): Promise<boolean> {
  return fetch(url).then(
    (response) => response.ok,
    () => false,
  );
}

async function waitUntilReady(api: ChildProcess, port: number): Promise<void> {
  const deadline = Date.now() + API_READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`the API exited with code ${api.exitCode} before it was ready`);
    if (await answers(`http://127.0.0.1:${port}/health/ready`)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the API did not answer /health/ready within ${API_READY_TIMEOUT_MS / 1000} s`);
}

async function main(): Promise<void> {
  const ports = localPorts();
  const gatewayName = localGateway();
  const supergraphFile = path.join(projectRoot(), 'supergraph.graphql');
  if (!fs.existsSync(supergraphFile)) throw new Error('supergraph.graphql is missing: run `npm run supergraph`');

  if (await answers(`http://127.0.0.1:${ports.climateAlliance}/health/live`)) {
    throw new Error(`port ${ports.climateAlliance} already answers: stop that server or set API_PORT`);
  }
  const api = spawn(process.execPath, [path.join(projectRoot(), 'dist/src/main.js')], {
    // TRUST_PROXY: believe the gateway's X-Forwarded-For, so anonymous callers are rate-limited each on its own
    env: { TRUST_PROXY: '127.0.0.1', ...process.env, PORT: String(ports.climateAlliance), HOST: '127.0.0.1' },
    stdio: 'inherit',
  });
  const stopApi = () => {
    if (api.exitCode === null) api.kill('SIGTERM');
  };
  let partner: RunningSubgraph;
  let gateway: RunningGateway;
  try {
    await waitUntilReady(api, ports.climateAlliance);
    partner = await startCityCyclingSubgraph({ port: ports.cityCycling });
    gateway = await GATEWAY_SERVERS[gatewayName]({
      supergraphSdl: fs.readFileSync(supergraphFile, 'utf8'),
      authorizedSubgraph: CLIMATE_ALLIANCE_SUBGRAPH,
      port: ports.gateway,
    });
  } catch (error) {
    stopApi();
    throw error;
  }
  console.log(`Climate Alliance subgraph: http://127.0.0.1:${ports.climateAlliance}/graphql`);
  console.log(`City Cycling subgraph:     ${partner.url}`);
  console.log(`Gateway ready at           ${gateway.url}`);

  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${reason}: stopping`);
    try {
      await gateway.stop();
      await partner.stop();
    } finally {
      stopApi();
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  api.once('exit', (code) => {
    if (code) process.exitCode = code;
    void stop(`the API exited (code ${code})`);
  });
}

main().catch((error) => {
  console.error(`Could not start the local gateway: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
