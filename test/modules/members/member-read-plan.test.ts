import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';

let api: TestApp;
let statements: string[] = [];
beforeAll(async () => {
  api = await startTestApp();
  api.orm.em.getKnex().on('query', (query: { sql: string }) => statements.push(query.sql));
});
afterAll(() => api.close());

/** Runs an operation, checks it answered without errors, and returns the SQL it sent. */
async function sqlOf(query: string, variables?: Record<string, unknown>): Promise<string[]> {
  statements = [];
  const response = await api.graphql(query, variables);
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeTruthy();
  return statements;
}

/** The select list of a statement, e.g. `"m"."id" as "m__id", ...`. */
function selectList(sql: string): string {
  return sql.slice('select '.length, sql.indexOf(' from '));
}

describe('members read only the columns a query selects', () => {
  it('reads id and name, and the sort key, in one statement when nothing else is asked', async () => {
    const sql = await sqlOf('{ members(first: 5) { nodes { id name } } }');
    expect(sql).toHaveLength(1);
    expect(selectList(sql[0])).toBe('"m"."id" as "m__id", "m"."name" as "m__name", m.name as sort_key');
    expect(sql[0]).not.toContain('population_record');
  });

  it('follows fragments, edges and @skip/@include when choosing the columns', async () => {
    const query = `query ($skip: Boolean!) {
      members(first: 2) { ...Names edges { node { website @skip(if: $skip) lauCode @include(if: $skip) } } }
    }
    fragment Names on MemberConnection { nodes { ... on Member { name } } }`;
    const [page] = await sqlOf(query, { skip: true });
    expect(selectList(page)).toBe(
      '"m"."id" as "m__id", "m"."name" as "m__name", "m"."lau_code" as "m__lauCode", m.name as sort_key',
    );
    // the same document again (compiled once), with the other value: the columns follow this request's variables
    const [again] = await sqlOf(query, { skip: false });
    expect(selectList(again)).toBe(
      '"m"."id" as "m__id", "m"."name" as "m__name", "m"."website" as "m__website", m.name as sort_key',
    );
  });

  it('joins the country and the latest population only when they are asked', async () => {
    const [page] = await sqlOf('{ members(first: 5) { nodes { name population country { name } } } }');
    expect(selectList(page)).toBe(
      '"m"."id" as "m__id", "m"."name" as "m__name", "m_country"."code" as "m_country__code", ' +
        '"m_country"."name" as "m_country__name", "lp"."population" as "latest_population", m.name as sort_key',
    );
    expect(page).not.toContain('coordination_office');
  });

  it('counts in the statement of the page: the network status counts, the member table, or with the population', async () => {
    // the count is the subquery the page is joined to: `from (<count>) as "total" left join (<page>) as "page"`
    const countOf = (sql: string) => sql.slice(sql.indexOf(' from (') + ' from ('.length, sql.indexOf(') as "total"'));
    const [page] = await sqlOf('{ members(first: 5) { totalCount nodes { population } } }');
    expect(countOf(page)).toContain('from "network_charter_status_count" as "n"');
    expect(countOf(page)).not.toContain('population_record');
    const [named] = await sqlOf('{ members(first: 5, filter: { nameContains: "wien" }) { totalCount } }');
    expect(countOf(named)).toMatch(/^select count\(\*\) as "total_count" from "member" as "m" where /);
    const [filtered] = await sqlOf('{ members(first: 5, filter: { populationMin: 1000 }) { totalCount } }');
    expect(countOf(filtered)).toContain('population_record');
  });

  it('checks country codes without a statement of their own', async () => {
    await sqlOf('{ members(first: 1, filter: { countryCodes: ["AT"] }) { nodes { id } } }');
    const sql = await sqlOf('{ members(first: 5, filter: { countryCodes: ["de", "AT"] }) { nodes { name } } }');
    expect(sql).toHaveLength(1);
    const unknown = await api.graphql('{ members(filter: { countryCodes: ["XX"] }) { nodes { id } } }');
    expect(unknown.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.countryCodes[0]' });
  });

  it('reads member(id) with the selected columns and the office joined', async () => {
    const sql = await sqlOf('query ($id: ID!) { member(id: $id) { name coordinationOffice { name } } }', {
      id: NAMED_MEMBERS.wien.id,
    });
    expect(sql).toHaveLength(1);
    expect(selectList(sql[0])).toBe(
      '"m"."id" as "m__id", "m"."name" as "m__name", "m_coordinationOffice"."id" as "m_coordinationOffice__id", ' +
        '"m_coordinationOffice"."name" as "m_coordinationOffice__name"',
    );
  });

  it('resolves 50 member representations in one statement reading name and country code', async () => {
    const ids = (await api.graphql('{ members(first: 50) { nodes { id } } }')).data!.members.nodes;
    expect(ids).toHaveLength(50);
    const representations = ids.map(({ id }: { id: string }) => ({ __typename: 'Member', id }));
    statements = [];
    const response = await api.graphql(
      'query ($r: [_Any!]!) { _entities(representations: $r) { ... on Member { name country { code } } } }',
      { r: representations },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data!._entities).toHaveLength(50);
    expect(response.data!._entities.every((member: { country: { code: string } }) => member.country.code)).toBe(true);
    expect(statements).toHaveLength(1);
    expect(selectList(statements[0])).toBe(
      '"m"."id" as "m__id", "m"."name" as "m__name", "m"."country_code" as "m__country"',
    );
  });
});
