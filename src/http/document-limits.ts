import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { aliasLengthRule } from './alias-length';
import type { Limits } from '../config/limits';

/** Reports a limit as a validation error (Apollo gives it GRAPHQL_VALIDATION_FAILED and HTTP 400). */
const report = (context: ValidationContext | null, error: GraphQLError) => {
  context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, '')));
};

/**
 * graphql-armor's limits on the shape of a document: depth, aliases and directives, each counted through fragments.
 * Fragments add no depth of their own (a gateway's `... on Member` must not count as a level), and aliases of
 * `__typename` count too, so they cannot multiply a cheap request; so are aliases longer than `maxAliasLength`. Cost
 * has its own analysis (cost.ts) and tokens are limited by the graphql-js parser itself (parseOptions).
 */
export function documentLimitRules(limits: Limits): ValidationRule[] {
  const rejection = { exposeLimits: true, propagateOnRejection: false, onReject: [report] };
  return new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ignoreIntrospection: true, ...rejection },
    maxAliases: { n: limits.maxAliases, allowList: [], ...rejection },
    maxDirectives: { n: limits.maxDirectives, ...rejection },
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  })
    .protect()
    .validationRules.concat(aliasLengthRule(limits));
}

/** The parser stops at the first token over the limit, before building the rest of the document. */
export function parseOptions(limits: Limits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}
