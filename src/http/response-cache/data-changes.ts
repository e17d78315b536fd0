import type { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from 'pino';

/** The PostgreSQL channel on which writes made outside a server (a seed, a figure rebuild) are announced. */
export const DATA_CHANGED_CHANNEL = 'climate_alliance_data_changed';

/** Tells every server on this database that its data changed outside the API: they drop their stored answers. */
export async function announceDataChange(orm: MikroORM): Promise<void> {
  await orm.em.getConnection().execute(`notify ${DATA_CHANGED_CHANNEL}`);
}

/**
 * Listens, on a connection of its own, for announced changes and calls `changed` for each. Should the connection
 * drop, anything may have been missed: `changed` is called, and listening starts again once the database answers.
 * The server does not wait for it: a database that is away at start is the readiness check's to report. Returns
 * the function that stops listening.
 */
export function listenForDataChanges(
  connectionString: string,
  changed: () => Promise<void>,
  log: Logger,
): () => Promise<void> {
  let client: pg.Client | null = null;
  let listenedBefore = false;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const listenAgain = () => {
    if (!stopped) retry = setTimeout(() => void listen().catch(listenAgain), 1_000).unref();
  };
  const listen = async () => {
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000 });
    next.on('notification', () => void changed());
    next.on('error', (error) => {
      // a connection that never listened is retried by its own failure below
      if (client !== next) return;
      client = null;
      log.warn({ err: error }, 'lost the connection announcing data changes: listening again');
      void next.end().catch(() => undefined);
      void changed();
      listenAgain();
    });
    try {
      await next.connect();
      await next.query(`listen ${DATA_CHANGED_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) return void (await next.end());
    client = next;
    // what was announced while nothing listened is unknown
    if (listenedBefore) void changed();
    listenedBefore = true;
  };
  void listen().catch(listenAgain);
  return async () => {
    stopped = true;
    clearTimeout(retry);
    await client?.end();
  };
}
