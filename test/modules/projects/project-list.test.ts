import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { GENERATED_PROJECT_COUNT, generatedVisibility, ORG, PROJECT } from '../../scenarios/indigenous.scenario';
import { generatedMemberId, NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { allPages } from '../../support/all-pages';
import { startTestApp, type TestApp } from '../../support/test-app';

const PROJECTS = `
  query Projects($first: Int, $after: String, $filter: BiodiversityProjectFilter, $orderBy: BiodiversityProjectOrder) {
    biodiversityProjects(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id title status themes hectaresProtected budgetEur startDate
        implementingOrganisation { acronym }
        supportingMembers { id name }
        location { latitude longitude precision }
      }
    }
  }`;

type ProjectNode = {
  id: string;
  title: string;
  hectaresProtected: number | null;
  budgetEur: number | null;
  startDate: string | null;
};

let api: TestApp;
let admin: string;
beforeAll(async () => {
  api = await startTestApp();
  admin = await api.createKey(Role.ADMIN);
});
afterAll(() => api.close());

const allProjects = (variables: Record<string, unknown>, key?: string, pageSize = 40) =>
  allPages<ProjectNode>(api, PROJECTS, (data) => data.biodiversityProjects, variables, { first: pageSize, key });

describe('biodiversityProjects', () => {
  it('pages anonymous callers through the public projects only, each once', async () => {
    const expected = await api.countRows('biodiversity_project', `visibility = 'PUBLIC'`);
    const all = await allProjects({});
    expect(all).toHaveLength(expected);
    expect(new Set(all.map((p) => p.id)).size).toBe(expected);
    const first = await api.graphql(PROJECTS, {});
    expect(first.data!.biodiversityProjects.totalCount).toBe(expected);
    expect(first.data!.biodiversityProjects.nodes).toHaveLength(20);
  });

  it('pages the secretariat through every project', async () => {
    const expected = await api.countRows('biodiversity_project');
    expect(await allProjects({}, admin, 100)).toHaveLength(expected);
  });

  it('filters by organisation, and sees RESTRICTED ones only with a key that may', async () => {
    const restricted = Array.from({ length: GENERATED_PROJECT_COUNT }, (_, i) => generatedVisibility(i + 1)).filter(
      (visibility) => visibility === 'RESTRICTED',
    ).length;
    const forAdmin = await allProjects({ filter: { organisationIds: [ORG.foag] } }, admin, 100);
    const forAnonymous = await allProjects({ filter: { organisationIds: [ORG.foag] } });
    expect(forAdmin).toHaveLength(GENERATED_PROJECT_COUNT);
    expect(forAnonymous).toHaveLength(GENERATED_PROJECT_COUNT / 2);
    expect(forAdmin.length - restricted).toBe(GENERATED_PROJECT_COUNT * 0.75);
  });

  it.each([
    [{ countryCodes: ['br'] }, ['Open forest monitoring']],
    [
      { statuses: ['ACTIVE'], countryCodes: ['PE'] },
      ['Isolation buffer patrols', 'Network reserve guards', 'Reserve boundary survey', 'Restricted sacred site'],
    ],
    [{ themes: ['RESTORATION'], countryCodes: ['PE', 'BR'] }, ['Network reserve guards']],
    [{ memberIds: [NAMED_MEMBERS.muenchen.id] }, ['Open forest monitoring']],
    [{ concernsIsolatedPeoples: true }, ['Isolation buffer patrols', 'Reserve boundary survey']],
    [
      { organisationIds: [ORG.cart, ORG.ois] },
      ['Network reserve guards', 'Restricted sacred site', 'Suriname project 1', 'Suriname project 2'],
    ],
  ])('filters by %j', async (filter, titles) => {
    const nodes = await allProjects({ filter }, admin, 100);
    expect(nodes.map((node) => node.title)).toEqual(titles);
  });

  it('finds the generated projects a member supports', async () => {
    // generated project i (0-based) is supported by members (i % 60) + 1 and (i % 60) + 61
    const nodes = await allProjects({ filter: { memberIds: [generatedMemberId(5)] } }, admin);
    expect(nodes.map((node) => node.title)).toEqual([
      'Generated project 005',
      'Generated project 065',
      'Generated project 125',
      'Generated project 185',
    ]);
  });

  it('orders by hectares protected, descending, with missing figures last', async () => {
    const nodes = await allProjects({ orderBy: { field: 'HECTARES_PROTECTED', direction: 'DESC' } }, admin, 30);
    const figures = nodes.map((node) => node.hectaresProtected);
    const known = figures.filter((value): value is number => value !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(figures.indexOf(null)).toBe(known.length);
    expect(figures[0]).toBe(3000);
  });

  it('orders by budget ascending and by start date, continuing across pages', async () => {
    const byBudget = await allProjects({ orderBy: { field: 'BUDGET_EUR', direction: 'ASC' } }, admin, 25);
    const budgets = byBudget.map((node) => node.budgetEur).filter((value): value is number => value !== null);
    expect(budgets).toEqual([...budgets].sort((a, b) => a - b));
    expect(byBudget.at(-1)!.budgetEur).toBeNull();
    const byStart = await allProjects({ orderBy: { field: 'START_DATE', direction: 'DESC' } }, admin, 25);
    const dates = byStart.map((node) => node.startDate).filter(Boolean) as string[];
    expect(dates).toEqual([...dates].sort().reverse());
    expect(byStart[0].startDate).toBe('2015-01-01');
  });

  it('costs the same SQL statements for 10 and 100 projects with organisation, supporters and location', async () => {
    for (const key of [undefined, admin]) {
      api.resetStatementCount();
      const ten = await api.graphql(PROJECTS, { first: 10 }, { key });
      const tenStatements = api.statementCount();
      api.resetStatementCount();
      const hundred = await api.graphql(PROJECTS, { first: 100 }, { key });
      expect(ten.errors).toBeUndefined();
      expect(hundred.errors).toBeUndefined();
      expect(ten.data!.biodiversityProjects.nodes).toHaveLength(10);
      expect(hundred.data!.biodiversityProjects.nodes).toHaveLength(100);
      expect(api.statementCount()).toBe(tenStatements);
      expect(tenStatements).toBeLessThanOrEqual(7);
    }
  });

  it('shows supporters and the implementing organisation', async () => {
    const nodes = await allProjects({ filter: { countryCodes: ['BR'] } }, admin);
    expect(nodes[0]).toMatchObject({
      id: PROJECT.publicOpen.id,
      implementingOrganisation: { acronym: 'FOIRN' },
      supportingMembers: [{ name: 'München' }, { name: 'Wien' }],
      hectaresProtected: 1000,
      budgetEur: 50000,
    });
  });
});

describe('biodiversityProjects: bad input', () => {
  it.each([
    [{ first: 0 }, 'first'],
    [{ first: 101 }, 'first'],
    [{ after: 'nope' }, 'after'],
    [{ filter: { countryCodes: ['XX'] } }, 'filter.countryCodes[0]'],
    [{ filter: { organisationIds: ['not-a-uuid'] } }, 'filter.organisationIds[0]'],
    [{ filter: { memberIds: Array.from({ length: 101 }, () => NAMED_MEMBERS.wien.id) } }, 'filter.memberIds'],
  ])('rejects %j naming the field', async (variables, field) => {
    const response = await api.graphql(PROJECTS, variables);
    expect(response.data).toBeNull();
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});
