import type { ApiModule } from '../module';
import { Contribution } from './contribution.entity';
import { ContributionResolver } from './contribution.resolver';
import { PartnershipContributionsResolver } from './partnership-contributions.resolver';
import { ProjectContributionsResolver } from './project-contributions.resolver';

/** Members' contributions of money to biodiversity projects and partnerships. */
export const contributions: ApiModule = {
  entities: [Contribution],
  resolvers: [ContributionResolver, ProjectContributionsResolver, PartnershipContributionsResolver],
  references: [],
};
