import type { ApolloServerPlugin } from '@apollo/server';
import { UserInputError } from '../common/errors';
import type { GraphqlContext } from './graphql-context';
import { MAX_LIST_ARGUMENT_ITEMS } from './limits';

/** Arguments whose length the cost analysis counts instead (a gateway may send many representations at once). */
const COUNTED_BY_COST = new Set(['_entities.representations']);

interface Overlong {
  path: string;
  length: number;
}

/** The first list longer than the limit inside an argument value, with its path, e.g. `input.populations`. */
function overlongList(value: unknown, path: string): Overlong | null {
  if (Array.isArray(value)) {
    if (value.length > MAX_LIST_ARGUMENT_ITEMS) return { path, length: value.length };
    for (const [index, item] of value.entries()) {
      const found = overlongList(item, `${path}[${index}]`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = overlongList(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Refuses any list argument longer than 100 entries before its resolver runs, as BAD_USER_INPUT naming the
 * argument, as the services' own checks (requireMaxItems) would: a safety net for every field, present and future.
 */
export const listArgumentLimit: ApolloServerPlugin<GraphqlContext> = {
  async requestDidStart() {
    return {
      async executionDidStart() {
        return {
          willResolveField({ args, info }) {
            for (const [name, value] of Object.entries(args)) {
              if (COUNTED_BY_COST.has(`${info.fieldName}.${name}`)) continue;
              const found = overlongList(value, name);
              if (found) {
                throw new UserInputError(
                  found.path,
                  `at most ${MAX_LIST_ARGUMENT_ITEMS} entries are allowed, got ${found.length}`,
                );
              }
            }
          },
        };
      },
    };
  },
};
