import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLoggerFactory } from '../../src/http/request-logger';

interface Line {
  level: number;
  msg: string;
  reqId?: string;
  [key: string]: unknown;
}

/** A server with the request logger factory, logging at `level` into `lines`; counts the children made of its logger. */
async function server(level: string) {
  const lines: Line[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(text) as Line);
      done();
    },
  });
  const logger = pino({ level }, stream);
  let children = 0;
  // Fastify logs through a child of the logger it is given: the request loggers are that one's children
  let parent: unknown = undefined;
  const child = logger.child;
  logger.child = function (this: typeof logger, ...args: Parameters<typeof child>) {
    // children of children find this function too (pino children inherit from their parent)
    if (this === parent) children++;
    return child.apply(this, args);
  } as typeof logger.child;
  const app = Fastify({ loggerInstance: logger as FastifyBaseLogger, childLoggerFactory: requestLoggerFactory });
  parent = app.log;
  app.get('/quiet', async () => 'ok');
  app.get('/logs', async (request) => {
    request.log.info({ step: 1 }, 'an info line');
    request.log.warn({ step: 2 }, 'a warning');
    request.log.error(new Error('boom'), 'an error');
    request.log.child({ part: 'inner' }).warn('from a child');
    return 'ok';
  });
  await app.ready();
  return { app, lines, children: () => children };
}

describe('the request logger', () => {
  it('writes every line at an enabled level with the request id, and nothing below the level', async () => {
    const { app, lines } = await server('warn');
    const answer = await app.inject('/logs');
    expect(answer.statusCode).toBe(200);
    const written = lines.filter((line) => line.msg !== undefined);
    expect(written.map((line) => [line.level, line.msg])).toEqual([
      [40, 'a warning'],
      [50, 'an error'],
      [40, 'from a child'],
    ]);
    const ids = new Set(written.map((line) => line.reqId));
    expect(ids.size).toBe(1);
    expect([...ids][0]).toMatch(/^req-/);
    expect(written[0].step).toBe(2);
    expect((written[1].err as { message: string }).message).toBe('boom');
    expect(written[2].part).toBe('inner');
    await app.close();
  });

  it('makes no child logger for a request that logs nothing, and one for a request that does', async () => {
    const { app, children } = await server('warn');
    const before = children();
    await app.inject('/quiet');
    expect(children()).toBe(before);
    await app.inject('/logs');
    // the request's own child, made once for its three lines (the route's child of it is not the server's)
    expect(children()).toBe(before + 1);
    await app.close();
  });

  it("carries the request id on Fastify's own request lines at info level", async () => {
    const { app, lines } = await server('info');
    await app.inject('/quiet');
    const own = lines.filter((line) => line.msg === 'incoming request' || line.msg === 'request completed');
    expect(own).toHaveLength(2);
    expect(own[0].reqId).toMatch(/^req-/);
    expect(own[1].reqId).toBe(own[0].reqId);
    await app.close();
  });

  it('follows a level changed at run time', async () => {
    const { app, lines } = await server('error');
    await app.inject('/logs');
    expect(lines.map((line) => line.msg)).toEqual(['an error']);
    lines.length = 0;
    (app.log as FastifyBaseLogger).level = 'info';
    await app.inject('/logs');
    expect(lines.map((line) => line.msg)).toEqual([
      'incoming request',
      'an info line',
      'a warning',
      'an error',
      'from a child',
      'request completed',
    ]);
    expect(new Set(lines.map((line) => line.reqId)).size).toBe(1);
    await app.close();
  });
});
