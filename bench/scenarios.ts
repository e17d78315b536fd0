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
    name: 'one member by id',
    query: `query($id: ID!) { member(id: $id) { name population populationHistory { year population } } }`,
    variables: { id: '$memberId' },
  },
];
