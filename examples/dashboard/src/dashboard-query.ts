/**
 * Everything the dashboard shows, in one request: the members of one country with their inventories, their
 * progress against the Charter path, their timber commitment and their indigenous partners' projects.
 */
export const DASHBOARD_QUERY = /* GraphQL */ `
  query CountryDashboard($country: String!, $first: Int!) {
    country(code: $country) {
      name
    }
    members(filter: { countryCodes: [$country], statuses: [ACTIVE] }, first: $first) {
      totalCount
      nodes {
        id
        name
        population
        inventories {
          year
          totalEmissionsTco2e
        }
        progress {
          status
          baselineYear
          baselineEmissionsTco2e
          latestYear
          latestEmissionsTco2e
          reductionPercent
          charterPathTco2e
        }
        timberCommitment {
          policyLevel
          status
          compliance {
            total {
              compliantVolumePercent
            }
          }
        }
        partnerships {
          organisation {
            acronym
            projects(first: 3) {
              nodes {
                title
                status
                hectaresProtected
              }
            }
          }
        }
      }
    }
  }
`;

export type TrajectoryStatus = 'ON_TRACK' | 'SLIGHTLY_OFF' | 'OFF_TRACK' | 'NO_DATA';

export interface Progress {
  status: TrajectoryStatus;
  baselineYear: number | null;
  baselineEmissionsTco2e: number | null;
  latestYear: number | null;
  latestEmissionsTco2e: number | null;
  reductionPercent: number | null;
  charterPathTco2e: number | null;
}

export interface DashboardMember {
  id: string;
  name: string;
  population: number | null;
  /** Oldest first; several standards of one year come in the API's preference order. */
  inventories: { year: number; totalEmissionsTco2e: number }[];
  progress: Progress;
  timberCommitment: {
    policyLevel: string;
    status: string;
    compliance: { total: { compliantVolumePercent: number | null } };
  } | null;
  partnerships: {
    organisation: {
      acronym: string;
      projects: { nodes: { title: string; status: string; hectaresProtected: number | null }[] };
    };
  }[];
}

export interface DashboardData {
  country: { name: string } | null;
  members: { totalCount: number; nodes: DashboardMember[] };
}
