import { inspect } from 'node:util';
import {
  DefaultLogger,
  type Knex,
  type LogContext,
  type LoggerNamespace,
  type LoggerOptions,
  type Options,
} from '@mikro-orm/postgresql';
import type { Logger } from 'pino';

/** MikroORM's lines (deprecations; queries when `debug` is on) as pino records at their own level. */
class PinoOrmLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly pino: Logger,
  ) {
    super(options);
  }

  override log(namespace: LoggerNamespace, message: string, context?: LogContext): void {
    if (!this.isEnabled(namespace, context)) return;
    const level = context?.level === 'error' ? 'error' : context?.level === 'warning' ? 'warn' : 'info';
    this.pino[level]({ namespace, label: context?.label }, message.replace(/\s+/g, ' ').trim());
  }
}

/**
 * MikroORM and knex write plain text to the console by default (knex, e.g. "Connection Error: ..." when a pooled
 * connection drops); these options send both through the server's pino logger, so every line stays JSON.
 */
export function ormLogging(logger: Logger): Pick<Options, 'loggerFactory' | 'colors'> & { knexLog: Knex.Logger } {
  const orm = logger.child({ component: 'orm' });
  const knex = logger.child({ component: 'knex' });
  const line = (message: unknown) => (typeof message === 'string' ? message : inspect(message));
  return {
    loggerFactory: (options) => new PinoOrmLogger(options, orm),
    // pino writes JSON: no terminal colour codes inside messages
    colors: false,
    knexLog: {
      debug: (message) => knex.debug(line(message)),
      warn: (message) => knex.warn(line(message)),
      error: (message) => knex.error(line(message)),
      deprecate: (message) => knex.warn(line(message)),
    },
  };
}
