/**
 * A partner subgraph, runnable on its own: `node dist/examples/partner-subgraph/server.js` (PARTNER_PORT, default 4002).
 * It is plain Apollo Server with @apollo/subgraph; copy the folder and replace the data with your own.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { DEMO_RESULTS, type CyclingResult } from './city-cycling.data';
import { cityCyclingSchema } from './city-cycling.schema';

export interface PartnerSubgraphOptions {
  port: number;
  host?: string;
  results?: CyclingResult[];
}

export interface RunningSubgraph {
  url: string;
  stop(): Promise<void>;
}

export async function startCityCyclingSubgraph(options: PartnerSubgraphOptions): Promise<RunningSubgraph> {
  const server = new ApolloServer({
    schema: cityCyclingSchema(options.results ?? DEMO_RESULTS),
    // per-request traces are for Apollo GraphOS reporting, which this example does not use
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    // whoever starts the subgraph stops it, e.g. the local gateway after it has stopped taking requests
    stopOnTerminationSignals: false,
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host ?? '127.0.0.1' },
  });
  return { url, stop: () => server.stop() };
}

if (require.main === module) {
  const port = Number(process.env.PARTNER_PORT ?? 4002);
  startCityCyclingSubgraph({ port })
    .then(({ url }) => console.log(`City Cycling subgraph ready at ${url}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
