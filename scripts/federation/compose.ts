import { composeServices } from '@apollo/composition';
import type { DocumentNode } from 'graphql';

/** One subgraph as composition sees it: its name in the supergraph, where the gateway reaches it, its SDL. */
export interface SubgraphSource {
  name: string;
  url: string;
  typeDefs: DocumentNode;
}

export interface CompositionHintSummary {
  code: string;
  level: string;
  message: string;
}

export class CompositionFailedError extends Error {
  constructor(readonly problems: string[]) {
    super(`Composition failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'CompositionFailedError';
  }
}

/**
 * WARN and INFO hints point at something to fix in a subgraph (inconsistent descriptions, arguments, entities, an
 * implicitly upgraded federation version); DEBUG hints describe ordinary federation (e.g. a value type one subgraph
 * uses fewer fields of) and are only reported.
 */
export function hintMatters(hint: CompositionHintSummary): boolean {
  return hint.level !== 'DEBUG';
}

/**
 * Composes the subgraphs into a supergraph SDL. Throws CompositionFailedError on any composition error or any hint
 * that matters; returns the hints that do not.
 */
export function composeSupergraph(subgraphs: SubgraphSource[]): {
  supergraphSdl: string;
  hints: CompositionHintSummary[];
} {
  const result = composeServices(subgraphs);
  if (result.errors) {
    throw new CompositionFailedError(result.errors.map((error) => `${error.extensions.code}: ${error.message}`));
  }
  const hints = result.hints.map((hint) => ({
    code: hint.definition.code,
    level: hint.definition.level.name,
    message: hint.message,
  }));
  const problems = hints.filter(hintMatters);
  if (problems.length) throw new CompositionFailedError(problems.map((hint) => `${hint.code}: ${hint.message}`));
  return { supergraphSdl: result.supergraphSdl, hints };
}
