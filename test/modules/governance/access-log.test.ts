import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG, PROJECT } from '../../scenarios/indigenous.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys } from '../../scenarios/indigenous-keys';

const PROJECT_QUERY = `query Project($id: ID!) { biodiversityProject(id: $id) { id title } }`;
const ACCESS_LOG = `
  query Log($filter: AccessLogFilter) {
    accessLog(first: 100, filter: $filter) {
      totalCount
      nodes { role apiKeyName subjectType subjectId stewardOrganisationId locationAccess createdAt }
    }
  }`;

let api: TestApp;
let keys: IndigenousKeys;
let accessLogInserts = 0;
beforeAll(async () => {
  api = await startTestApp();
  keys = await indigenousKeys(api);
  api.orm.em.getKnex().on('query', (query: { sql: string }) => {
    if (/^insert into "access_log"/i.test(query.sql)) accessLogInserts++;
  });
});
afterAll(() => api.close());

const logRows = () => api.countRows('access_log');

describe('access log', () => {
  it('logs a read of a restricted project: who, role, subject, precision served, when', async () => {
    const started = new Date();
    const read = await api.graphql(PROJECT_QUERY, { id: PROJECT.restrictedSite.id }, { key: keys.liaison });
    expect(read.data!.biodiversityProject.id).toBe(PROJECT.restrictedSite.id);
    const log = await api.graphql(
      ACCESS_LOG,
      { filter: { subjectId: PROJECT.restrictedSite.id } },
      { key: keys.stewardCart },
    );
    expect(log.errors).toBeUndefined();
    expect(log.data!.accessLog.nodes).toHaveLength(1);
    const [entry] = log.data!.accessLog.nodes;
    expect(entry).toMatchObject({
      role: 'COICA_LIAISON',
      apiKeyName: 'test COICA_LIAISON',
      subjectType: 'PROJECT',
      subjectId: PROJECT.restrictedSite.id,
      stewardOrganisationId: ORG.cart,
      locationAccess: 'COUNTRY',
    });
    expect(new Date(entry.createdAt).getTime()).toBeGreaterThanOrEqual(started.getTime() - 1000);
  });

  it('does not log reads of public data at public precision', async () => {
    const before = await logRows();
    const read = await api.graphql(PROJECT_QUERY, { id: PROJECT.publicOpen.id });
    expect(read.data!.biodiversityProject.id).toBe(PROJECT.publicOpen.id);
    expect(await logRows()).toBe(before);
  });

  it('logs anything touching peoples in voluntary isolation, for anonymous readers too', async () => {
    const before = await logRows();
    await api.graphql(PROJECT_QUERY, { id: PROJECT.isolatedPublic.id });
    expect(await logRows()).toBe(before + 1);
    const log = await api.graphql(
      ACCESS_LOG,
      { filter: { subjectId: PROJECT.isolatedPublic.id } },
      { key: keys.stewardFenamad },
    );
    expect(log.data!.accessLog.nodes[0]).toMatchObject({ role: 'ANONYMOUS', locationAccess: 'COUNTRY' });
  });

  it('writes a whole list of restricted reads in one multi-row insert', async () => {
    const before = await logRows();
    accessLogInserts = 0;
    const list = await api.graphql(
      `{ biodiversityProjects(first: 100) { nodes { id location { precision } } } }`,
      {},
      { key: keys.admin },
    );
    // the secretariat gets every site it may see exactly, or at country level: each read is a restricted one
    expect(list.data!.biodiversityProjects.nodes).toHaveLength(100);
    expect(accessLogInserts).toBe(1);
    expect(await logRows()).toBe(before + 100);
  });

  it('logs reads through _entities as well', async () => {
    const before = await logRows();
    const response = await api.graphql(
      `query E($r: [_Any!]!) { _entities(representations: $r) { ... on BiodiversityProject { id } } }`,
      { r: [{ __typename: 'BiodiversityProject', id: PROJECT.restrictedSite.id }] },
      { key: keys.editorMuenchen },
    );
    expect(response.data!._entities[0].id).toBe(PROJECT.restrictedSite.id);
    expect(await logRows()).toBe(before + 1);
    const [row] = await api.orm.em
      .getConnection()
      .execute('select role, location_access from access_log order by created_at desc limit 1');
    expect(row).toEqual({ role: 'MEMBER_EDITOR', location_access: 'EXACT' });
  });

  it('shows each steward the reads of its own data only; the secretariat all; nobody else', async () => {
    const foirn = await api.graphql(ACCESS_LOG, {}, { key: keys.stewardFoirn });
    const foirnCount = await api.countRows('access_log', 'steward_organisation_id = ?', [ORG.foirn]);
    expect(foirn.data!.accessLog.totalCount).toBe(foirnCount);
    expect(foirn.data!.accessLog.nodes.every((n: any) => n.stewardOrganisationId === ORG.foirn)).toBe(true);
    const admin = await api.graphql(ACCESS_LOG, { filter: { stewardOrganisationId: ORG.cart } }, { key: keys.admin });
    expect(admin.data!.accessLog.nodes.every((n: any) => n.stewardOrganisationId === ORG.cart)).toBe(true);
    for (const key of [keys.partner, keys.liaison, keys.analyst]) {
      expect((await api.graphql(ACCESS_LOG, {}, { key })).errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect((await api.graphql(ACCESS_LOG, {})).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
  });

  it('pages the log newest first', async () => {
    const first = await api.graphql(
      `{ accessLog(first: 30) { pageInfo { hasNextPage endCursor } nodes { createdAt } } }`,
      {},
      { key: keys.admin },
    );
    const second = await api.graphql(
      `query P($after: String) { accessLog(first: 100, after: $after) { nodes { createdAt } } }`,
      { after: first.data!.accessLog.pageInfo.endCursor },
      { key: keys.admin },
    );
    const times = [...first.data!.accessLog.nodes, ...second.data!.accessLog.nodes].map((n: any) => n.createdAt);
    expect(times).toHaveLength(await logRows());
    expect(times).toEqual([...times].sort().reverse());
  });
});
