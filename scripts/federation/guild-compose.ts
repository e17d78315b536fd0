import { composeServices } from '@theguild/federation-composition';
import { CompositionFailedError, type SubgraphSource } from './compose';

/**
 * Composes the subgraphs with The Guild's composer (what Hive's schema registry and Hive Gateway users run), as
 * `composeSupergraph` does with Apollo's. Throws CompositionFailedError on any composition error.
 */
export function composeSupergraphWithTheGuild(subgraphs: SubgraphSource[]): {
  supergraphSdl: string;
  publicSdl: string;
} {
  const result = composeServices(subgraphs);
  if (result.errors) {
    throw new CompositionFailedError(result.errors.map((error) => `${error.extensions.code}: ${error.message}`));
  }
  return { supergraphSdl: result.supergraphSdl, publicSdl: result.publicSdl };
}
