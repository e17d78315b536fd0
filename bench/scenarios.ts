/**
 * The work `npm run bench` compares: each scenario says what it asks of each server, and where the items of each answer
 * are (dotted paths through the JSON `data`; arrays on the way are walked), so the answers can be checked to carry the
 * same number of items at every level before any timing.
 */
import type { Fixtures } from './fixtures';

export interface GraphqlRequest {
  query: string;
  variables?: (fixtures: Fixtures) => Record<string, unknown>;
  /** Sent with the ADMIN key: PostGraphile sees every row, so our API must too for the counts to agree. */
  admin?: boolean;
  /** Where the items are, one path per level. */
  items: string[];
  /**
   * Our API's response cache: without this, every request asks for a fresh answer (`Cache-Control: no-cache`), so
   * the work is measured, not the cache; `stored` lets the same POST be answered from the cache; `revalidate` sends
   * the GET of a dashboard holding the answer already, with its ETag in If-None-Match (answered 304).
   */
  cache?: 'stored' | 'revalidate';
}

export interface FloorRequest {
  /** The floor server's statement (bench/floor/statements.sql.ts) and its parameters. */
  statement: string;
  params?: (fixtures: Fixtures) => unknown[];
}

export interface Scenario {
  /** For `--only`. */
  name: string;
  /** The table's row. */
  title: string;
  ours: GraphqlRequest;
  postgraphile?: GraphqlRequest;
  /** The floor answers in our API's shape, so our item paths apply to it. */
  floor?: FloorRequest;
}

const MEMBERS_20: GraphqlRequest = {
  query: `{ members(first: 20) { totalCount nodes { id name population country { name } coordinationOffice { name } } } }`,
  items: ['members.nodes'],
};

const POSTGRAPHILE_MEMBERS_20: GraphqlRequest = {
  query: `{ members(first: 20, orderBy: [NAME_ASC, ROW_ID_ASC]) { totalCount nodes { rowId name
    populationRecords(first: 1, orderBy: [YEAR_DESC]) { nodes { population } }
    country { name } coordinationOffice { name } } } }`,
  items: ['members.nodes'],
};

export const SCENARIOS: Scenario[] = [
  {
    name: 'members-20',
    title: '20 members with population, country, office',
    ours: MEMBERS_20,
    postgraphile: POSTGRAPHILE_MEMBERS_20,
    floor: { statement: 'members-20' },
  },
  {
    name: 'austrian-100',
    title: '100 Austrian members, six scalar fields',
    ours: {
      query: `{ members(first: 100, filter: { countryCodes: ["AT"] }) { nodes { id name category status latitude longitude } } }`,
      items: ['members.nodes'],
    },
    postgraphile: {
      query: `{ members(first: 100, condition: { countryCode: "AT" }, orderBy: [NAME_ASC, ROW_ID_ASC]) {
        nodes { rowId name category status latitude longitude } } }`,
      items: ['members.nodes'],
    },
    floor: { statement: 'austrian-100' },
  },
  {
    name: 'fan-out',
    title: '10 members → their inventories → their records',
    ours: {
      query: `{ members(first: 10) { nodes { name inventories { year totalEmissionsTco2e records { sector emissionsTco2e } } } } }`,
      admin: true,
      items: ['members.nodes', 'members.nodes.inventories', 'members.nodes.inventories.records'],
    },
    postgraphile: {
      query: `{ members(first: 10, orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { name
        emissionInventories(orderBy: [YEAR_ASC]) { nodes { year totalEmissionsTco2E
          emissionRecordsByInventoryId { nodes { sector emissionsTco2E } } } } } } }`,
      items: [
        'members.nodes',
        'members.nodes.emissionInventories.nodes',
        'members.nodes.emissionInventories.nodes.emissionRecordsByInventoryId.nodes',
      ],
    },
    floor: { statement: 'fan-out' },
  },
  {
    name: 'member-series',
    title: 'one member with targets and its inventory series',
    ours: {
      query: `query ($id: ID!) { member(id: $id) { name
        targets { origin type baseYear targetYear reductionPercent }
        inventories { year standard totalEmissionsTco2e } } }`,
      variables: ({ memberId }) => ({ id: memberId }),
      admin: true,
      items: ['member', 'member.targets', 'member.inventories'],
    },
    postgraphile: {
      query: `query ($id: UUID!) { member(rowId: $id) { name
        climateTargets { nodes { origin type baseYear targetYear reductionPercent } }
        emissionInventories(orderBy: [YEAR_ASC]) { nodes { year standard totalEmissionsTco2E } } } }`,
      variables: ({ memberId }) => ({ id: memberId }),
      items: ['member', 'member.climateTargets.nodes', 'member.emissionInventories.nodes'],
    },
    floor: { statement: 'member-series', params: ({ memberId }) => [memberId] },
  },
  {
    name: 'entities-50',
    title: '`_entities` for 50 members with name and country',
    ours: {
      query: `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        ... on Member { id name country { name } } } }`,
      variables: ({ entityIds }) => ({
        representations: entityIds.map((id) => ({ __typename: 'Member', id })),
      }),
      items: ['_entities'],
    },
    floor: { statement: 'entities-50', params: ({ entityIds }) => [entityIds] },
  },
  {
    name: 'members-20-cached',
    title: 'the same 20 members, repeated: ours from its response cache',
    ours: { ...MEMBERS_20, cache: 'stored' },
    postgraphile: POSTGRAPHILE_MEMBERS_20,
    floor: { statement: 'members-20' },
  },
  {
    name: 'members-20-304',
    title: 'the same 20 members, GET with If-None-Match: ours answers 304',
    ours: { ...MEMBERS_20, cache: 'revalidate' },
    postgraphile: POSTGRAPHILE_MEMBERS_20,
    floor: { statement: 'members-20' },
  },
];
