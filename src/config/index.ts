import fs from 'node:fs';
import path from 'node:path';
import proxyAddr from '@fastify/proxy-addr';
import { DEFAULT_LIMITS, LIMIT_VARIABLES, type Limits } from './limits';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Everything the process reads from its environment, validated once at start. */
export interface Config {
  port: number;
  host: string;
  /** Absent: an embedded PostgreSQL is started in `dataDir`. */
  databaseUrl?: string;
  /** Read replicas of `databaseUrl` (DATABASE_REPLICA_URLS): queries go to them, mutations to the primary. */
  databaseReplicaUrls: string[];
  dataDir: string;
  production: boolean;
  adminApiKey?: string;
  redisUrl?: string;
  logLevel: LogLevel;
  /** Browser origins allowed to call the API (exact `scheme://host[:port]`); none when empty. */
  corsOrigins: string[];
  /** Which proxies to believe about the client address (X-Forwarded-For): none, all, or these addresses/CIDRs. */
  trustProxy: boolean | string[];
  limits: Limits;
  /** Where answers are kept for the next caller asking the same (see src/http/response-cache/). */
  responseCache: ResponseCacheConfig;
  /** How long SIGTERM/SIGINT wait for in-flight requests (downloads included) before cutting them. */
  shutdownGraceMs: number;
}

export interface ResponseCacheConfig {
  /** In this process, in Redis (shared by every replica), or nowhere. */
  store: 'memory' | 'redis' | 'off';
  /** Answers an in-memory cache holds before the least recently used go. */
  maxEntries: number;
  /** How long Redis keeps an answer; every write retires all answers long before, in practice. */
  ttlSeconds: number;
}

/** Longer than the request timeout, so only long downloads are ever cut; short of a 30 s orchestrator kill. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 20_000;

export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Invalid environment variable ${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

/** The folder holding package.json, whether running from src/ (tests) or dist/src/ (compiled). */
export function projectRoot(from = __dirname): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function port(env: NodeJS.ProcessEnv): number {
  const raw = env.PORT ?? '4000';
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError('PORT', `"${raw}" is not a port number (0-65535)`);
  }
  return value;
}

function optionalUrl(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a URL');
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(name, `must start with ${protocols.map((p) => `${p}//`).join(' or ')}`);
  }
  return raw;
}

/** Comma-separated PostgreSQL URLs; an entry is named by its position, never echoed (it may hold a password). */
function replicaUrls(env: NodeJS.ProcessEnv, databaseUrl: string | undefined): string[] {
  const name = 'DATABASE_REPLICA_URLS';
  const raw = env[name]?.trim();
  if (!raw) return [];
  const urls = raw.split(',').map((entry) => entry.trim());
  urls.forEach((entry, index) => {
    const position = `entry ${index + 1} of ${urls.length}`;
    if (!entry) throw new ConfigError(name, `${position} is empty (a stray comma?)`);
    let parsed: URL;
    try {
      parsed = new URL(entry);
    } catch {
      throw new ConfigError(name, `${position} is not a URL such as postgresql://user:password@replica-1:5432/db`);
    }
    if (!['postgres:', 'postgresql:'].includes(parsed.protocol)) {
      throw new ConfigError(name, `${position} must start with postgres:// or postgresql://`);
    }
  });
  // replicas copy a primary the operator runs; the embedded PostgreSQL has none
  if (!databaseUrl) throw new ConfigError(name, 'needs DATABASE_URL, the primary these servers replicate');
  return urls;
}

function logLevel(env: NodeJS.ProcessEnv): LogLevel {
  const raw = (env.LOG_LEVEL ?? 'info').toLowerCase();
  if (!LOG_LEVELS.includes(raw as LogLevel)) {
    throw new ConfigError('LOG_LEVEL', `"${raw}" is not one of ${LOG_LEVELS.join(', ')}`);
  }
  return raw as LogLevel;
}

function adminApiKey(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.ADMIN_API_KEY;
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 16) throw new ConfigError('ADMIN_API_KEY', 'must be at least 16 characters long');
  return raw;
}

function corsOrigins(env: NodeJS.ProcessEnv): string[] {
  const origins = (env.CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== origin) {
      throw new ConfigError('CORS_ORIGINS', `"${origin}" is not an origin such as https://dashboard.example.org`);
    }
  }
  return origins;
}

function trustProxy(env: NodeJS.ProcessEnv): boolean | string[] {
  const raw = env.TRUST_PROXY?.trim() ?? '';
  if (raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  const addresses = raw.split(',').map((address) => address.trim());
  for (const address of addresses) {
    try {
      proxyAddr.compile(address);
    } catch {
      throw new ConfigError('TRUST_PROXY', `"${address}" is not an IP address, a CIDR range or loopback`);
    }
  }
  return addresses;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 1) throw new ConfigError(name, `"${raw}" is not a whole number ≥ 1`);
  return value;
}

function limits(env: NodeJS.ProcessEnv): Limits {
  const entries = Object.entries(LIMIT_VARIABLES) as [keyof Limits, string][];
  return Object.fromEntries(
    entries.map(([limit, variable]) => [limit, positiveInt(env, variable, DEFAULT_LIMITS[limit])]),
  ) as unknown as Limits;
}

function responseCache(env: NodeJS.ProcessEnv, redisUrl: string | undefined): ResponseCacheConfig {
  const raw = env.RESPONSE_CACHE?.trim().toLowerCase() || (redisUrl ? 'redis' : 'memory');
  if (raw !== 'memory' && raw !== 'redis' && raw !== 'off') {
    throw new ConfigError('RESPONSE_CACHE', `"${raw}" is not one of memory, redis, off`);
  }
  if (raw === 'redis' && !redisUrl) throw new ConfigError('RESPONSE_CACHE', 'redis needs REDIS_URL');
  return {
    store: raw,
    maxEntries: positiveInt(env, 'RESPONSE_CACHE_MAX_ENTRIES', 10_000),
    ttlSeconds: positiveInt(env, 'RESPONSE_CACHE_TTL_SECONDS', 86_400),
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const redisUrl = optionalUrl(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const databaseUrl = optionalUrl(env, 'DATABASE_URL', ['postgres:', 'postgresql:']);
  return {
    port: port(env),
    host: env.HOST?.trim() || '0.0.0.0',
    databaseUrl,
    databaseReplicaUrls: replicaUrls(env, databaseUrl),
    dataDir: path.resolve(env.DATA_DIR?.trim() || path.join(projectRoot(), '.data')),
    production: env.NODE_ENV === 'production',
    adminApiKey: adminApiKey(env),
    redisUrl,
    logLevel: logLevel(env),
    corsOrigins: corsOrigins(env),
    trustProxy: trustProxy(env),
    limits: limits(env),
    shutdownGraceMs: positiveInt(env, 'SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS),
    responseCache: responseCache(env, redisUrl),
  };
}
