import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { ORG } from '../../scenarios/indigenous.scenario';
import { type GraphqlResponse, startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys, type KeyName } from '../../scenarios/indigenous-keys';

interface Listed {
  id: string;
  country: { code: string };
  status: string;
  themes: string[];
  implementingOrganisation: { id: string };
  supportingMembers: { id: string }[];
  concernsIsolatedPeoples: boolean;
  hectaresProtected: number | null;
  budgetEur: number | null;
}
type Filter = Record<string, unknown>;
type Sums = { projectCount: number; hectaresProtected: number; budgetEur: number };

const LIST = `
  query List($after: String, $filter: BiodiversityProjectFilter) {
    biodiversityProjects(first: 100, after: $after, filter: $filter) {
      nodes { id country { code } status themes implementingOrganisation { id } supportingMembers { id }
              concernsIsolatedPeoples hectaresProtected budgetEur }
      pageInfo { hasNextPage endCursor }
    }
  }`;
const TOTAL = `query Total($filter: BiodiversityProjectFilter) {
  biodiversityTotals(groupBy: [], filter: $filter) { projectCount hectaresProtected budgetEur } }`;

/** One condition per value worth trying of every filter the schema offers. */
const CONDITIONS: Filter[] = [
  ...['PE', 'GY', 'SR', 'VE', 'BR', 'GF'].map((code) => ({ countryCodes: [code] })),
  ...['ACTIVE', 'PLANNED', 'COMPLETED'].map((status) => ({ statuses: [status] })),
  ...['FOREST_PROTECTION', 'RESTORATION'].map((theme) => ({ themes: [theme] })),
  ...[ORG.fenamad, ORG.cart, ORG.ois].map((id) => ({ organisationIds: [id] })),
  { memberIds: [NAMED_MEMBERS.muenchen.id] },
  { concernsIsolatedPeoples: true },
  { concernsIsolatedPeoples: false },
];
/** No filter, each condition, and each pair of conditions on different fields. */
const FILTERS: Filter[] = [
  {},
  ...CONDITIONS,
  ...CONDITIONS.flatMap((a, i) =>
    CONDITIONS.slice(i + 1)
      .filter((b) => Object.keys(a)[0] !== Object.keys(b)[0])
      .map((b) => ({ ...a, ...b })),
  ),
];
const VIEWERS: KeyName[] = ['anonymous', 'partner', 'analyst', 'editorMuenchen', 'liaison', 'stewardFenamad', 'admin'];

let api: TestApp;
let keys: IndigenousKeys;
beforeAll(async () => {
  api = await startTestApp();
  keys = await indigenousKeys(api);
});
afterAll(() => api.close());

/** Every project the viewer may list, through the API. */
async function listAll(keyName: KeyName): Promise<Listed[]> {
  const all: Listed[] = [];
  let after: string | null = null;
  do {
    const { data, errors }: GraphqlResponse = await api.graphql(LIST, { after }, { key: keys[keyName] });
    expect(errors).toBeUndefined();
    all.push(...data!.biodiversityProjects.nodes);
    after = data!.biodiversityProjects.pageInfo.hasNextPage ? data!.biodiversityProjects.pageInfo.endCursor : null;
  } while (after);
  return all;
}

/** The filter's meaning, applied by the test to what the viewer may list. */
function matches(project: Listed, filter: Filter): boolean {
  const any = (values: unknown, has: (value: string) => boolean) =>
    values === undefined || (values as string[]).some(has);
  return (
    any(filter.countryCodes, (code) => project.country.code === code) &&
    any(filter.statuses, (status) => project.status === status) &&
    any(filter.themes, (theme) => project.themes.includes(theme)) &&
    any(filter.organisationIds, (id) => project.implementingOrganisation.id === id) &&
    any(filter.memberIds, (id) => project.supportingMembers.some((member) => member.id === id)) &&
    (filter.concernsIsolatedPeoples === undefined || project.concernsIsolatedPeoples === filter.concernsIsolatedPeoples)
  );
}

/** Whether `condition` is the pair's condition on the same field. */
const matchesKey = (condition: Filter, pair: Filter) =>
  Object.entries(condition).every(([key, value]) => JSON.stringify(pair[key]) === JSON.stringify(value));

function sums(projects: Listed[]): Sums {
  return {
    projectCount: projects.length,
    hectaresProtected: projects.reduce((sum, p) => sum + (p.hectaresProtected ?? 0), 0),
    budgetEur: projects.reduce((sum, p) => sum + (p.budgetEur ?? 0), 0),
  };
}

describe('biodiversityTotals cannot be differenced', () => {
  it.each(VIEWERS)('for %s, every filter and pair of filters sums only the projects it may list', async (keyName) => {
    const listed = await listAll(keyName);
    expect(listed.length).toBeGreaterThan(0);
    const totals = new Map<Filter, Sums>();
    for (const filter of FILTERS) {
      const { data, errors } = await api.graphql(TOTAL, { filter }, { key: keys[keyName] });
      expect(errors).toBeUndefined();
      const [total] = data!.biodiversityTotals;
      totals.set(filter, total);
      const expected = sums(listed.filter((project) => matches(project, filter)));
      expect({ filter, ...total }).toEqual({ filter, ...expected });
    }
    // hence the difference between a condition and the pair it starts is the part of a list the viewer may read
    for (const pair of FILTERS.filter((f) => Object.keys(f).length === 2)) {
      const single = CONDITIONS.find((c) => Object.keys(c)[0] === Object.keys(pair)[0] && matchesKey(c, pair))!;
      const rest = listed.filter((p) => matches(p, single) && !matches(p, pair));
      expect(totals.get(single)!.projectCount - totals.get(pair)!.projectCount).toBe(rest.length);
      expect(totals.get(single)!.hectaresProtected - totals.get(pair)!.hectaresProtected).toBeCloseTo(
        sums(rest).hectaresProtected,
        6,
      );
    }
  });

  it('leaves out what anonymous callers cannot list: the restricted projects of Guyana count nowhere', async () => {
    const { data } = await api.graphql(
      `{ biodiversityTotals(groupBy: [COUNTRY], filter: { countryCodes: ["GY", "VE"] }) { countryCode projectCount hectaresProtected } }`,
    );
    // Guyana: three RESTRICTED projects; Venezuela: two public projects of 10 and 20 ha
    expect(data!.biodiversityTotals).toEqual([{ countryCode: 'VE', projectCount: 2, hectaresProtected: 30 }]);
    const admin = await api.graphql(
      `{ biodiversityTotals(groupBy: [COUNTRY], filter: { countryCodes: ["GY"] }) { projectCount hectaresProtected } }`,
      {},
      { key: keys.admin },
    );
    expect(admin.data!.biodiversityTotals).toEqual([{ projectCount: 3, hectaresProtected: 6000 }]);
  });

  it.each(VIEWERS)('for %s, groups by country, status and theme sum only listed projects', async (keyName) => {
    const listed = await listAll(keyName);
    const { data, errors } = await api.graphql(
      `{ biodiversityTotals(groupBy: [COUNTRY, STATUS, THEME]) { countryCode status theme projectCount hectaresProtected budgetEur } }`,
      {},
      { key: keys[keyName] },
    );
    expect(errors).toBeUndefined();
    expect(data!.biodiversityTotals.length).toBeGreaterThan(0);
    for (const { countryCode, status, theme, ...total } of data!.biodiversityTotals) {
      const group = listed.filter(
        (p) => p.country.code === countryCode && p.status === status && p.themes.includes(theme),
      );
      expect({ countryCode, status, theme, ...total }).toEqual({ countryCode, status, theme, ...sums(group) });
    }
  });

  it('rejects a bad filter naming the field', async () => {
    const { errors } = await api.graphql(
      `{ biodiversityTotals(groupBy: [COUNTRY], filter: { countryCodes: ["XX"] }) { projectCount } }`,
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.countryCodes[0]' });
  });
});
