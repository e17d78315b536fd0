/** A problem starting the embedded PostgreSQL that the message fully explains (no stack trace needed). */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
}
