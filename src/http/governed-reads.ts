import type { BaseContext } from '@apollo/server';
import {
  BREAK,
  type DocumentNode,
  getNamedType,
  type GraphQLSchema,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { RequestContext } from '../common/context';
import { readOnPrimary } from '../db/read-scope';
import { GOVERNED_TYPES } from '../modules/governance/governed-types';
import type { RequestListener, RequestPlugin } from './request-plugin';

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

/** It holds no state of a request: one listener for all of them. */
const governedReadsListener: RequestListener<BaseContext> = {
  didResolveOperation({ schema, document, contextValue }) {
    let touches = selectsGoverned.get(document);
    if (touches === undefined) {
      touches = touchesGovernedTypes(schema, document);
      selectsGoverned.set(document, touches);
    }
    if (touches) readOnPrimary((contextValue as Partial<RequestContext>).scope);
  },
};

/**
 * Sends the reads of an operation that selects consent-governed data (`GOVERNED_TYPES`) to the primary, where a
 * consent granted or withdrawn is already visible (see ../db/read-scope.ts).
 */
export const governedReadsPlugin: RequestPlugin = {
  requestDidStart() {
    return governedReadsListener;
  },
};
