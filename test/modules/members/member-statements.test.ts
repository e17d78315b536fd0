import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GENERATED_MEMBER_COUNT, generatedMemberId, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../../support/test-app';

/** The statements of the benchmark's member reads: their number depends on the query's shape, not on its rows. */
const TOTAL_MEMBERS = GENERATED_MEMBER_COUNT + Object.keys(NAMED_MEMBERS).length;

const PAGE = `query ($first: Int, $after: String, $filter: MemberFilter, $orderBy: MemberOrder) {
  members(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { endCursor } nodes { id name population country { name } coordinationOffice { name } } } }`;

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

/** Runs `query`, checks it answered without errors, and returns its data and the number of statements it sent. */
async function measured(query: string, variables: Record<string, unknown> = {}, key?: string) {
  api.resetStatementCount();
  const response = await api.graphql(query, variables, key ? { key } : {});
  expect(response.errors).toBeUndefined();
  return { data: response.data!, statements: api.statementCount() };
}

describe('a page of members with its totalCount is one statement', () => {
  it.each([2, 20, 100])('for a page of %i', async (first) => {
    const { data, statements } = await measured(PAGE, { first });
    expect(data.members.nodes).toHaveLength(first);
    expect(data.members.totalCount).toBe(TOTAL_MEMBERS);
    expect(statements).toBe(1);
  });

  it('counts the whole list on a later page, and on the empty page past the end', async () => {
    const first = await measured(PAGE, { first: 100 });
    const second = await measured(PAGE, { first: 100, after: first.data.members.pageInfo.endCursor });
    expect(second.data.members.nodes).toHaveLength(TOTAL_MEMBERS - 100);
    expect(second.data.members.totalCount).toBe(TOTAL_MEMBERS);
    expect(second.statements).toBe(1);
    const past = await measured(PAGE, { first: 100, after: second.data.members.pageInfo.endCursor });
    expect(past.data.members.nodes).toEqual([]);
    expect(past.data.members.pageInfo.endCursor).toBeNull();
    expect(past.data.members.totalCount).toBe(TOTAL_MEMBERS);
    expect(past.statements).toBe(1);
  });

  it('counts 0 when the filter matches nothing', async () => {
    const { data, statements } = await measured(PAGE, { filter: { nameContains: 'no such member anywhere' } });
    expect(data.members).toEqual({ totalCount: 0, pageInfo: { endCursor: null }, nodes: [] });
    expect(statements).toBe(1);
  });

  it('counts what a filter on population matches, ordered by population', async () => {
    const { data, statements } = await measured(PAGE, {
      filter: { populationMin: 770_000, populationMax: 1_500_000 },
      orderBy: { field: 'POPULATION', direction: 'DESC' },
    });
    expect(data.members.nodes.map((node: { name: string }) => node.name)).toEqual(['München', 'Frankfurt am Main']);
    expect(data.members.totalCount).toBe(2);
    expect(statements).toBe(1);
  });

  it('reads no count when totalCount is not asked', async () => {
    const sql: string[] = [];
    const listen = (query: { sql: string }) => sql.push(query.sql);
    api.orm.em.getKnex().on('query', listen);
    try {
      await measured('{ members(first: 5) { nodes { id name } } }');
    } finally {
      api.orm.em.getKnex().off('query', listen);
    }
    expect(sql).toHaveLength(1);
    expect(sql[0]).not.toContain('count(');
  });
});

describe('the statement of a page is built once per shape', () => {
  it('binds the values of each request to the same text: filters and cursors answer as asked', async () => {
    const sent: { sql: string; bindings: unknown[] }[] = [];
    // the country codes are read once per database, maybe here: only the pages count
    const listen = (query: { sql: string; bindings: unknown[] }) => {
      if (query.sql.includes('"member"')) sent.push(query);
    };
    api.orm.em.getKnex().on('query', listen);
    const names = (data: Record<string, any>) => data.members.nodes.map((node: { name: string }) => node.name);
    try {
      const wien = await measured(PAGE, { first: 5, filter: { nameContains: 'wien', countryCodes: ['AT'] } });
      const frankfurt = await measured(PAGE, { first: 5, filter: { nameContains: 'FURT', countryCodes: ['DE'] } });
      expect(names(wien.data)).toEqual(['Wien']);
      expect(names(frankfurt.data)).toEqual(['Frankfurt am Main']);
      const first = await measured(PAGE, { first: 3 });
      const next = await measured(PAGE, { first: 3, after: first.data.members.pageInfo.endCursor });
      const later = await measured(PAGE, { first: 3, after: next.data.members.pageInfo.endCursor });
      expect(new Set([...names(first.data), ...names(next.data), ...names(later.data)]).size).toBe(9);
    } finally {
      api.orm.em.getKnex().off('query', listen);
    }
    expect(sent).toHaveLength(5);
    expect(sent[1].sql).toBe(sent[0].sql);
    expect(sent[1].bindings).not.toEqual(sent[0].bindings);
    expect(sent[4].sql).toBe(sent[3].sql);
    expect(sent[4].bindings).not.toEqual(sent[3].bindings);
  });

  it('reads empty text in a filter as no condition, as before', async () => {
    const { data } = await measured(PAGE, { first: 1, filter: { nameContains: '', joinedAfter: null } });
    expect(data.members.totalCount).toBe(TOTAL_MEMBERS);
  });
});

describe('one member with targets and its inventory series', () => {
  it('is one statement', async () => {
    const query = `query ($id: ID!) { member(id: $id) { name
      targets { origin type baseYear targetYear reductionPercent }
      inventories { year standard totalEmissionsTco2e } } }`;
    const { data, statements } = await measured(query, { id: NAMED_MEMBERS.wien.id }, TEST_ADMIN_SECRET);
    expect(data.member.targets.length).toBeGreaterThan(0);
    expect(data.member.inventories.length).toBeGreaterThan(1);
    expect(statements).toBe(1);
  });
});

const SERIES = `query ($id: ID!) { member(id: $id) { name
  targets { origin type baseYear targetYear reductionPercent }
  inventories { year standard totalEmissionsTco2e } } }`;

/** Copies `table`'s rows of the member `memberId` `times` times, each with a new id and `changed` columns as given. */
async function copyRowsOfMember(table: string, memberId: string, times: number, changed: Record<string, string>) {
  const columns: { column_name: string }[] = await api.orm.em.getConnection().execute(
    `select column_name from information_schema.columns
        where table_schema = 'public' and table_name = ? and column_name <> 'id' order by ordinal_position`,
    [table],
  );
  const names = columns.map((row) => row.column_name);
  const values = names.map((name) => changed[name] ?? `"${name}"`);
  await api.orm.em.getConnection().execute(
    `insert into ${table} (id, ${names.map((name) => `"${name}"`).join(', ')})
      select gen_random_uuid(), ${values.join(', ')}
      from (select * from ${table} where member_id = ? order by id limit 1) t, generate_series(1, ?) n`,
    [memberId, times],
  );
}

describe('one member with its targets and inventories, as an admin and as an anonymous caller', () => {
  const { wien, klimaverein } = NAMED_MEMBERS;
  type Series = { member: { targets: object[]; inventories: { year: number }[] } };

  /** Reads the series of `id` as `key` (anonymous without); checks it is one statement and has what the caller may see. */
  async function series(id: string, key?: string) {
    const { data, statements } = await measured(SERIES, { id }, key);
    const { member } = data as Series;
    const visible = key ? 'member_id = ?' : 'member_id = ? and is_public';
    expect(member.inventories).toHaveLength(await api.countRows('emission_inventory', visible, [id]));
    expect(member.targets).toHaveLength(await api.countRows('climate_target', 'member_id = ?', [id]));
    expect(statements).toBe(1);
    return member;
  }

  it('is one statement for a member with few rows, and anonymous callers get its public inventories only', async () => {
    const all = await series(klimaverein.id, TEST_ADMIN_SECRET);
    const publicOnly = await series(klimaverein.id);
    expect(publicOnly.inventories.length).toBeGreaterThan(0);
    expect(publicOnly.inventories.length).toBeLessThan(all.inventories.length);
  });

  it('is one statement for a member with many rows, half of its inventories not public', async () => {
    await copyRowsOfMember('emission_inventory', wien.id, 40, {
      year: '1900 + n',
      is_public: 'n % 2 = 0',
      is_baseline: 'false',
    });
    await copyRowsOfMember('climate_target', wien.id, 30, { target_year: '2030 + n' });
    const all = await series(wien.id, TEST_ADMIN_SECRET);
    const publicOnly = await series(wien.id);
    expect(all.inventories.length).toBeGreaterThan(40);
    expect(all.targets.length).toBeGreaterThan(30);
    expect(publicOnly.inventories.length).toBeLessThan(all.inventories.length - 15);
  });

  it('is sent as a prepared statement', async () => {
    const sent: { options?: { name?: string } }[] = [];
    const listen = (query: { options?: { name?: string } }) => sent.push(query);
    api.orm.em.getKnex().on('query', listen);
    try {
      await measured(SERIES, { id: wien.id });
    } finally {
      api.orm.em.getKnex().off('query', listen);
    }
    expect(sent).toHaveLength(1);
    expect(sent[0].options?.name).toMatch(/^planned_read_\d+$/);
  });
});

describe('_entities for members with their country: one statement per shape of selection', () => {
  const representations = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ __typename: 'Member', id: generatedMemberId(i + 1) }));
  /** The country names of the first `count` generated members, in their order, read here by SQL of its own. */
  const countries = async (count: number) => {
    const ids = `{${representations(count)
      .map((r) => r.id)
      .join(',')}}`;
    const rows: { name: string }[] = await api.orm.em.getConnection().execute(
      `select c.name from member m join country c on c.code = m.country_code where m.id = any(?::uuid[])
        order by array_position(?::uuid[], m.id)`,
      [ids, ids],
    );
    return rows.map((row) => ({ name: row.name }));
  };

  it.each([1, 2, 50])('is one statement for %i members, anonymous', async (count) => {
    const query = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
      ... on Member { id name country { name } } } }`;
    const { data, statements } = await measured(query, { representations: representations(count) });
    const entities = data._entities as { id: string; country: { name: string } }[];
    expect(entities.map((entity) => entity.id)).toEqual(representations(count).map((r) => r.id));
    expect(entities.map((entity) => entity.country)).toEqual(await countries(count));
    expect(statements).toBe(1);
  });

  it('is one statement for two fields that select alike, two for two that select differently', async () => {
    const twice = (second: string) => `query ($representations: [_Any!]!) {
      a: _entities(representations: $representations) { ... on Member { id name country { name } } }
      b: _entities(representations: $representations) { ... on Member { ${second} } } }`;
    const alike = await measured(twice('id name country { name }'), { representations: representations(20) });
    expect(alike.data.b).toEqual(alike.data.a);
    expect(alike.data.a).toHaveLength(20);
    expect(alike.statements).toBe(1);
    const unlike = await measured(twice('id'), { representations: representations(20) });
    expect(unlike.data.b).toEqual(representations(20).map((r) => ({ id: r.id })));
    expect(unlike.statements).toBe(2);
  });
});

describe('members by id beside other fields: alike reads still share one statement', () => {
  const { wien, frankfurt, klimaverein } = NAMED_MEMBERS;

  it('reads two member fields that select alike in one statement, unlike ones in two', async () => {
    const alike = await measured(`query ($a: ID!, $b: ID!) { a: member(id: $a) { name } b: member(id: $b) { name } }`, {
      a: wien.id,
      b: frankfurt.id,
    });
    expect(alike.data).toEqual({ a: { name: 'Wien' }, b: { name: 'Frankfurt am Main' } });
    expect(alike.statements).toBe(1);
    const unlike = await measured(`query ($a: ID!, $b: ID!) { a: member(id: $a) { name } b: member(id: $b) { id } }`, {
      a: wien.id,
      b: frankfurt.id,
    });
    expect(unlike.data).toEqual({ a: { name: 'Wien' }, b: { id: frankfurt.id } });
    expect(unlike.statements).toBe(2);
  });

  it('reads a member field and _entities that select alike in one statement', async () => {
    const { data, statements } = await measured(
      `query ($id: ID!, $representations: [_Any!]!) { member(id: $id) { id name }
        _entities(representations: $representations) { ... on Member { id name } } }`,
      { id: wien.id, representations: [{ __typename: 'Member', id: klimaverein.id }] },
    );
    expect(data.member).toEqual({ id: wien.id, name: 'Wien' });
    expect(data._entities).toEqual([{ id: klimaverein.id, name: klimaverein.name }]);
    expect(statements).toBe(1);
  });

  it('follows @include from one execution of a document to the next, reading only what is included', async () => {
    const query = `query ($id: ID!, $withTargets: Boolean!) { member(id: $id) { name
      targets @include(if: $withTargets) { targetYear } } }`;
    const sent: string[] = [];
    const listen = (statement: { sql: string }) => sent.push(statement.sql);
    api.orm.em.getKnex().on('query', listen);
    try {
      for (const withTargets of [true, false, true, false]) {
        const { data, statements } = await measured(query, { id: wien.id, withTargets });
        expect(data.member.name).toBe('Wien');
        expect(data.member.targets?.length > 0).toBe(withTargets);
        expect(statements).toBe(1);
      }
    } finally {
      api.orm.em.getKnex().off('query', listen);
    }
    expect(sent.map((sql) => sql.includes('climate_target'))).toEqual([true, false, true, false]);
  });
});

describe('_entities of members read by the field plan', () => {
  const { wien, klimaverein } = NAMED_MEMBERS;
  const INVENTORIES = `query ($representations: [_Any!]!) { _entities(representations: $representations) {
    ... on Member { id inventories { year } } } }`;

  it('gives each representation its member, repeated ones alike, in one statement', async () => {
    const representations = [wien.id, klimaverein.id, wien.id, wien.id.toUpperCase(), 'not-a-uuid'].map((id) => ({
      __typename: 'Member',
      id,
    }));
    const { data, statements } = await measured(
      `query ($representations: [_Any!]!) { _entities(representations: $representations) {
        __typename ... on Member { id name } } }`,
      { representations },
    );
    const wienEntity = { __typename: 'Member', id: wien.id, name: 'Wien' };
    expect(data._entities).toEqual([
      wienEntity,
      { __typename: 'Member', id: klimaverein.id, name: klimaverein.name },
      wienEntity,
      wienEntity,
      null,
    ]);
    expect(statements).toBe(1);
  });

  it('reads the inventories each caller may see, an API key first and then anonymously', async () => {
    const representations = [{ __typename: 'Member', id: klimaverein.id }];
    const all = await measured(INVENTORIES, { representations }, TEST_ADMIN_SECRET);
    const publicOnly = await measured(INVENTORIES, { representations });
    const count = (where: string) => api.countRows('emission_inventory', where, [klimaverein.id]);
    expect(all.data._entities[0].inventories).toHaveLength(await count('member_id = ?'));
    expect(publicOnly.data._entities[0].inventories).toHaveLength(await count('member_id = ? and is_public'));
    expect(publicOnly.data._entities[0].inventories.length).toBeLessThan(all.data._entities[0].inventories.length);
    expect([all.statements, publicOnly.statements]).toEqual([1, 1]);
  });
});
