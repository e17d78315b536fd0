import { type GraphQLResolveInfo, Kind } from 'graphql';

// read once: graphql's CommonJS index re-exports `Kind` through a getter
const FIELD = Kind.FIELD;

/**
 * Whether the resolver's field is the only field of its operation: then no other field's reads can share its
 * statements (nothing else is loaded in the same tick), so it may read at once instead of through a loader.
 */
export function isOnlyRootField(info: GraphQLResolveInfo): boolean {
  const { selections } = info.operation.selectionSet;
  return info.path.prev === undefined && selections.length === 1 && selections[0].kind === FIELD;
}
