import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';

/** A request id we pass on to logs and the audit log as it is: short, and nothing a log or header could misread. */
const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/**
 * Fastify's `genReqId` for a `trustProxy` setting: the caller's `x-request-id` is kept only when the request comes
 * straight from a trusted proxy (the socket's address, matched as Fastify matches `trustProxy`) and is in a safe
 * format, so logs can be joined across services; any other caller gets a fresh UUID, so no one can choose (or reuse)
 * the id a request is logged and audited under.
 */
export function requestIdFor(trustProxy: boolean | string[]): (request: IncomingMessage) => string {
  const trusted = trustProxy === true ? () => true : trustProxy ? proxyAddr.compile(trustProxy) : () => false;
  return (request) => {
    const given = request.headers['x-request-id'];
    const address = request.socket.remoteAddress;
    const fromProxy = address !== undefined && trusted(address, 0);
    return fromProxy && typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : randomUUID();
  };
}
