import type { EntityClass } from '@mikro-orm/postgresql';
import type { KnownFields } from '../common/known-fields';

/** Federation `__resolveReference` functions, per entity type: `{ Member: { __resolveReference } }`. */
export type ReferenceResolvers = Record<string, Record<string, unknown>>;

/**
 * What one folder of src/modules/ adds to the API, exported from its index.ts: src/modules/index.ts collects them for
 * MikroORM (the entities) and the schema builder (the resolvers and the federation references).
 */
export interface ApiModule {
  /** The MikroORM entities whose tables the module owns. */
  entities: EntityClass<object>[];
  /** The type-graphql resolver classes of its queries, mutations and fields. */
  resolvers: Function[];
  /** The reference resolvers of the federated entities it owns. */
  references: ReferenceResolvers[];
  /** Fields of its types (or of others' types it adds fields to) answered from what their parent holds. */
  knownFields?: KnownFields;
}
