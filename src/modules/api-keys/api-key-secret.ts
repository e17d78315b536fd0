import { hash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PREFIX = 'ca_';

/** The length of a hashApiKey: SHA-256 in hex. */
const HASH_LENGTH = 64;

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** The SHA-256 of a key in hex, what is stored of it (one-shot: no Hash object per request). */
export function hashApiKey(key: string): string {
  return hash('sha256', key, 'hex');
}

/** The hash of the last expected secret: it is the one configured secret, compared on every keyed request. */
let expectedHash: { secret: string; hash: Buffer } | undefined;

/** Where a given hash is written to be compared: one buffer for all comparisons (they are synchronous). */
const given = Buffer.alloc(HASH_LENGTH);

/**
 * Whether the key whose hashApiKey is `givenHash` is the secret `expected`, in constant time (over their hashes, so
 * lengths leak nothing either). Takes the given key's hash, which a keyed request needs anyway (its stored key's
 * look-up, its rate-limit bucket), so it is computed once.
 */
export function hashIsOfSecret(givenHash: string, expected: string): boolean {
  if (expectedHash?.secret !== expected) expectedHash = { secret: expected, hash: Buffer.from(hashApiKey(expected)) };
  if (givenHash.length !== HASH_LENGTH) return false;
  given.write(givenHash, 'latin1');
  return timingSafeEqual(given, expectedHash.hash);
}
