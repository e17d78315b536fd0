import type { ApolloServerPlugin } from '@apollo/server';
import { type AuditRecord, recordAuditEntries } from '../modules/audit/audit-log.service';
import { argumentsOf, rootFields } from './audit-arguments';
import type { GraphqlContext } from './graphql-context';

/**
 * Writes an audit log entry for every mutation field of every mutation operation: who (role, key, scope), what
 * (mutation and arguments), when, and how it ended (succeeded, or its error code). It runs when the answer is ready,
 * so after the mutation's own transaction, and writes failures too.
 */
export const auditLog: ApolloServerPlugin<GraphqlContext> = {
  async requestDidStart() {
    const receivedAt = new Date();
    return {
      async willSendResponse({ operation, document, request, response, contextValue: ctx }) {
        if (operation?.operation !== 'mutation' || !document || response.body.kind !== 'single') return;
        const { data, errors = [] } = response.body.singleResult;
        const requestError = errors.find((error) => !error.path);
        const records: AuditRecord[] = rootFields(operation.selectionSet, document).map((field) => {
          const key = field.alias?.value ?? field.name.value;
          const succeeded = data?.[key] !== null && data?.[key] !== undefined;
          const error = requestError ?? errors.find((candidate) => candidate.path?.[0] === key);
          return {
            receivedAt,
            role: ctx.viewer.role,
            apiKeyId: ctx.viewer.apiKeyId,
            apiKeyName: ctx.viewer.name,
            memberId: ctx.viewer.memberId,
            organisationId: ctx.viewer.organisationId,
            operationName: operation.name?.value ?? null,
            mutation: field.name.value,
            argumentValues: argumentsOf(field, request.variables),
            succeeded,
            errorCode: succeeded ? null : String(error?.extensions?.code ?? 'NOT_EXECUTED'),
            requestId: ctx.requestId,
            clientIp: ctx.request.ip,
          };
        });
        try {
          await recordAuditEntries(ctx.em.fork(), records);
        } catch (error) {
          ctx.log.error({ err: error, audit: records }, 'could not write the audit log');
        }
      },
    };
  },
};
