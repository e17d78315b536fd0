import type { EntityManager } from '@mikro-orm/postgresql';
import { unauthenticated } from '../../common/errors';
import { ApiKey } from './api-key.entity';
import { hashApiKey, secretsEqual } from './api-key-secret';
import { anonymousViewer, bootstrapAdminViewer, type Viewer } from '../../auth/viewer';

/**
 * Resolves the viewer from an `Authorization: Bearer <key>` header. No header means anonymous; a malformed,
 * unknown or revoked key is refused, never downgraded to anonymous. Looked up on every request (in a fork of `em` of
 * its own, made only when there is a key to look up), so a revocation takes effect on the next one.
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
  // on the primary, never a replica that may not have seen a revocation yet
  const apiKey = await em.fork().findOne(ApiKey, { keyHash: hashApiKey(key) }, { connectionType: 'write' });
  if (!apiKey || apiKey.revokedAt) throw unauthenticated('The API key is unknown or revoked');
  return Object.assign(anonymousViewer(), {
    role: apiKey.role,
    apiKeyId: apiKey.id,
    name: apiKey.name,
    memberId: apiKey.memberId,
    organisationId: apiKey.organisationId,
  });
}
