import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../../common/errors';
import { ApiKey } from './api-key.entity';
import { hashApiKey, hashIsOfSecret } from './api-key-secret';
import { anonymousViewer, bootstrapAdminViewer, type Viewer } from '../../auth/viewer';

/** What authentication reads of a stored key: its scope, and whether it was revoked. */
interface StoredKey {
  id: string;
  name: string;
  role: ApiKey['role'];
  memberId: string | null;
  organisationId: string | null;
  revoked: boolean;
}

/**
 * The stored key with this hash, or undefined: the few columns authentication needs, as a plain row (no entity, no
 * fork and unit of work per request), on the primary, never a replica that may not have seen a revocation yet.
 */
async function storedKey(em: EntityManager, keyHash: string): Promise<StoredKey | undefined> {
  const meta = em.getMetadata().get(ApiKey);
  const column = (property: 'id' | 'name' | 'role' | 'memberId' | 'organisationId' | 'keyHash' | 'revokedAt') =>
    meta.properties[property].fieldNames[0];
  const [row] = await em
    .getKnex('write')
    .select({
      id: column('id'),
      name: column('name'),
      role: column('role'),
      memberId: column('memberId'),
      organisationId: column('organisationId'),
    })
    .select(em.getKnex('write').raw('?? is not null as revoked', [column('revokedAt')]))
    .from(meta.tableName)
    .where(column('keyHash'), keyHash);
  return row as StoredKey | undefined;
}

/** Who a request's key is, and the key's hash (hashApiKey), its rate-limit bucket; no hash without a key. */
export interface Authenticated {
  viewer: Viewer;
  keyHash?: string;
}

/**
 * Resolves the viewer from an `Authorization: Bearer <key>` header. No header means anonymous; a malformed,
 * unknown or revoked key is refused, never downgraded to anonymous. Looked up on every request (one statement, made
 * only when there is a key to look up), so a revocation takes effect on the next one.
 */
export async function authenticate(
  authorization: string | undefined,
  em: EntityManager,
  adminApiKey: string | undefined,
): Promise<Authenticated> {
  if (authorization === undefined || authorization.trim() === '') return { viewer: anonymousViewer() };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <api key>"');
  const keyHash = hashApiKey(match[1]);
  if (adminApiKey !== undefined && hashIsOfSecret(keyHash, adminApiKey))
    return { viewer: bootstrapAdminViewer(), keyHash };
  const apiKey = await storedKey(em, keyHash);
  if (!apiKey || apiKey.revoked) throw unauthenticated('The API key is unknown or revoked');
  const viewer = Object.assign(anonymousViewer(), {
    role: apiKey.role,
    apiKeyId: apiKey.id,
    name: apiKey.name,
    memberId: apiKey.memberId,
    organisationId: apiKey.organisationId,
  });
  return { viewer, keyHash };
}
