import type { ConnectionType, EntityManager, Knex, MetadataStorage, Platform } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Viewer } from '../auth/viewer';
import type { RequestDriver, RequestScope } from './request-scope';
import type { ReadSource, RequestContext } from './context';
import { LoaderRegistry } from './loaders';

/**
 * A request's EntityManager, forked from `root` when something first uses it: a fork (its unit of work, identity map
 * and helpers) cost about 3 % of a small read's CPU, and most reads hydrate no entity, so need none. Until then the
 * reads' knex is a read connection's, as a fresh fork's is (no transaction); once there is a fork (or a mutation set
 * its transaction's EntityManager), it is that EntityManager's knex, so reads inside a transaction run in it.
 * Both know the request's scope (./request-scope.ts): its reads stick to one server and stop when it is given up.
 */
export class LazyFork implements ReadSource {
  private fork: EntityManager | undefined;
  private driver: RequestDriver | undefined;

  constructor(
    private readonly root: EntityManager,
    readonly scope?: RequestScope,
  ) {}

  get em(): EntityManager {
    return (this.fork ??= this.forkForRequest());
  }

  set em(em: EntityManager) {
    this.fork = em;
  }

  /**
   * A fork whose driver is the request's view of it (src/db/replica-routing-driver.ts), so that everything the fork
   * runs, MikroORM's own queries and its transactions included, knows the request without an async-local store.
   */
  private forkForRequest(): EntityManager {
    const driver = this.requestDriver();
    // there is no transaction or MikroORM request context to find: skip looking for one
    if ((driver as unknown) === this.root.getDriver()) return this.root.fork({ disableContextResolution: true });
    const parent = Object.create(this.root, { driver: { value: driver } }) as EntityManager;
    return parent.fork({ disableContextResolution: true });
  }

  getKnex(type: ConnectionType = 'read'): Knex {
    if (this.fork) return this.fork.getKnex(type);
    return this.requestDriver().getConnection(type).getKnex() as Knex;
  }

  /** The request's view of the driver, made once; the driver itself outside requests. */
  private requestDriver(): RequestDriver {
    if (this.driver) return this.driver;
    const driver = this.root.getDriver() as unknown as Partial<RequestDriver> & RequestDriver;
    this.driver = this.scope && typeof driver.forRequest === 'function' ? driver.forRequest(this.scope) : driver;
    return this.driver;
  }

  getMetadata(): MetadataStorage {
    return this.root.getMetadata();
  }

  getPlatform(): Platform {
    return this.root.getPlatform();
  }
}

/** The fields of a request's context that are not its EntityManager. */
export type RequestFields = Pick<RequestContext, 'requestId' | 'viewer' | 'log' | 'accessPurpose' | 'scope'>;

/** A request's context whose EntityManager is a LazyFork's: forked when first used, and the reads' source. */
export class LazyForkContext implements RequestContext {
  requestId: string;
  viewer: Viewer;
  log: Logger;
  accessPurpose?: string;
  readonly scope?: RequestScope;
  loaders = new LoaderRegistry();
  readonly reads: LazyFork;

  constructor(root: EntityManager, fields: RequestFields) {
    this.requestId = fields.requestId;
    this.viewer = fields.viewer;
    this.log = fields.log;
    this.accessPurpose = fields.accessPurpose;
    this.scope = fields.scope;
    this.reads = new LazyFork(root, fields.scope);
  }

  get em(): EntityManager {
    return this.reads.em;
  }

  set em(em: EntityManager) {
    this.reads.em = em;
  }
}
