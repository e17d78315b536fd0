import { composeServices } from '@apollo/composition';
import { parse, printSchema } from 'graphql';
import { printSubgraphSdl } from './subgraph-sdl';

/**
 * The schema as clients of the composed graph see it (schema.client.graphql): our subgraph composed on its own, as a
 * gateway would, and reduced to its API schema, so no federation machinery is left (no @link or @key, no `_service`,
 * `_entities`, `_Any` or `_Entity`). Plain graphql-js and client code generators read it.
 */
export async function printClientSdl(): Promise<string> {
  const result = composeServices([
    { name: 'climate-alliance', url: 'http://localhost:4000/graphql', typeDefs: parse(await printSubgraphSdl()) },
  ]);
  if (result.errors) throw new Error(`Composition failed: ${result.errors.map((e) => e.message).join('; ')}`);
  return `${printSchema(result.schema.toAPISchema().toGraphQLJSSchema()).trim()}\n`;
}
