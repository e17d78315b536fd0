/** Work only this API offers (no peer answers it): timed as well, so a regression shows, with no ratios. */
import type { Scenario } from './scenarios';

export const OURS_ONLY_SCENARIOS: Scenario[] = [
  {
    name: 'members-by-population',
    title: 'members page (100) by population',
    ours: {
      query: `{ members(first: 100, orderBy: { field: POPULATION, direction: DESC }) { nodes { id name population } } }`,
      items: ['members.nodes'],
    },
  },
  {
    name: 'members-filtered',
    title: 'members filtered by country and name',
    ours: {
      query: `{ members(first: 20, filter: { countryCodes: ["AT", "DE"], nameContains: "berg" }) { totalCount nodes { name } } }`,
      items: ['members.nodes'],
    },
  },
  {
    name: 'dashboard',
    title: 'dashboard: 20 members with progress and latest inventory records',
    ours: {
      query: `{ members(first: 20, filter: { countryCodes: ["DE"] }) { nodes { name
        progress { status reductionPercent charterPathTco2e }
        latestInventory { year totalEmissionsTco2e records { sector emissionsTco2e } } } } }`,
      items: ['members.nodes', 'members.nodes.latestInventory.records'],
    },
  },
  {
    name: 'members-by-reduction',
    title: 'members ordered by reduction percent',
    ours: {
      query: `{ members(first: 50, orderBy: { field: REDUCTION_PERCENT, direction: DESC }) { nodes { name progress { reductionPercent } } } }`,
      items: ['members.nodes'],
    },
  },
  {
    name: 'emission-totals',
    title: 'emission totals by country and year',
    ours: {
      query: `{ emissionTotals(groupBy: [COUNTRY, YEAR], filter: { fromYear: 2015 }) { countryCode year emissionsTco2e memberCount } }`,
      items: ['emissionTotals'],
    },
  },
  {
    name: 'alliance-progress',
    title: 'alliance progress',
    ours: {
      query: `{ allianceProgress { memberCount onTrackCount offTrackCount noDataCount years { year emissionsTco2e reportingMembers } } }`,
      items: ['allianceProgress.years'],
    },
  },
  {
    name: 'projects',
    title: 'biodiversity projects page with organisations and supporters',
    ours: {
      query: `{ biodiversityProjects(first: 20) { nodes { title status implementingOrganisation { acronym }
        supportingMembers { name } location { precision } } } }`,
      items: ['biodiversityProjects.nodes', 'biodiversityProjects.nodes.supportingMembers'],
    },
  },
  {
    name: 'member-population',
    title: 'one member by id with its population history',
    ours: {
      query: `query ($id: ID!) { member(id: $id) { name population populationHistory { year population } } }`,
      variables: ({ memberId }) => ({ id: memberId }),
      items: ['member', 'member.populationHistory'],
    },
  },
];
