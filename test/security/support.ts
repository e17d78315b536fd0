import { randomInt } from 'node:crypto';
import type { Limits } from '../../src/config/limits';
import { DEFAULT_LIMITS } from '../../src/config/limits';
import type { TestApp } from '../support/test-app';

export interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  /** The body parsed as JSON, or null when it is not JSON. */
  json: Record<string, any> | null;
  body: string;
}

export interface SendOptions {
  method?: 'GET' | 'POST';
  url?: string;
  key?: string;
  /** The client address the request comes from (default 127.0.0.1). */
  ip?: string;
  headers?: Record<string, string>;
  /** A raw body; otherwise `graphql` is sent as JSON. */
  payload?: string | Buffer;
}

/** Sends one HTTP request to the app as any client could, including malformed ones. */
export async function send(
  api: TestApp,
  graphql: { query: string; variables?: Record<string, unknown> } | unknown[] | null,
  options: SendOptions = {},
): Promise<HttpAnswer> {
  const response = await api.app.inject({
    method: options.method ?? 'POST',
    url: options.url ?? '/graphql',
    remoteAddress: options.ip ?? '127.0.0.1',
    headers: {
      ...(options.method === 'GET' ? {} : { 'content-type': 'application/json' }),
      ...(options.key ? { authorization: `Bearer ${options.key}` } : {}),
      ...options.headers,
    },
    payload: options.payload ?? (graphql === null ? undefined : JSON.stringify(graphql)),
  });
  let json: Record<string, any> | null;
  try {
    json = response.json();
  } catch {
    json = null;
  }
  return { status: response.statusCode, headers: response.headers, json, body: response.body };
}

/** Default limits with some changed. */
export function limitsWith(changes: Partial<Limits>): Limits {
  return { ...DEFAULT_LIMITS, ...changes };
}

/** `{ __type(name: "Member") { fields { type { ofType { ... { name } } } } } }`: a valid query `depth` fields deep (≥ 4). */
export function introspectionOfDepth(depth: number): string {
  const ofTypes = depth - 4;
  return `{ __type(name: "Member") { fields { type { ${'ofType { '.repeat(ofTypes)}name${' }'.repeat(ofTypes)} } } } }`;
}

/** The first error's code, asserting there is one. */
export function errorCode(answer: { json: Record<string, any> | null }): string {
  return answer.json?.errors?.[0]?.extensions?.code;
}

/** A client address of its own for each test, so budgets and failure counts never carry over. */
export function freshIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

/** The bucket's state an answer's RateLimit-* headers tell. */
export function budgetOf(answer: { headers: Record<string, unknown> }) {
  return {
    limit: Number(answer.headers['ratelimit-limit']),
    remaining: Number(answer.headers['ratelimit-remaining']),
    reset: Number(answer.headers['ratelimit-reset']),
  };
}
