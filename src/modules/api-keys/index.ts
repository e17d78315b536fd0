import { ApiKey } from './api-key.entity';
import type { ApiModule } from '../module';
import { ApiKeyResolver } from './api-key.resolver';

/** API keys: who may call the API, with which role and scope. */
export const apiKeys: ApiModule = { entities: [ApiKey], resolvers: [ApiKeyResolver], references: [] };
