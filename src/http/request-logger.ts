import type { FastifyBaseLogger, FastifyServerOptions } from 'fastify';
import type { Bindings, ChildLoggerOptions } from 'pino';

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

/** pino's standard levels: a line is written when its level's value is at least the logger's `levelVal`. */
const LEVEL_VALUES: Record<Level, number> = { fatal: 60, error: 50, warn: 40, info: 30, debug: 20, trace: 10 };

interface LevelAware extends FastifyBaseLogger {
  isLevelEnabled(level: string): boolean;
  readonly levelVal: number;
  readonly levels: { values: Record<string, number> };
}

/** Whether a logger is a pino logger with the standard levels, compared the standard way (lower values written less). */
function standardLevels(logger: FastifyBaseLogger): logger is LevelAware {
  const { levels, levelVal, isLevelEnabled } = logger as Partial<LevelAware>;
  return (
    typeof isLevelEnabled === 'function' &&
    typeof levelVal === 'number' &&
    Object.entries(LEVEL_VALUES).every(([level, value]) => levels?.values[level] === value) &&
    isLevelEnabled.call(logger, 'fatal') === levelVal <= LEVEL_VALUES.fatal &&
    isLevelEnabled.call(logger, 'trace') === levelVal <= LEVEL_VALUES.trace
  );
}

/** The loggers found to have standard levels (Fastify hands the factory the same parent for every request). */
const standard = new WeakSet<object>();

/**
 * A request's logger that makes its child logger (the one carrying the request id) when it first writes a line at an
 * enabled level: with LOG_LEVEL=warn, most requests log nothing, and a pino child per request is the cost of building
 * bindings no line uses. Every line written carries the same bindings the child would have carried from the start.
 */
class RequestLogger {
  private made: LevelAware | undefined;

  constructor(
    private readonly parent: LevelAware,
    private readonly bindings: Bindings,
  ) {}

  private logger(): LevelAware {
    return (this.made ??= this.parent.child(this.bindings) as LevelAware);
  }

  /** Fastify itself calls info twice per request: a disabled level costs a comparison. */
  private write(level: Level, args: unknown[]): void {
    if ((this.made ?? this.parent).levelVal > LEVEL_VALUES[level]) return;
    const logger = this.logger();
    (logger[level] as (...line: unknown[]) => void).apply(logger, args);
  }

  get level(): string {
    return (this.made ?? this.parent).level;
  }

  set level(level: string) {
    this.logger().level = level;
  }

  isLevelEnabled(level: string): boolean {
    return (this.made ?? this.parent).isLevelEnabled(level);
  }

  fatal(...args: unknown[]): void {
    this.write('fatal', args);
  }

  error(...args: unknown[]): void {
    this.write('error', args);
  }

  warn(...args: unknown[]): void {
    this.write('warn', args);
  }

  info(...args: unknown[]): void {
    this.write('info', args);
  }

  debug(...args: unknown[]): void {
    this.write('debug', args);
  }

  trace(...args: unknown[]): void {
    this.write('trace', args);
  }

  silent(): void {}

  child(bindings: Bindings, options?: ChildLoggerOptions): FastifyBaseLogger {
    return this.logger().child(bindings, options);
  }
}

/**
 * Fastify's childLoggerFactory: a RequestLogger, unless the route asks for a level or serializers of its own (then
 * the child is made at once, as Fastify would) or the parent is not a pino logger with the standard levels.
 */
export const requestLoggerFactory: NonNullable<FastifyServerOptions['childLoggerFactory']> = (
  logger,
  bindings,
  options,
) => {
  if (options.level !== undefined || options.serializers !== undefined) return logger.child(bindings, options);
  if (!standard.has(logger)) {
    if (!standardLevels(logger)) return logger.child(bindings, options);
    standard.add(logger);
  }
  return new RequestLogger(logger as LevelAware, bindings) as unknown as FastifyBaseLogger;
};
