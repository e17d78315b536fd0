import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { GENERATED_PROJECT_COUNT, ORG, PROJECT } from '../../scenarios/indigenous.scenario';
import { allPages } from '../../support/all-pages';
import { startTestApp, type TestApp } from '../../support/test-app';

const ORGANISATIONS_WITH_PROJECTS = `
  query Orgs($first: Int) {
    indigenousOrganisations(first: $first) {
      nodes { acronym projects(first: 2) { totalCount pageInfo { hasNextPage endCursor } nodes { title location { precision } } } }
    }
  }`;

const ORGANISATION_PROJECTS = `
  query Org($id: ID!, $first: Int, $after: String) {
    indigenousOrganisation(id: $id) {
      projects(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id title } }
    }
  }`;

let api: TestApp;
let admin: string;
beforeAll(async () => {
  api = await startTestApp();
  admin = await api.createKey(Role.ADMIN);
});
afterAll(() => api.close());

describe('IndigenousOrganisation.projects', () => {
  it('gives each organisation its first projects the viewer may see, by title', async () => {
    const { data, errors } = await api.graphql(ORGANISATIONS_WITH_PROJECTS, { first: 100 });
    expect(errors).toBeUndefined();
    const byAcronym = new Map(data!.indigenousOrganisations.nodes.map((n: any) => [n.acronym, n.projects]));
    // generated FOAG projects: 1 NETWORK, 2 and 3 PUBLIC, 4 RESTRICTED, ... so anonymous callers see half
    expect(byAcronym.get('FOAG')).toMatchObject({
      totalCount: GENERATED_PROJECT_COUNT / 2,
      pageInfo: { hasNextPage: true },
      nodes: [{ title: 'Generated project 002' }, { title: 'Generated project 003' }],
    });
    expect(byAcronym.get('CART')).toMatchObject({ totalCount: 0, nodes: [] });
    expect(byAcronym.get('FOIRN')).toMatchObject({
      totalCount: 1,
      pageInfo: { hasNextPage: false },
      // its location is withheld from analysts, so from anonymous callers too
      nodes: [{ title: 'Open forest monitoring', location: null }],
    });
  });

  it('costs the same SQL statements for 5 and all organisations with their projects', async () => {
    api.resetStatementCount();
    const five = await api.graphql(ORGANISATIONS_WITH_PROJECTS, { first: 5 }, { key: admin });
    const few = api.statementCount();
    api.resetStatementCount();
    const all = await api.graphql(ORGANISATIONS_WITH_PROJECTS, { first: 100 }, { key: admin });
    expect(five.errors).toBeUndefined();
    expect(all.errors).toBeUndefined();
    expect(api.statementCount()).toBe(few);
  });

  it('pages through one organisation’s projects with cursors', async () => {
    const projects = await allPages<{ title: string }>(
      api,
      ORGANISATION_PROJECTS,
      (data) => data.indigenousOrganisation.projects,
      { id: ORG.foag },
      { first: 30, key: admin },
    );
    const seen = projects.map((project) => project.title);
    expect(seen).toHaveLength(GENERATED_PROJECT_COUNT);
    expect(seen).toEqual([...seen].sort());
  });

  it('shows the steward’s own restricted projects to the secretariat', async () => {
    const { data } = await api.graphql(ORGANISATION_PROJECTS, { id: ORG.cart, first: 10 }, { key: admin });
    expect(data!.indigenousOrganisation.projects.nodes.map((n: { id: string }) => n.id)).toEqual([
      PROJECT.networkSite.id,
      PROJECT.restrictedSite.id,
    ]);
  });
});
