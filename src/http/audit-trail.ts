import type { FieldNode } from 'graphql';
import type { AuditRecord } from '../modules/audit/audit-log.service';
import { argumentsOf, storableText } from './audit-arguments';
import type { GraphqlContext } from './graphql-context';

/** What the audit log keeps of one GraphQL request while it runs. */
export interface AuditTrail {
  receivedAt: Date;
  /** The variables as the caller sent them, before coercion (so a refused value is recorded as it was sent). */
  variables: Record<string, unknown> | undefined;
  /** Response keys of the mutation fields whose entry was committed with their writes. */
  committed: Set<string>;
}

const trails = new WeakMap<GraphqlContext, AuditTrail>();

/** The request's trail, started when the request is (or, outside Apollo's pipeline, when first asked for). */
export function auditTrail(ctx: GraphqlContext, variables?: Record<string, unknown>): AuditTrail {
  let trail = trails.get(ctx);
  if (!trail) {
    trail = { receivedAt: new Date(), variables, committed: new Set() };
    trails.set(ctx, trail);
  }
  return trail;
}

/** The entry for one mutation field; every text is clipped to its column, so no value can make the insert fail. */
export function auditRecord(
  ctx: GraphqlContext,
  field: FieldNode,
  operationName: string | undefined,
  errorCode: string | null,
): AuditRecord {
  const { viewer } = ctx;
  const trail = auditTrail(ctx);
  return {
    receivedAt: trail.receivedAt,
    role: viewer.role,
    apiKeyId: viewer.apiKeyId,
    apiKeyName: viewer.name === null ? null : storableText(viewer.name, 199),
    memberId: viewer.memberId,
    organisationId: viewer.organisationId,
    operationName: operationName === undefined ? null : storableText(operationName, 199),
    mutation: storableText(field.name.value, 99),
    argumentValues: argumentsOf(field, trail.variables),
    succeeded: errorCode === null,
    errorCode: errorCode === null ? null : storableText(errorCode, 49),
    requestId: ctx.requestId,
    clientIp: ctx.request.ip,
  };
}
