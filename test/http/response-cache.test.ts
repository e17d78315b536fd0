import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { loadConfig } from '../../src/config';
import { announceDataChange } from '../../src/http/response-cache/data-changes';
import { generatedProjectId, ORG } from '../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../scenarios/members.scenario';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';

const WIEN = NAMED_MEMBERS.wien.id;
const MEMBER = `query M($id: ID!) { member(id: $id) { id name version } }`;
const UPDATE = `mutation U($id: ID!, $version: Int!, $name: String!) {
  updateMember(id: $id, version: $version, input: { name: $name }) { id version } }`;
const INVENTORIES = `{ emissionInventories(first: 1) { totalCount } }`;

let api: TestApp;
let partnerKey: string;

interface Answer {
  status: number;
  headers: Record<string, unknown>;
  body: { data?: any; errors?: unknown[]; extensions?: { cost?: Record<string, unknown> } } | null;
}

/** A GET /graphql as a dashboard or CDN sends it: the query (or its APQ hash) and the variables in the URL. */
async function get(
  params: { query?: string; variables?: object; hash?: string },
  headers: Record<string, string> = {},
): Promise<Answer> {
  const search = new URLSearchParams();
  if (params.query) search.set('query', params.query);
  if (params.variables) search.set('variables', JSON.stringify(params.variables));
  if (params.hash)
    search.set('extensions', JSON.stringify({ persistedQuery: { version: 1, sha256Hash: params.hash } }));
  const response = await api.app.inject({
    method: 'GET',
    url: `/graphql?${search}`,
    headers: { 'apollo-require-preflight': 'true', ...headers },
  });
  return { status: response.statusCode, headers: response.headers, body: response.body ? response.json() : null };
}

/** Runs a request and returns its answer with the SQL statements it sent. */
async function counted<T>(request: () => Promise<T>): Promise<{ answer: T; statements: number }> {
  api.resetStatementCount();
  const answer = await request();
  return { answer, statements: api.statementCount() };
}

beforeAll(async () => {
  api = await startTestApp({ responseCache: loadConfig({ RESPONSE_CACHE: 'memory' }).responseCache });
  partnerKey = await api.createKey(Role.PARTNER);
});

afterAll(async () => {
  await api?.close();
});

describe('the response cache', () => {
  it('answers a repeated query from the cache, with no SQL, the same data and a reduced cost', async () => {
    const first = await counted(() => api.graphql(MEMBER, { id: WIEN }, { key: partnerKey }));
    expect(first.answer.errors).toBeUndefined();
    expect(first.answer.data!.member.id).toBe(WIEN);
    expect(first.statements).toBeGreaterThan(0);
    expect(first.answer.extensions!.cost.servedFromCache).toBeUndefined();
    const second = await counted(() => api.graphql(MEMBER, { id: WIEN }, { key: partnerKey }));
    expect(second.answer.errors).toBeUndefined();
    expect(second.answer.data).toEqual(first.answer.data);
    // the key's own lookup is the only statement: the answer itself costs no SQL
    expect(second.statements).toBe(1);
    expect(second.answer.extensions!.cost).toMatchObject({
      servedFromCache: true,
      requestedQueryCost: 1,
      uncachedQueryCost: first.answer.extensions!.cost.requestedQueryCost,
    });
  });

  it('keeps answers of different variables, operations and visibility classes apart', async () => {
    const other = NAMED_MEMBERS.muenchen.id;
    const wien = await api.graphql(MEMBER, { id: WIEN });
    const muenchen = await api.graphql(MEMBER, { id: other });
    expect(wien.errors).toBeUndefined();
    expect(muenchen.errors).toBeUndefined();
    expect(muenchen.data!.member.id).toBe(other);
    // an ADMIN sees every inventory of a member, an anonymous caller only the public ones
    const admin = await api.graphql(INVENTORIES, {}, { key: TEST_ADMIN_SECRET });
    const anonymous = await api.graphql(INVENTORIES);
    expect(admin.errors).toBeUndefined();
    expect(anonymous.errors).toBeUndefined();
    expect(admin.data!.emissionInventories.totalCount).toBeGreaterThan(anonymous.data!.emissionInventories.totalCount);
    const anonymousAgain = await api.graphql(INVENTORIES);
    expect(anonymousAgain.extensions!.cost.servedFromCache).toBe(true);
    expect(anonymousAgain.data).toEqual(anonymous.data);
  });

  it('a mutation invalidates: the very next request sees the write', async () => {
    const before = await api.graphql(MEMBER, { id: WIEN });
    const cached = await api.graphql(MEMBER, { id: WIEN });
    expect(cached.extensions!.cost.servedFromCache).toBe(true);
    const { version } = before.data!.member;
    const updated = await api.graphql(
      UPDATE,
      { id: WIEN, version, name: 'Wien (cached test)' },
      { key: TEST_ADMIN_SECRET },
    );
    expect(updated.errors).toBeUndefined();
    const after = await api.graphql(MEMBER, { id: WIEN });
    expect(after.errors).toBeUndefined();
    expect(after.extensions!.cost.servedFromCache).toBeUndefined();
    expect(after.data!.member).toMatchObject({ name: 'Wien (cached test)', version: version + 1 });
  });

  it('never stores what must not be kept: the caller, API keys, the logs, and failed answers', async () => {
    for (const query of [
      '{ viewer { role apiKeyId } }',
      '{ apiKeys { id } }',
      '{ auditLog(first: 1) { totalCount } }',
    ]) {
      const first = await api.graphql(query, {}, { key: TEST_ADMIN_SECRET });
      expect(first.errors).toBeUndefined();
      expect(first.headers['cache-control']).toBe('no-store');
      expect(first.headers.etag).toBeUndefined();
      const second = await api.graphql(query, {}, { key: TEST_ADMIN_SECRET });
      expect(second.extensions!.cost.servedFromCache).toBeUndefined();
    }
    const failing = `query F($id: ID!) { member(id: $id) { id } }`;
    const refused = await api.graphql(failing, { id: 'not-a-uuid' });
    expect(refused.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(refused.headers['cache-control']).toBe('no-store');
    const again = await api.graphql(failing, { id: 'not-a-uuid' });
    expect(again.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });

  it('a client asking for a fresh answer (Cache-Control: no-cache) gets one computed anew', async () => {
    await api.graphql(MEMBER, { id: WIEN });
    const fresh = await counted(() => api.graphql(MEMBER, { id: WIEN }, { headers: { 'cache-control': 'no-cache' } }));
    expect(fresh.answer.errors).toBeUndefined();
    expect(fresh.answer.extensions!.cost.servedFromCache).toBeUndefined();
    expect(fresh.statements).toBeGreaterThan(0);
  });
});

describe('what a stored answer still does', () => {
  it('writes the access log of its restricted reads for every caller it is served to', async () => {
    const id = generatedProjectId(2);
    const steward = await api.createKey(Role.INDIGENOUS_STEWARD, { organisationId: ORG.foag });
    const liaison = await api.createKey(Role.COICA_LIAISON);
    const input = {
      stewardOrganisationId: ORG.foag,
      subjectType: 'PROJECT',
      subjectId: id,
      scope: 'LOCATION_DISCLOSURE',
      status: 'GRANTED',
      grantedToRoles: ['COICA_LIAISON'],
      locationPrecision: 'EXACT',
    };
    const granted = await api.graphql(
      `mutation R($input: ConsentInput!) { recordConsent(input: $input) { id } }`,
      { input },
      { key: steward },
    );
    expect(granted.errors).toBeUndefined();
    const query = `query P($id: ID!) { biodiversityProject(id: $id) { id location { precision } } }`;
    const logged = () => api.countRows('access_log', 'subject_id = ?', [id]);
    const before = await logged();
    const computed = await api.graphql(query, { id }, { key: liaison });
    expect(computed.errors).toBeUndefined();
    expect(computed.data!.biodiversityProject.location.precision).toBe('EXACT');
    const perRead = (await logged()) - before;
    expect(perRead).toBeGreaterThan(0);
    const served = await api.graphql(query, { id }, { key: liaison, headers: { 'x-access-purpose': 'REPORTING' } });
    expect(served.extensions!.cost.servedFromCache).toBe(true);
    expect(await logged()).toBe(before + 2 * perRead);
    const purposes = await api.orm.em
      .getConnection()
      .execute(`select purpose from access_log where subject_id = ? order by created_at desc limit 1`, [id]);
    expect(purposes[0].purpose).toBe('REPORTING');
  });

  it('is dropped when a write outside the API (a seed, a figure rebuild) is announced', async () => {
    const id = NAMED_MEMBERS.wien.id;
    await api.graphql(MEMBER, { id });
    expect((await api.graphql(MEMBER, { id })).extensions!.cost.servedFromCache).toBe(true);
    await api.orm.em.getConnection().execute(`update member set name = 'Wien (outside)' where id = ?`, [id]);
    await announceDataChange(api.orm);
    // the announcement arrives on the server's own connection: ask until it has (bounded, not a fixed sleep)
    const deadline = Date.now() + 10_000;
    let answer = await api.graphql(MEMBER, { id });
    while (answer.data!.member.name !== 'Wien (outside)' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      answer = await api.graphql(MEMBER, { id });
    }
    expect(answer.errors).toBeUndefined();
    expect(answer.data!.member.name).toBe('Wien (outside)');
  });
});

describe('HTTP caching', () => {
  it('marks anonymous answers public and keyed ones private, with an ETag and Vary: authorization', async () => {
    const anonymous = await get({ query: MEMBER, variables: { id: WIEN } });
    expect(anonymous.status).toBe(200);
    expect(anonymous.body!.errors).toBeUndefined();
    expect(anonymous.headers['cache-control']).toBe('public, no-cache');
    expect(anonymous.headers.vary).toContain('authorization');
    expect(anonymous.headers.etag).toMatch(/^"[\w-]{27}"$/);
    const keyed = await get({ query: MEMBER, variables: { id: WIEN } }, { authorization: `Bearer ${partnerKey}` });
    expect(keyed.headers['cache-control']).toBe('private, no-cache');
    expect(keyed.headers.etag).toBe(anonymous.headers.etag);
    // reference data is the same for everyone: public even for a keyed caller
    const countries = await get({ query: '{ countries { code name } }' }, { authorization: `Bearer ${partnerKey}` });
    expect(countries.headers['cache-control']).toBe('public, no-cache');
  });

  it('answers a conditional GET with 304 while the data is unchanged, and in full once it changed', async () => {
    const query = `query C($id: ID!) { member(id: $id) { id name population } }`;
    const first = await get({ query, variables: { id: WIEN } });
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    const revalidated = await counted(() => get({ query, variables: { id: WIEN } }, { 'if-none-match': etag }));
    expect(revalidated.answer.status).toBe(304);
    expect(revalidated.answer.body).toBeNull();
    expect(revalidated.statements).toBe(0);
    const { data } = await api.graphql(MEMBER, { id: WIEN });
    const write = await api.graphql(
      UPDATE,
      { id: WIEN, version: data!.member.version, name: 'Wien (etag test)' },
      { key: TEST_ADMIN_SECRET },
    );
    expect(write.errors).toBeUndefined();
    const changed = await get({ query, variables: { id: WIEN } }, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body!.data.member.name).toBe('Wien (etag test)');
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('serves persisted queries (APQ) by GET, from the cache once answered', async () => {
    const query = `query P($id: ID!) { member(id: $id) { name country { code } } }`;
    const hash = createHash('sha256').update(query).digest('hex');
    const unknown = await get({ hash, variables: { id: WIEN } });
    expect(unknown.body!.errors).toMatchObject([{ message: 'PersistedQueryNotFound' }]);
    const registered = await get({ hash, query, variables: { id: WIEN } });
    expect(registered.body!.errors).toBeUndefined();
    const byHash = await counted(() => get({ hash, variables: { id: WIEN } }));
    expect(byHash.answer.body!.errors).toBeUndefined();
    expect(byHash.answer.body!.data).toEqual(registered.body!.data);
    expect(byHash.answer.body!.extensions!.cost!.servedFromCache).toBe(true);
    expect(byHash.statements).toBe(0);
  });

  it('refuses a GET without a CSRF-preventing header, cached or not', async () => {
    await get({ query: MEMBER, variables: { id: WIEN } });
    const search = new URLSearchParams({ query: MEMBER, variables: JSON.stringify({ id: WIEN }) });
    const response = await api.app.inject({ method: 'GET', url: `/graphql?${search}` });
    expect(response.statusCode).toBe(400);
  });
});
