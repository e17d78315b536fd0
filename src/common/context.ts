import type { ConnectionType, EntityManager, Knex, MetadataStorage, Platform } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import type { RequestScope } from './request-scope';
import type { LoaderRegistry } from './loaders';

/** What a read path builds its SQL on: the entities' metadata and a knex; an EntityManager is one. */
export interface ReadSource {
  getKnex(type?: ConnectionType): Knex;
  getMetadata(): MetadataStorage;
  getPlatform(): Platform;
}

/** What every resolver gets: built once per request, never shared between requests. */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  /** A fork per request, so identity maps never leak between callers; made when first used. */
  em: EntityManager;
  /**
   * What reads that hydrate no entity build their SQL on, without making the fork for it: the knex of `em` once the
   * request has one (in a mutation, its transaction), else a read connection's, as a fresh fork's would be.
   */
  reads: ReadSource;
  loaders: LoaderRegistry;
  /** The request's logger: every line carries the request id. */
  log: Logger;
  /** The `x-access-purpose` header as sent, if any: why the caller reads restricted data (see the access log). */
  accessPurpose?: string;
  /** Where the request's reads go and when its SQL stops (none outside HTTP requests); `reads` and `em` carry it. */
  readonly scope?: RequestScope;
}

/** Declares a per-request DataLoader: `memberById(ctx).load(id)`. */
export function defineLoader<K, V>(
  create: (ctx: RequestContext) => DataLoader<K, V>,
): (ctx: RequestContext) => DataLoader<K, V> {
  const key = Symbol(create.name);
  return (ctx) => ctx.loaders.get(key, () => create(ctx));
}
