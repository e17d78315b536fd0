import { type DocumentNode, getOperationAST, type GraphQLFormattedError, type OperationDefinitionNode } from 'graphql';
import { recordAuditEntries } from '../modules/audit/audit-log.service';
import { rootFields } from './audit-arguments';
import { auditRecord, auditTrail } from './audit-trail';
import type { GraphqlContext } from './graphql-context';
import type { RequestPlugin } from './request-plugin';

/**
 * Records every mutation field of a mutation operation that did not commit (./mutation-transaction.ts writes the
 * entries of those that did, with their writes): refused by a resolver, by validation or a limit before any resolver
 * ran, or never executed. It runs once the answer is ready, so after any rollback, in an INSERT of its own, with the
 * error code the caller got. Should even that insert fail, the entries go to the server log at error level instead:
 * the request failed, so nothing it asked for was written.
 */
export const auditLog: RequestPlugin<GraphqlContext> = {
  requestDidStart({ contextValue, request, operation }) {
    // a query answered without Apollo Server's pipeline (./direct-queries.ts) is known for one already: no trail
    if (operation?.operation === 'query') return;
    auditTrail(contextValue, request.variables);
    return {
      willSendResponse({ operation, document, request, response, contextValue: ctx }) {
        const attempted = operation ?? (document ? getOperationAST(document, request.operationName) : null);
        if (attempted?.operation !== 'mutation' || !document || response.body.kind !== 'single') return;
        return recordRefused(ctx, attempted, document, response.body.singleResult.errors ?? []);
      },
    };
  },
};

/** The entries of the mutation fields of `attempted` that did not commit, with the error code each got. */
async function recordRefused(
  ctx: GraphqlContext,
  attempted: OperationDefinitionNode,
  document: DocumentNode,
  errors: readonly GraphQLFormattedError[],
): Promise<void> {
  const { committed } = auditTrail(ctx);
  const requestError = errors.find((error) => !error.path);
  const records = rootFields(attempted.selectionSet, document)
    .filter((field) => !committed.has(field.alias?.value ?? field.name.value))
    .map((field) => {
      const key = field.alias?.value ?? field.name.value;
      const error = requestError ?? errors.find((candidate) => candidate.path?.[0] === key);
      return auditRecord(ctx, field, attempted.name?.value, String(error?.extensions?.code ?? 'NOT_EXECUTED'));
    });
  try {
    await recordAuditEntries(ctx.em.fork(), records);
  } catch (error) {
    ctx.log.error({ err: error, audit: records }, 'could not write the audit log of refused mutations');
  }
}
