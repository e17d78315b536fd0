import type { ConnectionType, EntityManager, Knex, MetadataStorage, Platform } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import type { ReadSource, RequestContext } from './context';
import { LoaderRegistry } from './loaders';

/**
 * A request's EntityManager, forked from `root` when something first uses it: a fork (its unit of work, identity map
 * and helpers) cost about 3 % of a small read's CPU, and most reads hydrate no entity, so need none. Until then the
 * reads' knex is a read connection's, as a fresh fork's is (no transaction); once there is a fork (or a mutation set
 * its transaction's EntityManager), it is that EntityManager's knex, so reads inside a transaction run in it.
 */
export class LazyFork implements ReadSource {
  private fork: EntityManager | undefined;

  constructor(private readonly root: EntityManager) {}

  get em(): EntityManager {
    // there is no transaction or MikroORM request context to find: skip looking for one
    return (this.fork ??= this.root.fork({ disableContextResolution: true }));
  }

  set em(em: EntityManager) {
    this.fork = em;
  }

  getKnex(type: ConnectionType = 'read'): Knex {
    return this.fork ? this.fork.getKnex(type) : this.root.getConnection(type).getKnex();
  }

  getMetadata(): MetadataStorage {
    return this.root.getMetadata();
  }

  getPlatform(): Platform {
    return this.root.getPlatform();
  }
}

/** The fields of a request's context that are not its EntityManager. */
export type RequestFields = Pick<RequestContext, 'requestId' | 'viewer' | 'log' | 'accessPurpose'>;

/** A request's context whose EntityManager is a LazyFork's: forked when first used, and the reads' source. */
export class LazyForkContext implements RequestContext {
  requestId: string;
  viewer: Viewer;
  log: Logger;
  accessPurpose?: string;
  loaders = new LoaderRegistry();
  readonly reads: LazyFork;

  constructor(root: EntityManager, fields: RequestFields) {
    this.requestId = fields.requestId;
    this.viewer = fields.viewer;
    this.log = fields.log;
    this.accessPurpose = fields.accessPurpose;
    this.reads = new LazyFork(root);
  }

  get em(): EntityManager {
    return this.reads.em;
  }

  set em(em: EntityManager) {
    this.reads.em = em;
  }
}
