import { ApiKey } from './api-key.entity';
import { generateApiKey, hashApiKey } from './api-key-secret';
import { requireAdmin } from '../../auth/authorize';
import { Role } from '../../auth/roles';
import type { RequestContext } from '../../common/context';
import { notFound, UserInputError } from '../../common/errors';
import { requireText, requireUuid } from '../../common/validation';
import { organisationExists } from '../indigenous/indigenous-organisation.service';
import { getMember } from '../members/member.service';
import type { ApiKeyInput, CreatedApiKey } from './api-key.inputs';

/** Scoped roles and the input field that names their scope. */
const SCOPE_FIELD: Partial<Record<Role, 'memberId' | 'organisationId'>> = {
  [Role.MEMBER_EDITOR]: 'memberId',
  [Role.INDIGENOUS_STEWARD]: 'organisationId',
};

async function validScope(
  ctx: RequestContext,
  input: ApiKeyInput,
): Promise<Pick<ApiKey, 'memberId' | 'organisationId'>> {
  const needed = SCOPE_FIELD[input.role];
  for (const field of ['memberId', 'organisationId'] as const) {
    if (field !== needed && input[field]) {
      throw new UserInputError(
        `input.${field}`,
        `only ${field === 'memberId' ? 'MEMBER_EDITOR' : 'INDIGENOUS_STEWARD'} keys have a ${field}`,
      );
    }
  }
  if (!needed) return { memberId: null, organisationId: null };
  const raw = input[needed];
  if (!raw) throw new UserInputError(`input.${needed}`, `is required for role ${input.role}`);
  const id = requireUuid(`input.${needed}`, raw);
  const exists = needed === 'memberId' ? (await getMember(ctx, id)) !== null : await organisationExists(ctx, id);
  if (!exists)
    throw new UserInputError(`input.${needed}`, `no ${needed === 'memberId' ? 'member' : 'organisation'} has id ${id}`);
  return needed === 'memberId' ? { memberId: id, organisationId: null } : { memberId: null, organisationId: id };
}

export async function createApiKey(ctx: RequestContext, input: ApiKeyInput): Promise<CreatedApiKey> {
  requireAdmin(ctx.viewer, 'createApiKey');
  const name = requireText('input.name', input.name);
  const scope = await validScope(ctx, input);
  const key = generateApiKey();
  const apiKey = ctx.em.create(ApiKey, {
    name,
    role: input.role,
    ...scope,
    keyHash: hashApiKey(key),
    prefix: key.slice(0, 12),
  });
  await ctx.em.persistAndFlush(apiKey);
  return { key, apiKey };
}

export async function revokeApiKey(ctx: RequestContext, id: string): Promise<ApiKey> {
  requireAdmin(ctx.viewer, 'revokeApiKey');
  const apiKey = await ctx.em.findOne(ApiKey, { id: requireUuid('id', id) });
  if (!apiKey) throw notFound('id', 'API key', id);
  apiKey.revokedAt ??= new Date();
  await ctx.em.flush();
  return apiKey;
}

export function listApiKeys(ctx: RequestContext): Promise<ApiKey[]> {
  requireAdmin(ctx.viewer, 'apiKeys');
  return ctx.em.find(ApiKey, {}, { orderBy: { createdAt: 'desc', id: 'asc' }, limit: 1000 });
}
