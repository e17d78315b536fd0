import type { EntityClass } from '@mikro-orm/postgresql';
import type { GraphQLResolveInfo } from 'graphql';
import type { RequestContext } from '../common/context';
import type { KnownFields } from '../common/known-fields';

/** Federation `__resolveReference` functions, per entity type: `{ Member: { __resolveReference } }`. */
export type ReferenceResolvers = Record<string, Record<string, unknown>>;

/**
 * Federation: resolves all representations of one entity type in an `_entities` field at once, in their order:
 * an entity or null for each, or, where its read failed, a rejected promise (never a rejection of the whole).
 */
export type ReferenceBatch = (
  references: readonly Record<string, unknown>[],
  ctx: RequestContext,
  info: GraphQLResolveInfo,
) => Promise<readonly unknown[]>;

/** Reference batches per entity type: `{ Member: (references, ctx, info) => ... }`. */
export type ReferenceBatches = Record<string, ReferenceBatch>;

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
  /** Batches of the federated entities it owns, used where `_entities` is the operation's only field. */
  referenceBatches?: ReferenceBatches;
  /** Fields of its types (or of others' types it adds fields to) answered from what their parent holds. */
  knownFields?: KnownFields;
}
