import DataLoader from 'dataloader';
import { defineLoader } from '../../common/context';
import { groupByKeys } from '../../common/loaders';
import { Contribution } from './contribution.entity';

const ORDER = { orderBy: { year: 'asc', id: 'asc' } } as const;

/** Contributions to each project, by year. */
export const contributionsByProject = defineLoader(
  (ctx) =>
    new DataLoader<string, Contribution[]>(async (projectIds) =>
      groupByKeys(
        projectIds,
        await ctx.em.find(Contribution, { project: { $in: [...projectIds] } }, ORDER),
        (contribution) => contribution.project!.id,
      ),
    ),
);

/** Contributions to each partnership, by year. */
export const contributionsByPartnership = defineLoader(
  (ctx) =>
    new DataLoader<string, Contribution[]>(async (partnershipIds) =>
      groupByKeys(
        partnershipIds,
        await ctx.em.find(Contribution, { partnership: { $in: [...partnershipIds] } }, ORDER),
        (contribution) => contribution.partnership!.id,
      ),
    ),
);
