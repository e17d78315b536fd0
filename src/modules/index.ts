import type { NonEmptyArray } from 'type-graphql';
// type-graphql prints fields in the order their decorators ran, so this order (the one the schema grew in) keeps
// schema.graphql stable; a new module goes last
import { apiKeys } from './api-keys';
import { emissions } from './emissions';
import { factors } from './factors';
import { audit } from './audit';
import { members } from './members';
import { targets } from './targets';
import { consent } from './consent';
import { contributions } from './contributions';
import { governance } from './governance';
import { indigenous } from './indigenous';
import { partnerships } from './partnerships';
import { projects } from './projects';
import { timber } from './timber';
import type { ApiModule } from './module';

/** Every module of the API: each folder's index.ts says what it adds (a new type touches its own folder only). */
export const modules: ApiModule[] = [
  apiKeys,
  audit,
  members,
  timber,
  emissions,
  factors,
  targets,
  indigenous,
  partnerships,
  projects,
  contributions,
  governance,
  consent,
];

/** Every MikroORM entity of the API. */
export const entities = modules.flatMap((module) => module.entities);

/** Every type-graphql resolver class of the API. */
export const resolvers = modules.flatMap((module) => module.resolvers) as NonEmptyArray<Function>;

/** Federation `__resolveReference` functions, per entity type. */
export const referenceResolvers = modules.flatMap((module) => module.references);

/** Federation reference batches, per entity type. */
export const referenceBatches = modules.flatMap((module) => (module.referenceBatches ? [module.referenceBatches] : []));

/** Fields answered from what their parent holds, per module. */
export const knownFields = modules.flatMap((module) => (module.knownFields ? [module.knownFields] : []));
