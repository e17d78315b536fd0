import { hash } from 'node:crypto';
import { ViewerRole } from '../../auth/roles';
import type { Viewer } from '../../auth/viewer';
import { CacheScope } from './cache-scope';

/**
 * Cache-Control of an answer: `public` only for what anonymous callers may see (an anonymous caller's answer, or
 * reference data), `private` for an answer shaped by the caller's key, `no-store` for what must never be kept. A
 * browser or CDN must ask again every time (the server's own cache is the one that never serves stale data); the
 * ETag lets that asking cost a 304 instead of the answer.
 */
export function cacheControl(scope: CacheScope, viewer: Viewer): string {
  if (scope === CacheScope.NONE) return 'no-store';
  const shared = scope === CacheScope.PUBLIC || viewer.role === ViewerRole.ANONYMOUS;
  return `${shared ? 'public' : 'private'}, no-cache`;
}

/** A strong validator of an answer's data (one-shot hash: no Hash object per answer). */
export function etagOf(data: string): string {
  return `"${hash('sha256', data, 'base64url').slice(0, 27)}"`;
}

/** Whether an If-None-Match header names this ETag (weak comparison, as RFC 9110 asks for If-None-Match). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag);
}

/** The headers of a stored or storable answer. */
export function cachingHeaders(scope: CacheScope, viewer: Viewer, etag: string): Record<string, string> {
  const headers: Record<string, string> = { 'cache-control': cacheControl(scope, viewer), etag };
  // a shared cache must not hand an anonymous answer to a keyed caller, nor one key's answer to another
  if (scope !== CacheScope.PUBLIC) headers.vary = 'authorization';
  return headers;
}
