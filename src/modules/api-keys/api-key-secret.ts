import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_PREFIX = 'ca_';

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** The hash of the last expected secret: it is the one configured secret, compared on every keyed request. */
let expectedHash: { secret: string; hash: Buffer } | undefined;

/**
 * Whether the key whose hashApiKey is `givenHash` is the secret `expected`, in constant time (over their hashes, so
 * lengths leak nothing either). Takes the given key's hash, which a keyed request needs anyway (its stored key's
 * look-up, its rate-limit bucket), so it is computed once.
 */
export function hashIsOfSecret(givenHash: string, expected: string): boolean {
  if (expectedHash?.secret !== expected) expectedHash = { secret: expected, hash: Buffer.from(hashApiKey(expected)) };
  return timingSafeEqual(Buffer.from(givenHash), expectedHash.hash);
}
