import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { ApiKey } from './api-key.entity';
import { Viewer } from '../../auth/viewer';
import type { RequestContext } from '../../common/context';
import { ApiKeyInput, CreatedApiKey } from './api-key.inputs';
import { createApiKey, listApiKeys, revokeApiKey } from './api-key.service';

@Resolver()
export class ApiKeyResolver {
  @Query(() => Viewer, {
    description: 'Who the API key of this request is: role and scope; ANONYMOUS when no key is sent.',
  })
  viewer(@Ctx() ctx: RequestContext): Viewer {
    return ctx.viewer;
  }

  @Query(() => [ApiKey], { description: 'All API keys, newest first (at most 1,000). ADMIN only.' })
  apiKeys(@Ctx() ctx: RequestContext): Promise<ApiKey[]> {
    return listApiKeys(ctx);
  }

  @Mutation(() => CreatedApiKey, { description: 'Creates an API key; the secret is returned once. ADMIN only.' })
  createApiKey(
    @Arg('input', () => ApiKeyInput) input: ApiKeyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CreatedApiKey> {
    return createApiKey(ctx, input);
  }

  @Mutation(() => ApiKey, { description: 'Revokes an API key: it is refused from its next request on. ADMIN only.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<ApiKey> {
    return revokeApiKey(ctx, id);
  }
}
