import type { ApolloServerPlugin } from '@apollo/server';
import {
  BREAK,
  type DocumentNode,
  getNamedType,
  type GraphQLSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { readOnPrimary } from '../db/read-scope';

/**
 * The types whose visibility follows consent decisions (or that are those decisions and their log). A consent granted
 * or withdrawn applies from the very next request on, which a lagging replica cannot promise: operations selecting any
 * of them read on the primary.
 */
const GOVERNED_TYPES = new Set([
  'IndigenousOrganisation',
  'IndigenousTerritory',
  'Partnership',
  'BiodiversityProject',
  'BiodiversityTotal',
  'Contribution',
  'ConsentRecord',
  'AccessLog',
]);

/** Per parsed document (Apollo Server reuses the document of a cached query string), whether it selects governed data. */
const selectsGoverned = new WeakMap<DocumentNode, boolean>();

function touchesGovernedTypes(schema: GraphQLSchema, document: DocumentNode): boolean {
  const typeInfo = new TypeInfo(schema);
  let touches = false;
  const governed = () => {
    const type = typeInfo.getType();
    if (type && GOVERNED_TYPES.has(getNamedType(type).name)) {
      touches = true;
      return BREAK;
    }
    return undefined;
  };
  // every fragment counts, even one the operation does not spread: erring towards the primary is safe
  visit(
    document,
    visitWithTypeInfo(typeInfo, { Field: governed, InlineFragment: governed, FragmentDefinition: governed }),
  );
  return touches;
}

/** Sends the reads of an operation that selects consent-governed data to the primary (see ../db/read-scope.ts). */
export const governedReadsPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document }) {
        let touches = selectsGoverned.get(document);
        if (touches === undefined) {
          touches = touchesGovernedTypes(schema, document);
          selectsGoverned.set(document, touches);
        }
        if (touches) readOnPrimary();
      },
    };
  },
};
