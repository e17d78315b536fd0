import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { LoaderRegistry } from '../common/loaders';
import { readOnPrimary } from '../db/read-scope';
import { recordAuditEntries } from '../modules/audit/audit-log.service';
import { auditRecord, auditTrail } from './audit-trail';
import type { GraphqlContext } from './graphql-context';

const wrapped = new WeakSet<GraphQLSchema>();

/**
 * Runs `resolve` in one transaction on the request's EntityManager and writes the field's audit entry in it before
 * the commit: no entry, no write. For the resolver's duration `ctx.em` is the transaction's EntityManager, so the
 * services' own `flush` and `transactional` (a savepoint then) join it; mutation fields run one after another, so
 * swapping it is safe. The transaction starts with an empty identity map and fresh loaders, so nothing cached
 * before the mutation is served stale in it, and nothing a rolled-back one loaded or changed outlives it. A refused
 * mutation leaves no entry here: the audit plugin (./audit.ts) records it once the answer is known. From the first
 * mutation on, the request reads on the primary: the fields of its answer, resolved after the commit, see what it wrote
 * even while the replicas lag.
 */
function inTransaction(
  resolve: GraphQLFieldResolver<unknown, GraphqlContext>,
): GraphQLFieldResolver<unknown, GraphqlContext> {
  return async (source, args, ctx, info) => {
    const requestEm = ctx.em;
    readOnPrimary(ctx.scope);
    ctx.loaders = new LoaderRegistry();
    try {
      const value = await requestEm.transactional(
        async (em) => {
          ctx.em = em;
          const result = await resolve(source, args, ctx, info);
          await recordAuditEntries(em, [auditRecord(ctx, info.fieldNodes[0], info.operation.name?.value, null)]);
          return result;
        },
        { clear: true },
      );
      auditTrail(ctx).committed.add(info.path.key as string);
      return value;
    } catch (error) {
      ctx.loaders = new LoaderRegistry();
      throw error;
    } finally {
      ctx.em = requestEm;
    }
  };
}

/** Makes every Mutation root field of `schema` transactional and audited (once per schema object). */
export function transactionalMutations(schema: GraphQLSchema): GraphQLSchema {
  const mutation = schema.getMutationType();
  if (!mutation || wrapped.has(schema)) return schema;
  wrapped.add(schema);
  for (const field of Object.values(mutation.getFields())) {
    field.resolve = inTransaction(field.resolve ?? defaultFieldResolver);
  }
  return schema;
}
