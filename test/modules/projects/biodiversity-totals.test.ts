import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys, type KeyName } from '../consent/indigenous-keys';

const BY_COUNTRY = `{ biodiversityTotals(groupBy: [COUNTRY]) { countryCode projectCount hectaresProtected budgetEur } }`;

type Total = { countryCode: string; projectCount: number; hectaresProtected: number; budgetEur: number };

let api: TestApp;
let keys: IndigenousKeys;
beforeAll(async () => {
  api = await startTestApp();
  keys = await indigenousKeys(api);
});
afterAll(() => api.close());

async function byCountry(keyName: KeyName): Promise<Map<string, Total>> {
  const { data, errors } = await api.graphql(BY_COUNTRY, {}, { key: keys[keyName] });
  expect(errors).toBeUndefined();
  return new Map(data!.biodiversityTotals.map((total: Total) => [total.countryCode, total]));
}

describe('biodiversityTotals', () => {
  it('sums hectares per country over projects the viewer cannot see one by one', async () => {
    const totals = await byCountry('anonymous');
    // Guyana: three RESTRICTED projects of 1,000, 2,000 and 3,000 ha
    expect(totals.get('GY')).toMatchObject({ projectCount: 3, hectaresProtected: 6000 });
    // Venezuela: two public projects of 10 and 20 ha, which anyone sees
    expect(totals.get('VE')).toMatchObject({ projectCount: 2, hectaresProtected: 30 });
    const [gf] = await api.orm.em.getConnection().execute(
      `select count(*)::int as count, sum(hectares_protected)::float8 as ha, coalesce(sum(budget_eur), 0)::float8 as eur
         from biodiversity_project where country_code = 'GF'`,
    );
    expect(totals.get('GF')).toEqual({
      countryCode: 'GF',
      projectCount: gf.count,
      hectaresProtected: gf.ha,
      budgetEur: gf.eur,
    });
  });

  it.each<[KeyName, boolean]>([
    ['anonymous', false],
    ['partner', false],
    ['analyst', false],
    ['liaison', false],
    ['stewardFoirn', false],
    ['stewardOis', true],
    ['admin', true],
  ])('shows the two-project group of Suriname (one restricted) to %s: %s', async (keyName, shown) => {
    const totals = await byCountry(keyName);
    if (shown) expect(totals.get('SR')).toMatchObject({ projectCount: 2, hectaresProtected: 300 });
    else expect(totals.has('SR')).toBe(false);
  });

  it('groups by theme and status with a project counted under each of its themes', async () => {
    const { data } = await api.graphql(
      `{ biodiversityTotals(groupBy: [THEME, STATUS], filter: { countryCodes: ["GF"] }) { theme status projectCount hectaresProtected } }`,
      {},
      { key: keys.admin },
    );
    const expected = await api.orm.em.getConnection().execute(
      `select theme::text as theme, status::text as status, count(*)::int as "projectCount",
              sum(hectares_protected)::float8 as "hectaresProtected"
       from biodiversity_project, unnest(themes) as theme where country_code = 'GF'
       group by theme, status having count(*) >= 3 order by theme, status`,
    );
    expect(data!.biodiversityTotals.filter((t: any) => t.projectCount >= 3)).toEqual(expected);
  });

  it('gives one overall total without dimensions', async () => {
    const { data } = await api.graphql(`{ biodiversityTotals(groupBy: []) { projectCount } }`);
    expect(data!.biodiversityTotals).toEqual([{ projectCount: await api.countRows('biodiversity_project') }]);
  });

  it('rejects a bad filter naming the field', async () => {
    const { errors } = await api.graphql(
      `{ biodiversityTotals(groupBy: [COUNTRY], filter: { countryCodes: ["XX"] }) { projectCount } }`,
    );
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.countryCodes[0]' });
  });
});
