import type { GraphQLFieldResolver, GraphQLSchema } from 'graphql';
import type { RequestContext } from '../common/context';
import { isOnlyRootField } from '../common/only-root-field';
import type { ReferenceBatch, ReferenceBatches } from '../modules/module';

type Representation = Record<string, unknown>;

/**
 * The entity with its `__typename`, which tells the `_Entity` union its type, as @apollo/subgraph gives it (a copy
 * when it carries another), set as a plain property: defining it non-enumerable, as @apollo/subgraph does, cost ten
 * times more per entity, and no resolver enumerates its parent.
 */
function withTypename(entity: unknown, typename: string): unknown {
  if (entity === null || typeof entity !== 'object' || typeof (entity as PromiseLike<unknown>).then === 'function') {
    return entity;
  }
  if ('__typename' in entity && entity.__typename !== typename) return { ...entity, __typename: typename };
  (entity as { __typename: string }).__typename = typename;
  return entity;
}

/**
 * `_entities` resolved by type where it is the operation's only field: the representations of each type with a batch
 * in one call of it (50 members: one statement, one promise), the others by their `__resolveReference` as
 * @apollo/subgraph resolves them, each entity in its place. @apollo/subgraph's resolver costs a promise per
 * representation (its `__typename` is added in an `async` function) and a loader's round; the cache hints it would
 * restrict are off in this server (`ApolloServerPluginCacheControlDisabled`). Beside other fields, `_entities`
 * resolves as before, so that loaders may batch its reads with theirs.
 */
export function answerEntitiesInBatches(schema: GraphQLSchema, batches: ReferenceBatches[]): void {
  const byType = new Map<string, ReferenceBatch>(batches.flatMap((batch) => Object.entries(batch)));
  const field = schema.getQueryType()?.getFields()._entities;
  if (!field?.resolve) throw new Error('the schema has no _entities field to resolve');
  const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve;
  field.resolve = (source, args: { representations: Representation[] }, context: RequestContext, info) => {
    if (!isOnlyRootField(info)) return resolve(source, args, context, info);
    const { representations } = args;
    const batched = new Map<string, number[]>();
    const others: number[] = [];
    representations.forEach((representation, position) => {
      const typename = representation.__typename as string;
      if (!byType.has(typename)) others.push(position);
      else if (batched.has(typename)) batched.get(typename)!.push(position);
      else batched.set(typename, [position]);
    });
    if (!batched.size) return resolve(source, args, context, info);
    const entities: unknown[] = new Array(representations.length);
    if (others.length) {
      const resolved = resolve(source, { representations: others.map((at) => representations[at]) }, context, info);
      others.forEach((position, index) => (entities[position] = (resolved as unknown[])[index]));
    }
    const reads = [...batched].map(([typename, positions]) =>
      byType.get(typename)!(
        positions.map((at) => representations[at]),
        context,
        info,
      ).then((found) =>
        positions.forEach((position, index) => (entities[position] = withTypename(found[index], typename))),
      ),
    );
    return (reads.length === 1 ? reads[0] : Promise.all(reads)).then(() => entities);
  };
}
