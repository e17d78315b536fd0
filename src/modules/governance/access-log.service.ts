import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { defineLoader, type RequestContext } from '../../common/context';
import { AccessLog } from './access-log.entity';
import { declaredPurpose } from './declared-purpose';
import type { ConsentSubjectType } from './consent-decision.enums';
import type { LocationAccess } from './governance.enums';

export interface RestrictedRead {
  subjectType: ConsentSubjectType;
  subjectId: string;
  stewardOrganisationId: string;
  locationAccess: LocationAccess;
}

/** Collects the restricted reads that resolve together and writes them as one multi-row insert. */
const accessLogWriter = defineLoader(
  (ctx) =>
    new DataLoader<RestrictedRead, true>(
      async (reads) => {
        const now = new Date();
        const { role, apiKeyId, name, organisationId, memberId } = ctx.viewer;
        const purpose = declaredPurpose(ctx.accessPurpose);
        await ctx.em.insertMany(
          AccessLog,
          reads.map((read) => ({
            id: randomUUID(),
            ...read,
            role,
            apiKeyId,
            apiKeyName: name,
            readerOrganisationId: organisationId,
            readerMemberId: memberId,
            purpose,
            createdAt: now,
            updatedAt: now,
          })),
        );
        return reads.map(() => true as const);
      },
      { cache: false },
    ),
);

const logged = new WeakMap<RequestContext, RestrictedRead[]>();

/** Logs reads before the data is served: if the log cannot be written, the data is not served either. */
export async function logRestrictedReads(ctx: RequestContext, reads: RestrictedRead[]): Promise<void> {
  if (!reads.length) return;
  const results = await accessLogWriter(ctx).loadMany(reads);
  const failure = results.find((result) => result instanceof Error);
  if (failure) throw failure;
  const served = logged.get(ctx);
  if (served) served.push(...reads);
  else logged.set(ctx, [...reads]);
}

/** The restricted reads logged for this request so far: a stored answer logs them again whenever it is served. */
export function restrictedReadsOf(ctx: RequestContext): RestrictedRead[] {
  return logged.get(ctx) ?? [];
}
