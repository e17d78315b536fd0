import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { DocumentNode } from 'graphql';
import type { GraphqlContext } from './graphql-context';

/** Documents remembered by their text: the last ones learned (a document forgotten is learned again from Apollo). */
const MAX_KNOWN_DOCUMENTS = 200;

/** The query documents Apollo Server has parsed and validated, by their text; its `plugin` sees them resolve. */
export class KnownQueries {
  private readonly documents = new Map<string, DocumentNode>();
  private readonly listener: GraphQLRequestListener<GraphqlContext> = {
    didResolveOperation: async ({ source, document, operation }) => {
      if (operation?.operation !== 'query' || this.documents.has(source)) return;
      this.documents.set(source, document);
      if (this.documents.size > MAX_KNOWN_DOCUMENTS) this.documents.delete(this.documents.keys().next().value!);
    },
  };

  readonly plugin: ApolloServerPlugin<GraphqlContext> = {
    requestDidStart: async () => this.listener,
  };

  get(query: string): DocumentNode | undefined {
    return this.documents.get(query);
  }
}
