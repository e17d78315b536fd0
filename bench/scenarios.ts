/** The operations the benchmark drives: what dashboards, notebooks and a gateway send most. */
export interface BenchScenario {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const SCENARIOS: BenchScenario[] = [
  {
    name: 'members page (20) with country and office',
    query: `{ members(first: 20) { totalCount nodes { id name population country { name } coordinationOffice { name } } } }`,
  },
  {
    name: 'members page (100) by population',
    query: `{ members(first: 100, orderBy: { field: POPULATION, direction: DESC }) { nodes { id name population } } }`,
  },
  {
    name: 'members filtered by country and name',
    query: `{ members(first: 20, filter: { countryCodes: ["AT", "DE"], nameContains: "berg" }) { totalCount nodes { name } } }`,
  },
  {
    name: 'dashboard: 20 members with progress and latest inventory records',
    query: `{ members(first: 20, filter: { countryCodes: ["DE"] }) { nodes { name progress { status reductionPercent charterPathTco2e } latestInventory { year totalEmissionsTco2e records { sector emissionsTco2e } } } } }`,
  },
  {
    name: 'members ordered by reduction percent',
    query: `{ members(first: 50, orderBy: { field: REDUCTION_PERCENT, direction: DESC }) { nodes { name progress { reductionPercent } } } }`,
  },
  {
    name: 'emission totals by country and year',
    query: `{ emissionTotals(groupBy: [COUNTRY, YEAR], filter: { fromYear: 2015 }) { countryCode year emissionsTco2e memberCount } }`,
  },
  {
    name: 'alliance progress',
    query: `{ allianceProgress { memberCount onTrackCount offTrackCount noDataCount years { year emissionsTco2e reportingMembers } } }`,
  },
  {
    name: 'biodiversity projects page with organisations and supporters',
    query: `{ biodiversityProjects(first: 20) { nodes { title status implementingOrganisation { acronym } supportingMembers { name } location { precision } } } }`,
  },
  {
    name: 'one member by id',
    query: `query($id: ID!) { member(id: $id) { name population populationHistory { year population } } }`,
    variables: { id: '$memberId' },
  },
];
