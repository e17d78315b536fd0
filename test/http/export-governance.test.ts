import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../src/auth/roles';
import { PROJECT } from '../scenarios/indigenous.scenario';
import { allPages } from '../support/all-pages';
import { startTestApp, TEST_ADMIN_SECRET, type TestApp } from '../support/test-app';
import { arrowRows, getExport } from './export-readers';

const PROJECTS = `
  query Projects($first: Int, $after: String) {
    biodiversityProjects(first: $first, after: $after) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id title status visibility hectaresProtected budgetEur startDate concernsIsolatedPeoples
        country { code } location { latitude longitude precision }
      }
    }
  }`;

let api: TestApp;
let keys: Record<string, string>;
beforeAll(async () => {
  api = await startTestApp();
  keys = { analyst: await api.createKey(Role.ANALYST), admin: TEST_ADMIN_SECRET };
});
afterAll(() => api.close());

const servedByApi = (node: Record<string, any>) => ({
  project_id: node.id,
  title: node.title,
  status: node.status,
  visibility: node.visibility,
  hectares_protected: node.hectaresProtected,
  budget_eur: node.budgetEur,
  start_date: node.startDate,
  country_code: node.country.code,
  concerns_isolated_peoples: node.concernsIsolatedPeoples,
  latitude: node.location?.latitude ?? null,
  longitude: node.location?.longitude ?? null,
  location_precision: node.location?.precision ?? null,
});

const exported = (row: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(servedByApi({ country: {} })).map((name) => [name, row[name]]));

const byId = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.project_id).localeCompare(String(b.project_id));

describe('the biodiversity projects export is governed as the API is', () => {
  it.each(['analyst', 'admin'])(
    'gives the %s the rows and site precision biodiversityProjects gives it',
    async (who) => {
      const nodes = await allPages<Record<string, any>>(
        api,
        PROJECTS,
        (data) => data.biodiversityProjects,
        {},
        {
          first: 100,
          key: keys[who],
        },
      );
      const response = await getExport(api, '/export/biodiversity-projects.arrow', keys[who]);
      expect(response.statusCode).toBe(200);
      const { rows } = arrowRows(response.rawPayload);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.map(exported).sort(byId)).toEqual(nodes.map(servedByApi).sort(byId));
    },
  );

  it('serves the stored site only at the precision decided for the viewer', async () => {
    const rowsFor = async (key: string) =>
      new Map(
        arrowRows((await getExport(api, '/export/biodiversity-projects.arrow', key)).rawPayload).rows.map((row) => [
          row.project_id,
          row,
        ]),
      );
    const [analyst, admin] = [await rowsFor(keys.analyst), await rowsFor(keys.admin)];
    // withheld from analysts by its steward: the project is listed, its site is not
    expect(analyst.get(PROJECT.publicOpen.id)).toMatchObject({ latitude: null, location_precision: null });
    expect(admin.get(PROJECT.publicOpen.id)).toMatchObject({ location_precision: 'EXACT' });
    expect(analyst.has(PROJECT.restrictedSite.id)).toBe(false);
    expect(admin.has(PROJECT.restrictedSite.id)).toBe(true);
  });

  it('writes the same access log entries as the GraphQL listing, with the declared purpose', async () => {
    const listed = await api.countRows('access_log');
    await allPages(api, PROJECTS, (data) => data.biodiversityProjects, {}, { first: 100, key: keys.admin });
    const byListing = (await api.countRows('access_log')) - listed;
    expect(byListing).toBeGreaterThan(0);
    const logged = () => api.countRows('access_log', "purpose = 'RESEARCH'");
    const beforeExport = await logged();
    const response = await getExport(api, '/export/biodiversity-projects.csv', keys.admin, {
      'x-access-purpose': 'research',
    });
    expect(response.statusCode).toBe(200);
    expect((await logged()) - beforeExport).toBe(byListing);
  });
});
