import { GraphQLError, type ValidationRule } from 'graphql';
import type { Limits } from '../config/limits';

/**
 * Refuses aliases longer than `maxAliasLength` characters: an alias is a key of the response, written once for every
 * item of the list it sits in, so one long alias would multiply a cheap request's answer by its length.
 */
export function aliasLengthRule(limits: Limits): ValidationRule {
  return (context) => ({
    Field(node) {
      if (node.alias && node.alias.value.length > limits.maxAliasLength) {
        context.reportError(
          new GraphQLError(
            `The alias "${node.alias.value.slice(0, 20)}…" is longer than ${limits.maxAliasLength} characters`,
            { nodes: [node.alias] },
          ),
        );
      }
    },
  });
}
