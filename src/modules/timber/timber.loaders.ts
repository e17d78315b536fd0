import DataLoader from 'dataloader';
import { defineLoader } from '../../common/context';
import { byKeys, groupByKeys } from '../../common/loaders';
import { TimberCommitment } from './timber-commitment.entity';
import { TimberProcurement } from './timber-procurement.entity';

export const commitmentById = defineLoader(
  (ctx) =>
    new DataLoader<string, TimberCommitment | null>(async (ids) =>
      byKeys(ids, await ctx.em.find(TimberCommitment, { id: { $in: [...ids] } }), (row) => row.id, null),
    ),
);

/** A member's commitment (a member has at most one). */
export const commitmentByMember = defineLoader(
  (ctx) =>
    new DataLoader<string, TimberCommitment | null>(async (memberIds) =>
      byKeys(
        memberIds,
        await ctx.em.find(TimberCommitment, { member: { $in: [...memberIds] } }),
        (row) => row.member.id,
        null,
      ),
    ),
);

/** Every procurement of each commitment, by year, then in the order recorded. */
export const procurementsByCommitment = defineLoader(
  (ctx) =>
    new DataLoader<string, TimberProcurement[]>(async (commitmentIds) =>
      groupByKeys(
        commitmentIds,
        await ctx.em.find(
          TimberProcurement,
          { commitment: { $in: [...commitmentIds] } },
          { orderBy: { year: 'asc', createdAt: 'asc', id: 'asc' } },
        ),
        (row) => row.commitment.id,
      ),
    ),
);
