import type { EntityManager } from '@mikro-orm/postgresql';
import type DataLoader from 'dataloader';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import type { LoaderRegistry } from './loaders';

/** What every resolver gets: built once per request, never shared between requests. */
export interface RequestContext {
  requestId: string;
  viewer: Viewer;
  /** A fork per request, so identity maps never leak between callers. */
  em: EntityManager;
  loaders: LoaderRegistry;
  /** The request's logger: every line carries the request id. */
  log: Logger;
  /** The `x-access-purpose` header as sent, if any: why the caller reads restricted data (see the access log). */
  accessPurpose?: string;
}

/** Declares a per-request DataLoader: `memberById(ctx).load(id)`. */
export function defineLoader<K, V>(
  create: (ctx: RequestContext) => DataLoader<K, V>,
): (ctx: RequestContext) => DataLoader<K, V> {
  const key = Symbol(create.name);
  return (ctx) => ctx.loaders.get(key, () => create(ctx));
}
