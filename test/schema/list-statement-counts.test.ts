import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { ORG } from '../scenarios/indigenous.scenario';
import { generatedMemberId, NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

/**
 * Top-level lists cost a number of SQL statements that depends on the query's shape only: the same for a small and a
 * large page or data set. Rows are added to this test's own database copy where the scenario has few.
 */
let api: TestApp;
beforeAll(async () => {
  // 100 members with nested lists are estimated above the default cost limit, like the benchmark's fan-out
  api = await startTestApp({}, { limits: { maxQueryCost: 1_000_000 } });
});
afterAll(() => api.close());

const admin = { key: TEST_ADMIN_SECRET };

async function execute(sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  return api.orm.em.getConnection().execute(sql, params);
}

/** Multiplies every row of `table` by `times`, each copy with a new id. */
async function multiplyRows(table: string, times: number): Promise<void> {
  const rows = await execute(
    `select column_name from information_schema.columns
      where table_schema = 'public' and table_name = ? and column_name <> 'id' order by ordinal_position`,
    [table],
  );
  const columns = rows.map((row) => `"${row.column_name as string}"`).join(', ');
  await execute(
    `insert into ${table} (id, ${columns}) select gen_random_uuid(), ${columns} from ${table}, generate_series(1, ?)`,
    [times],
  );
}

/** Runs `query` with each set of variables; checks each answer has no errors and `size` items; returns the counts. */
async function statementCounts(
  query: string,
  runs: { variables: Record<string, unknown>; size: (data: Record<string, any>) => number; atLeast: number }[],
): Promise<number[]> {
  const counts: number[] = [];
  for (const run of runs) {
    api.resetStatementCount();
    const response = await api.graphql(query, run.variables, admin);
    expect(response.errors).toBeUndefined();
    expect(run.size(response.data!)).toBeGreaterThanOrEqual(run.atLeast);
    counts.push(api.statementCount());
  }
  return counts;
}

/** A small and a large page of a connection field `field`. */
function pages(field: string) {
  const size = (data: Record<string, any>) => data[field].nodes.length;
  return [
    { variables: { first: 2 }, size, atLeast: 2 },
    { variables: { first: 100 }, size, atLeast: 60 },
  ];
}

describe('statements per top-level list do not grow with rows', () => {
  it('partnerships with organisation, member, office and contributions, for all of the scenario and 16 times as many', async () => {
    const query = `{ partnerships(first: 100) { totalCount nodes { id type
      organisation { acronym } member { name country { name } } coordinationOffice { name }
      contributions { amount member { name } } } } }`;
    type Node = { member: object | null; coordinationOffice: object | null; contributions: object[] };
    // the number of items, when members, offices and contributions all appear among them (else 0)
    const size = (data: Record<string, any>) => {
      const nodes: Node[] = data.partnerships.nodes;
      const allKinds = [
        (node: Node) => node.member,
        (node: Node) => node.coordinationOffice,
        (node: Node) => node.contributions.length,
      ].every((has) => nodes.some(has));
      return allKinds ? nodes.length : 0;
    };
    const [few] = await statementCounts(query, [{ variables: {}, size, atLeast: 3 }]);
    await multiplyRows('partnership', 15);
    const [many] = await statementCounts(query, [{ variables: {}, size, atLeast: 48 }]);
    expect(many).toBe(few);
  });

  it('consentRecords with their steward organisation', async () => {
    await multiplyRows('consent_record', 25);
    const counts = await statementCounts(
      `query ($first: Int) { consentRecords(first: $first) { totalCount
        nodes { id scope status grantedToRoles validFrom stewardOrganisation { acronym } } } }`,
      pages('consentRecords'),
    );
    expect(counts[1]).toBe(counts[0]);
  });

  it('accessLog', async () => {
    await execute(
      `insert into access_log (id, created_at, updated_at, role, subject_type, subject_id, steward_organisation_id,
        location_access) select gen_random_uuid(), now(), now(), 'ADMIN', 'ORGANISATION', ?, ?, 'COUNTRY'
        from generate_series(1, 80)`,
      [ORG.foirn, ORG.foirn],
    );
    const counts = await statementCounts(
      `query ($first: Int) { accessLog(first: $first) { totalCount
        nodes { id createdAt role subjectType subjectId stewardOrganisationId locationAccess } } }`,
      pages('accessLog'),
    );
    expect(counts[1]).toBe(counts[0]);
  });

  it('auditLog', async () => {
    const created = await api.graphql(
      'mutation { createApiKey(input: { name: "audit rows", role: ANALYST }) { apiKey { id } } }',
      {},
      admin,
    );
    expect(created.errors).toBeUndefined();
    await multiplyRows('audit_log_entry', 80);
    const counts = await statementCounts(
      `query ($first: Int) { auditLog(first: $first) { totalCount
        nodes { id createdAt role mutation arguments succeeded requestId } } }`,
      pages('auditLog'),
    );
    expect(counts[1]).toBe(counts[0]);
  });

  it('apiKeys, for 2 and for 40 keys', async () => {
    const query = '{ apiKeys { id name role memberId organisationId prefix createdAt revokedAt } }';
    const size = (data: Record<string, any>) => data.apiKeys.length;
    await api.createKey(Role.ANALYST);
    const [few] = await statementCounts(query, [{ variables: {}, size, atLeast: 1 }]);
    for (let i = 0; i < 40; i++) await api.createKey(Role.PARTNER);
    const [many] = await statementCounts(query, [{ variables: {}, size, atLeast: 40 }]);
    expect(many).toBe(few);
  });

  it('countries, before and after 26 more are added', async () => {
    const query = '{ countries { code name region isMemberCountry } }';
    const size = (data: Record<string, any>) => data.countries.length;
    const [few] = await statementCounts(query, [{ variables: {}, size, atLeast: 30 }]);
    await execute(
      `insert into country (code, name, region, is_member_country, created_at, updated_at)
        select 'Q' || chr(64 + n), 'Test land ' || n, 'EUROPE', false, now(), now() from generate_series(1, 26) n`,
    );
    const [many] = await statementCounts(query, [{ variables: {}, size, atLeast: 56 }]);
    expect(many).toBe(few);
  });

  it('allianceProgress for the members of one country and of all', async () => {
    // the first filter by country in a process reads the country codes, once
    expect((await api.graphql('{ members(filter: { countryCodes: ["LU"] }) { totalCount } }')).errors).toBeUndefined();
    const counts = await statementCounts(
      `query ($filter: AllianceProgressFilter) { allianceProgress(filter: $filter) {
        memberCount onTrackCount years { year emissionsTco2e reportingMembers } } }`,
      [
        {
          variables: { filter: { countryCodes: ['LU'] } },
          size: (data) => data.allianceProgress.memberCount,
          atLeast: 1,
        },
        { variables: {}, size: (data) => data.allianceProgress.memberCount, atLeast: 100 },
      ],
    );
    expect(counts[1]).toBe(counts[0]);
  });

  it('biodiversityTotals for the projects of one country and of all', async () => {
    const counts = await statementCounts(
      `query ($filter: BiodiversityProjectFilter) { biodiversityTotals(groupBy: [COUNTRY, THEME], filter: $filter) {
        countryCode theme projectCount hectaresProtected } }`,
      [
        { variables: { filter: { countryCodes: ['GF'] } }, size: (data) => data.biodiversityTotals.length, atLeast: 1 },
        { variables: {}, size: (data) => data.biodiversityTotals.length, atLeast: 4 },
      ],
    );
    expect(counts[1]).toBe(counts[0]);
  });
});

/**
 * Pages through the top-level list `field` (2 items, then 100 at a time) selecting its `totalCount`, then asks for the
 * page past the end: each answer without errors, each one statement (besides the lookup of a stored API key and the
 * access log's record of restricted reads, which governance writes), and every `totalCount` the number of items the
 * pages held together.
 */
async function pagesWithTotalCount(field: string, viewer: { key?: string } = admin, atLeast = 3): Promise<void> {
  const query = `query ($first: Int, $after: String) { ${field}(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id } } }`;
  const measured = async (variables: Record<string, unknown>) => {
    api.resetStatementCount();
    const response = await api.graphql(query, variables, viewer);
    expect(response.errors).toBeUndefined();
    const reads = api
      .statementTexts()
      .filter((sql) => !sql.startsWith('insert into "access_log"') && !/^select .* from "api_key"/.test(sql));
    return { connection: response.data![field], statements: reads.length };
  };
  const pages = [await measured({ first: 2 })];
  while (pages.at(-1)!.connection.pageInfo.hasNextPage) {
    pages.push(await measured({ first: 100, after: pages.at(-1)!.connection.pageInfo.endCursor }));
  }
  const past = await measured({ first: 100, after: pages.at(-1)!.connection.pageInfo.endCursor });
  expect(past.connection.nodes).toEqual([]);
  const items = pages.reduce((sum, page) => sum + page.connection.nodes.length, 0);
  expect(items).toBeGreaterThanOrEqual(atLeast);
  for (const page of [...pages, past]) {
    expect(page.connection.totalCount).toBe(items);
    expect(page.statements).toBe(1);
  }
}

describe('a page of a top-level list with its totalCount is one statement, also past the end', () => {
  it.each(['timberCommitments', 'indigenousOrganisations'])('%s', (field) => pagesWithTotalCount(field));
  it('partnerships, for an admin and for a viewer without a key', async () => {
    await pagesWithTotalCount('partnerships');
    // without a key, only the scenario's public ones when this test runs alone (more after the test above)
    await pagesWithTotalCount('partnerships', {}, 2);
  });
  it("consentRecords, for an admin and for a steward (its own organisation's)", async () => {
    await pagesWithTotalCount('consentRecords');
    const steward = await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.foirn });
    await pagesWithTotalCount('consentRecords', { key: steward }, 1);
  });
  it("accessLog, for an admin and for a steward (its own organisation's)", async () => {
    await execute(
      `insert into access_log (id, created_at, updated_at, role, subject_type, subject_id, steward_organisation_id,
        location_access) select gen_random_uuid(), now(), now(), 'ADMIN', 'ORGANISATION', ?, ?, 'COUNTRY'
        from generate_series(1, 3)`,
      [ORG.foirn, ORG.foirn],
    );
    await pagesWithTotalCount('accessLog');
    const steward = await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.foirn });
    await pagesWithTotalCount('accessLog', { key: steward });
  });
  it('auditLog', async () => {
    for (const name of ['audit a', 'audit b', 'audit c']) {
      const created = await api.graphql(
        'mutation ($name: String!) { createApiKey(input: { name: $name, role: ANALYST }) { apiKey { id } } }',
        { name },
        admin,
      );
      expect(created.errors).toBeUndefined();
    }
    await pagesWithTotalCount('auditLog');
  });
  it('biodiversityProjects, for an admin and for a viewer without a key', async () => {
    await pagesWithTotalCount('biodiversityProjects');
    await pagesWithTotalCount('biodiversityProjects', {});
  });
});

/** The member fields the planned read aggregates in the member's statement, nested two levels deep. */
const MEMBER_LISTS = `name
  inventories { year totalEmissionsTco2e records { sector emissionsTco2e } }
  latestInventory { year records { scope } }
  targets { origin targetYear }`;

type PlannedMember = {
  inventories: { records: object[] }[];
  latestInventory: { records: object[] } | null;
  targets: object[];
};

/** The number of records of `members`, when inventories, latest inventories and targets all appear among them (else 0). */
function recordsOf(members: (PlannedMember | null)[]): number {
  const present = members.filter((member): member is PlannedMember => member !== null);
  const allKinds =
    present.some((member) => member.targets.length) && present.some((member) => member.latestInventory?.records.length);
  return allKinds
    ? present.flatMap((member) => member.inventories.flatMap((inventory) => inventory.records)).length
    : 0;
}

describe('nested lists of the planned read path do not add statements', () => {
  it('members with inventories, their records, the latest inventory and targets: one statement for 1 and 100 members', async () => {
    const counts = await statementCounts(
      `query ($first: Int, $filter: MemberFilter) { members(first: $first, filter: $filter) { nodes { ${MEMBER_LISTS} } } }`,
      [
        {
          variables: { first: 1, filter: { nameContains: NAMED_MEMBERS.muenchen.name } },
          size: (data) => recordsOf(data.members.nodes),
          atLeast: 3,
        },
        { variables: { first: 100 }, size: (data) => recordsOf(data.members.nodes), atLeast: 200 },
      ],
    );
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBe(1);
  });

  it('member(id) with its nested lists, for a member with few and one with many records', async () => {
    const query = `query ($id: ID!) { member(id: $id) { ${MEMBER_LISTS} } }`;
    const size = (data: Record<string, any>) => recordsOf([data.member]);
    const counts = await statementCounts(query, [
      { variables: { id: NAMED_MEMBERS.muenchen.id }, size, atLeast: 3 },
      { variables: { id: NAMED_MEMBERS.wien.id }, size, atLeast: 4 },
    ]);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBe(1);
  });

  it('_entities for 2 and 60 members with their nested lists', async () => {
    const representations = (count: number) =>
      [NAMED_MEMBERS.muenchen.id, ...Array.from({ length: count - 1 }, (_, i) => generatedMemberId(i + 2))].map(
        (id) => ({ __typename: 'Member', id }),
      );
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Member { ${MEMBER_LISTS} } } }`;
    const size = (data: Record<string, any>) => recordsOf(data._entities);
    const counts = await statementCounts(query, [
      { variables: { representations: representations(2) }, size, atLeast: 4 },
      { variables: { representations: representations(60) }, size, atLeast: 180 },
    ]);
    expect(counts[1]).toBe(counts[0]);
    expect(counts[0]).toBe(1);
  });

  it('the same lists of members that no plan read (reached through their inventories), for 10 and 100 inventories', async () => {
    const query = `query ($first: Int) { emissionInventories(first: $first) { nodes { member { ${MEMBER_LISTS} } } } }`;
    const size = (data: Record<string, any>) =>
      recordsOf(data.emissionInventories.nodes.map((node: { member: PlannedMember }) => node.member));
    const counts = await statementCounts(query, [
      { variables: { first: 10 }, size, atLeast: 10 },
      { variables: { first: 100 }, size, atLeast: 100 },
    ]);
    expect(counts[1]).toBe(counts[0]);
  });
});
