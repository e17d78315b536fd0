import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../../common/errors';
import { ApiKey } from './api-key.entity';
import { hashApiKey, secretsEqual } from './api-key-secret';
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

/**
 * Resolves the viewer from an `Authorization: Bearer <key>` header. No header means anonymous; a malformed,
 * unknown or revoked key is refused, never downgraded to anonymous. Looked up on every request (one statement, made
 * only when there is a key to look up), so a revocation takes effect on the next one.
 */
export async function authenticate(
  authorization: string | undefined,
  em: EntityManager,
  adminApiKey: string | undefined,
): Promise<Viewer> {
  if (authorization === undefined || authorization.trim() === '') return anonymousViewer();
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw unauthenticated('The Authorization header must be "Bearer <api key>"');
  const key = match[1];
  if (adminApiKey !== undefined && secretsEqual(key, adminApiKey)) return bootstrapAdminViewer();
  const apiKey = await storedKey(em, hashApiKey(key));
  if (!apiKey || apiKey.revoked) throw unauthenticated('The API key is unknown or revoked');
  return Object.assign(anonymousViewer(), {
    role: apiKey.role,
    apiKeyId: apiKey.id,
    name: apiKey.name,
    memberId: apiKey.memberId,
    organisationId: apiKey.organisationId,
  });
}
