import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG, PARTNERSHIP, PROJECT, TERRITORY } from '../../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys, type KeyName } from '../../scenarios/indigenous-keys';

const CREATE = `
  mutation Create($input: BiodiversityProjectInput!) {
    createBiodiversityProject(input: $input) {
      id title status themes version hectaresProtected budgetEur visibility startDate endDate
      implementingOrganisation { acronym } dataSteward { acronym }
      supportingMembers { name } territory { name } partnership { id } country { code }
    }
  }`;

const UPDATE = `
  mutation Update($id: ID!, $version: Int!, $input: BiodiversityProjectUpdate!) {
    updateBiodiversityProject(id: $id, version: $version, input: $input) {
      id title version status supportingMembers { name } hectaresRestored
    }
  }`;

const VALID = {
  title: 'Cocoa gardens of the lower Tambo',
  implementingOrganisationId: ORG.cart,
  countryCode: 'PE',
  themes: ['AGROFORESTRY', 'RESTORATION'],
  status: 'ACTIVE',
  startDate: '2024-01-01',
  endDate: '2027-12-31',
  hectaresProtected: 120.5,
  hectaresRestored: 30,
  budgetEur: 45000,
  latitude: -11.2,
  longitude: -73.9,
  partnershipId: PARTNERSHIP.muenchen,
  supportingMemberIds: [NAMED_MEMBERS.muenchen.id, NAMED_MEMBERS.frankfurt.id],
  visibility: 'NETWORK',
};

let api: TestApp;
let keys: IndigenousKeys;
beforeAll(async () => {
  api = await startTestApp();
  keys = await indigenousKeys(api);
});
afterAll(() => api.close());

const projectCount = () => api.countRows('biodiversity_project');

describe('createBiodiversityProject', () => {
  it('creates a project with its supporters for the COICA liaison', async () => {
    const { data, errors } = await api.graphql(CREATE, { input: VALID }, { key: keys.liaison });
    expect(errors).toBeUndefined();
    expect(data!.createBiodiversityProject).toMatchObject({
      title: VALID.title,
      status: 'ACTIVE',
      themes: ['AGROFORESTRY', 'RESTORATION'],
      version: 1,
      hectaresProtected: 120.5,
      budgetEur: 45000,
      visibility: 'NETWORK',
      implementingOrganisation: { acronym: 'CART' },
      dataSteward: { acronym: 'CART' },
      supportingMembers: [{ name: 'Frankfurt am Main' }, { name: 'München' }],
      partnership: { id: PARTNERSHIP.muenchen },
      country: { code: 'PE' },
    });
    const [stored] = await api.orm.em
      .getConnection()
      .execute(
        'select latitude, longitude, hectares_restored::float8 as restored from biodiversity_project where id = ?',
        [data!.createBiodiversityProject.id],
      );
    expect(stored).toEqual({ latitude: -11.2, longitude: -73.9, restored: 30 });
  });

  it.each<[KeyName, string | null]>([
    ['anonymous', 'UNAUTHENTICATED'],
    ['partner', 'FORBIDDEN'],
    ['analyst', 'FORBIDDEN'],
    ['editorMuenchen', 'FORBIDDEN'],
    ['stewardFoirn', 'FORBIDDEN'],
    ['stewardCart', null],
    ['liaison', null],
    ['admin', null],
  ])('for %s: %s', async (keyName, code) => {
    const before = await projectCount();
    const { data, errors } = await api.graphql(
      CREATE,
      { input: { ...VALID, title: `By ${keyName}` } },
      { key: keys[keyName] },
    );
    if (code === null) {
      expect(errors).toBeUndefined();
      expect(data!.createBiodiversityProject.title).toBe(`By ${keyName}`);
      expect(await projectCount()).toBe(before + 1);
    } else {
      expect(errors![0].extensions!.code).toBe(code);
      expect(await projectCount()).toBe(before);
    }
  });

  it('lets a steward create only projects its own organisation stewards', async () => {
    const { errors } = await api.graphql(
      CREATE,
      { input: { ...VALID, dataStewardOrganisationId: ORG.foirn } },
      { key: keys.stewardCart },
    );
    expect(errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it.each([
    [{ hectaresProtected: -1 }, 'input.hectaresProtected'],
    [{ hectaresRestored: -0.5 }, 'input.hectaresRestored'],
    [{ budgetEur: -100 }, 'input.budgetEur'],
    [{ startDate: '2024-06-01', endDate: '2024-05-31' }, 'input.endDate'],
    [{ implementingOrganisationId: '00000000-0000-4000-8000-00000000abcd' }, 'input.implementingOrganisationId'],
    [{ implementingOrganisationId: 'nope' }, 'input.implementingOrganisationId'],
    [
      { supportingMemberIds: [NAMED_MEMBERS.wien.id, '00000000-0000-4000-8000-00000000abcd'] },
      'input.supportingMemberIds[1]',
    ],
    [{ supportingMemberIds: [NAMED_MEMBERS.wien.id, NAMED_MEMBERS.wien.id] }, 'input.supportingMemberIds[1]'],
    [{ themes: [] }, 'input.themes'],
    [{ themes: ['RESTORATION', 'RESTORATION'] }, 'input.themes[1]'],
    [{ title: '   ' }, 'input.title'],
    [{ countryCode: 'AT' }, 'input.countryCode'],
    [{ countryCode: 'XX' }, 'input.countryCode'],
    [{ latitude: 91 }, 'input.latitude'],
    [{ longitude: null }, 'input.longitude'],
    [{ territoryId: TERRITORY.open }, 'input.territoryId'],
    [{ partnershipId: PARTNERSHIP.office }, 'input.partnershipId'],
  ])('rejects %j naming the field, writing nothing', async (change, field) => {
    const before = await projectCount();
    const { data, errors } = await api.graphql(CREATE, { input: { ...VALID, ...change } }, { key: keys.admin });
    expect(data).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await projectCount()).toBe(before);
  });
});

describe('stewards speak for their own organisation only', () => {
  const FOIRN_PROJECT = { ...VALID, implementingOrganisationId: ORG.foirn, countryCode: 'BR', latitude: 0.2 };
  const MISSING = '00000000-0000-4000-8000-00000000beef';
  const foirnInput = (change: Record<string, unknown>) => ({
    ...FOIRN_PROJECT,
    partnershipId: PARTNERSHIP.office,
    longitude: -67.2,
    ...change,
  });

  it("forbids naming another organisation as the implementing one, even as the project's steward", async () => {
    const before = await projectCount();
    const { data, errors } = await api.graphql(
      CREATE,
      { input: { ...VALID, implementingOrganisationId: ORG.cart, dataStewardOrganisationId: ORG.foirn } },
      { key: keys.stewardFoirn },
    );
    expect(data).toBeNull();
    expect(errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await projectCount()).toBe(before);
  });

  it('answers a foreign territory and a missing one alike, FORBIDDEN, writing nothing', async () => {
    const before = await projectCount();
    const answers = [];
    for (const territoryId of [TERRITORY.isolated, MISSING]) {
      const { data, errors } = await api.graphql(
        CREATE,
        { input: foirnInput({ territoryId, countryCode: 'PE', latitude: -11.9, longitude: -71.4 }) },
        { key: keys.stewardFoirn },
      );
      expect(data).toBeNull();
      answers.push({
        code: errors![0].extensions!.code,
        field: errors![0].extensions!.field,
        message: errors![0].message.replace(territoryId, '<id>'),
      });
    }
    expect(answers[0]).toMatchObject({ code: 'FORBIDDEN', field: 'input.territoryId' });
    expect(answers[1]).toEqual(answers[0]);
    expect(await projectCount()).toBe(before);
  });

  it('links its own territory, and refuses to move its project into a foreign one', async () => {
    const created = await api.graphql(
      CREATE,
      { input: foirnInput({ title: 'In the Rio Negro territory', territoryId: TERRITORY.open }) },
      { key: keys.stewardFoirn },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createBiodiversityProject.territory).toEqual({ name: 'Test territory Rio Negro' });
    const id = created.data!.createBiodiversityProject.id;
    const moved = await api.graphql(
      UPDATE,
      { id, version: 1, input: { countryCode: 'PE', territoryId: TERRITORY.isolated, latitude: -11.9 } },
      { key: keys.stewardFoirn },
    );
    expect(moved.errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.territoryId' });
    const [row] = await api.orm.em
      .getConnection()
      .execute('select territory_id, version from biodiversity_project where id = ?', [id]);
    expect(row).toEqual({ territory_id: TERRITORY.open, version: 1 });
  });

  it('lets the liaison link only territories consent lets it see: a hidden one is as unknown as a missing one', async () => {
    const answers = [];
    for (const territoryId of [TERRITORY.isolated, MISSING]) {
      const { errors } = await api.graphql(CREATE, { input: { ...VALID, territoryId } }, { key: keys.liaison });
      answers.push({
        code: errors![0].extensions!.code,
        field: errors![0].extensions!.field,
        message: errors![0].message.replace(territoryId, '<id>'),
      });
    }
    expect(answers[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.territoryId' });
    expect(answers[1]).toEqual(answers[0]);
  });
});

describe('updateBiodiversityProject', () => {
  it('updates with the current version, raising it; a stale version is a CONFLICT that changes nothing', async () => {
    const created = await api.graphql(CREATE, { input: { ...VALID, title: 'To update' } }, { key: keys.admin });
    const id = created.data!.createBiodiversityProject.id;
    const first = await api.graphql(
      UPDATE,
      { id, version: 1, input: { status: 'COMPLETED', supportingMemberIds: [NAMED_MEMBERS.wien.id] } },
      { key: keys.liaison },
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.updateBiodiversityProject).toMatchObject({
      version: 2,
      status: 'COMPLETED',
      supportingMembers: [{ name: 'Wien' }],
    });
    const stale = await api.graphql(UPDATE, { id, version: 1, input: { title: 'Stale' } }, { key: keys.liaison });
    expect(stale.errors![0].extensions!.code).toBe('CONFLICT');
    const [row] = await api.orm.em
      .getConnection()
      .execute('select title, version from biodiversity_project where id = ?', [id]);
    expect(row).toEqual({ title: 'To update', version: 2 });
  });

  it('raises the version when only the supporters change', async () => {
    const created = await api.graphql(CREATE, { input: { ...VALID, title: 'Supporters only' } }, { key: keys.admin });
    const id = created.data!.createBiodiversityProject.id;
    const updated = await api.graphql(
      UPDATE,
      { id, version: 1, input: { supportingMemberIds: [] } },
      { key: keys.admin },
    );
    expect(updated.data!.updateBiodiversityProject).toMatchObject({ version: 2, supportingMembers: [] });
  });

  it('lets the steward update its own projects only', async () => {
    const own = await api.graphql(
      UPDATE,
      { id: PROJECT.networkSite.id, version: 1, input: { hectaresRestored: 12 } },
      { key: keys.stewardCart },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data!.updateBiodiversityProject.hectaresRestored).toBe(12);
    const other = await api.graphql(
      UPDATE,
      { id: PROJECT.publicOpen.id, version: 1, input: { hectaresRestored: 12 } },
      { key: keys.stewardCart },
    );
    expect(other.errors![0].extensions!.code).toBe('FORBIDDEN');
    const partner = await api.graphql(
      UPDATE,
      { id: PROJECT.publicOpen.id, version: 1, input: {} },
      { key: keys.partner },
    );
    expect(partner.errors![0].extensions!.code).toBe('FORBIDDEN');
  });

  it('rejects bad input naming the field and leaves the project as it was', async () => {
    const before = await api.orm.em
      .getConnection()
      .execute('select title, version, end_date from biodiversity_project where id = ?', [PROJECT.publicOpen.id]);
    const response = await api.graphql(
      UPDATE,
      { id: PROJECT.publicOpen.id, version: 1, input: { title: 'Changed', endDate: '2014-12-31' } },
      { key: keys.admin },
    );
    expect(response.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.endDate' });
    const after = await api.orm.em
      .getConnection()
      .execute('select title, version, end_date from biodiversity_project where id = ?', [PROJECT.publicOpen.id]);
    expect(after).toEqual(before);
  });

  it('gives NOT_FOUND for an unknown project', async () => {
    const response = await api.graphql(
      UPDATE,
      { id: '00000000-0000-4000-8000-00000000abcd', version: 1, input: {} },
      { key: keys.admin },
    );
    expect(response.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});
