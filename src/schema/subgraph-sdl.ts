import { printSubgraphSchema } from '@apollo/subgraph';
import { buildFederatedSchema } from './build-schema';

/** The subgraph SDL, with its federation directives, exactly as `_service { sdl }` serves it. */
export async function printSubgraphSdl(): Promise<string> {
  return `${printSubgraphSchema(await buildFederatedSchema()).trim()}\n`;
}
