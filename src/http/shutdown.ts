import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';

export interface ShutdownDeps {
  app: FastifyInstance;
  /** Closed once the server no longer answers (the pool, and the embedded PostgreSQL if any). */
  database: { close(): Promise<void> };
  graceMs: number;
  logger: Logger;
}

/**
 * Stops taking requests and lets those in flight finish for up to `graceMs`; then cuts the connections still open (a
 * slow download would otherwise hold the process forever), so their work ends, and closes the database.
 */
export async function shutDown({ app, database, graceMs, logger }: ShutdownDeps): Promise<void> {
  const cut = setTimeout(() => {
    logger.warn({ graceMs }, 'shutdown grace period over: cutting the requests still running');
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(cut);
  }
  await database.close();
}
