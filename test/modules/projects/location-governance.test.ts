import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG, PROJECT } from '../../scenarios/indigenous.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys, type KeyName } from '../../scenarios/indigenous-keys';

const PROJECT_LOCATION = `
  query Project($id: ID!) {
    biodiversityProject(id: $id) { id title location { latitude longitude precision countryCode } }
  }`;

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on BiodiversityProject { id title location { latitude longitude precision } }
    }
  }`;

// worked by hand: 0.1234 → cell 1 → 0.135; -67.0987 → cell -746 → -67.095 (0.09° cells)
const OPEN_GRID = { latitude: 0.135, longitude: -67.095, precision: 'GRID_10KM' };
const OPEN_EXACT = { latitude: 0.1234, longitude: -67.0987, precision: 'EXACT' };
const PERU = { latitude: -9.19, longitude: -75.02, precision: 'COUNTRY' };
const networkExact = {
  latitude: PROJECT.networkSite.latitude,
  longitude: PROJECT.networkSite.longitude,
  precision: 'EXACT',
};
const restrictedExact = {
  latitude: PROJECT.restrictedSite.latitude,
  longitude: PROJECT.restrictedSite.longitude,
  precision: 'EXACT',
};

/** What each key gets for a project: `undefined` = the project itself is not served, `null` = served, location hidden. */
type Expected = Record<KeyName, Record<string, unknown> | null | undefined>;

const CASES: [string, string, Expected][] = [
  [
    'a public project (location withheld from analysts, hence from anonymous callers, who see less)',
    PROJECT.publicOpen.id,
    {
      anonymous: null,
      partner: OPEN_GRID,
      analyst: null,
      editorWien: OPEN_GRID,
      editorMuenchen: OPEN_GRID,
      liaison: OPEN_GRID,
      admin: OPEN_EXACT,
      stewardFoirn: OPEN_EXACT,
      stewardCart: OPEN_GRID,
      stewardFenamad: OPEN_GRID,
      stewardOis: OPEN_GRID,
    },
  ],
  [
    'a network project (exact location granted to the liaison)',
    PROJECT.networkSite.id,
    {
      anonymous: undefined,
      partner: PERU,
      analyst: PERU,
      editorWien: PERU,
      editorMuenchen: PERU,
      liaison: networkExact,
      admin: networkExact,
      stewardFoirn: PERU,
      stewardCart: networkExact,
      stewardFenamad: PERU,
      stewardOis: PERU,
    },
  ],
  [
    'a restricted project (published to the liaison and München, exact location to München)',
    PROJECT.restrictedSite.id,
    {
      anonymous: undefined,
      partner: undefined,
      analyst: undefined,
      editorWien: undefined,
      editorMuenchen: restrictedExact,
      liaison: PERU,
      admin: PERU,
      stewardFoirn: undefined,
      stewardCart: restrictedExact,
      stewardFenamad: undefined,
      stewardOis: undefined,
    },
  ],
  [
    'a public project concerning peoples in voluntary isolation (exact location "granted" to liaison and admin)',
    PROJECT.isolatedPublic.id,
    {
      anonymous: PERU,
      partner: PERU,
      analyst: PERU,
      editorWien: PERU,
      editorMuenchen: PERU,
      liaison: PERU,
      admin: PERU,
      stewardFoirn: PERU,
      stewardCart: PERU,
      stewardFenamad: PERU,
      stewardOis: PERU,
    },
  ],
  [
    'a restricted project in a territory of peoples in voluntary isolation',
    PROJECT.isolatedViaTerritory.id,
    {
      anonymous: undefined,
      partner: undefined,
      analyst: undefined,
      editorWien: undefined,
      editorMuenchen: undefined,
      liaison: undefined,
      admin: PERU,
      stewardFoirn: undefined,
      stewardCart: undefined,
      stewardFenamad: PERU,
      stewardOis: undefined,
    },
  ],
];

let api: TestApp;
let keys: IndigenousKeys;
beforeAll(async () => {
  api = await startTestApp();
  keys = await indigenousKeys(api);
});
afterAll(() => api.close());

describe.each(CASES)('%s', (_name, projectId, expected) => {
  it.each(Object.keys(expected) as KeyName[])('is served to %s at the expected precision', async (keyName) => {
    const key = keys[keyName];
    const response = await api.graphql(PROJECT_LOCATION, { id: projectId }, { key });
    expect(response.errors).toBeUndefined();
    const project = response.data!.biodiversityProject;
    const want = expected[keyName];
    if (want === undefined) return expect(project).toBeNull();
    expect(project.id).toBe(projectId);
    if (want === null) return expect(project.location).toBeNull();
    expect(project.location).toMatchObject(want);
  });

  it.each(Object.keys(expected) as KeyName[])('is served the same through _entities to %s', async (keyName) => {
    const response = await api.graphql(
      ENTITIES,
      { representations: [{ __typename: 'BiodiversityProject', id: projectId }] },
      { key: keys[keyName] },
    );
    expect(response.errors).toBeUndefined();
    const [entity] = response.data!._entities;
    const want = expected[keyName];
    if (want === undefined) return expect(entity).toBeNull();
    expect(entity.id).toBe(projectId);
    if (want === null) expect(entity.location).toBeNull();
    else expect(entity.location).toMatchObject(want);
  });
});

describe('territories', () => {
  const TERRITORIES = `
    query Org($id: ID!) {
      indigenousOrganisation(id: $id) { territories { name containsIsolatedPeoples location { latitude longitude precision } } }
    }`;

  it('serves a public territory on the 10 km grid to anonymous callers and exactly to its steward', async () => {
    const anonymous = await api.graphql(TERRITORIES, { id: ORG.foirn });
    // 0.5 → cell 5 → 0.495; -67.5 → cell -750 → -67.455
    expect(anonymous.data!.indigenousOrganisation.territories).toEqual([
      {
        name: 'Test territory Rio Negro',
        containsIsolatedPeoples: false,
        location: { latitude: 0.495, longitude: -67.455, precision: 'GRID_10KM' },
      },
    ]);
    const steward = await api.graphql(TERRITORIES, { id: ORG.foirn }, { key: keys.stewardFoirn });
    expect(steward.data!.indigenousOrganisation.territories[0].location).toEqual({
      latitude: 0.5,
      longitude: -67.5,
      precision: 'EXACT',
    });
  });

  it('hides a restricted territory of isolated peoples from others and shows it to its steward at country level only', async () => {
    const partner = await api.graphql(TERRITORIES, { id: ORG.fenamad }, { key: keys.partner });
    expect(partner.data!.indigenousOrganisation.territories).toEqual([]);
    const steward = await api.graphql(TERRITORIES, { id: ORG.fenamad }, { key: keys.stewardFenamad });
    expect(steward.data!.indigenousOrganisation.territories).toEqual([
      { name: 'Test reserve Madre de Dios', containsIsolatedPeoples: true, location: PERU },
    ]);
  });
});

describe('concerns isolated peoples: one answer for the field, the filter and the totals', () => {
  const LIST = `query L($filter: BiodiversityProjectFilter) {
    biodiversityProjects(first: 100, filter: $filter) { nodes { id concernsIsolatedPeoples location { precision } } } }`;

  it('answers true for a project whose territory holds peoples in voluntary isolation, directly and via _entities', async () => {
    const id = PROJECT.isolatedViaTerritory.id;
    const direct = await api.graphql(
      `query P($id: ID!) { biodiversityProject(id: $id) { concernsIsolatedPeoples } }`,
      { id },
      { key: keys.admin },
    );
    expect(direct.data!.biodiversityProject).toEqual({ concernsIsolatedPeoples: true });
    const entities = await api.graphql(
      `query E($r: [_Any!]!) { _entities(representations: $r) { ... on BiodiversityProject { concernsIsolatedPeoples } } }`,
      { r: [{ __typename: 'BiodiversityProject', id }] },
      { key: keys.stewardFenamad },
    );
    expect(entities.data!._entities).toEqual([{ concernsIsolatedPeoples: true }]);
  });

  it('gives the field the filter agrees with, and caps every such location at country level', async () => {
    const listed = async (filter: Record<string, unknown>) => {
      const { data, errors } = await api.graphql(LIST, { filter }, { key: keys.admin });
      expect(errors).toBeUndefined();
      return data!.biodiversityProjects.nodes as { id: string; concernsIsolatedPeoples: boolean; location: any }[];
    };
    const concerned = await listed({ concernsIsolatedPeoples: true, countryCodes: ['PE'] });
    const others = await listed({ concernsIsolatedPeoples: false, countryCodes: ['PE'] });
    expect(concerned.map((p) => p.id)).toContain(PROJECT.isolatedViaTerritory.id);
    expect(concerned.map((p) => p.concernsIsolatedPeoples)).toEqual(concerned.map(() => true));
    expect(others.length).toBeGreaterThan(0);
    expect(others.map((p) => p.concernsIsolatedPeoples)).toEqual(others.map(() => false));
    expect(concerned.filter((p) => p.location && p.location.precision !== 'COUNTRY')).toEqual([]);
    const totals = await api.graphql(
      `{ biodiversityTotals(groupBy: [], filter: { concernsIsolatedPeoples: true, countryCodes: ["PE"] }) { projectCount } }`,
      {},
      { key: keys.admin },
    );
    expect(totals.data!.biodiversityTotals).toEqual([{ projectCount: concerned.length }]);
  });
});
