import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG, PROJECT, TERRITORY } from '../../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys, type KeyName } from '../../scenarios/indigenous-keys';

const RECORD = `
  mutation Record($input: ConsentInput!) {
    recordConsent(input: $input) {
      id status scope subjectType subjectId grantedToRoles grantedToMemberIds locationPrecision version
      stewardOrganisation { acronym }
    }
  }`;

const WITHDRAW = `
  mutation Withdraw($id: ID!, $reason: String) {
    withdrawConsent(id: $id, reason: $reason) { id status withdrawnAt notes }
  }`;

const LOCATION = `query Project($id: ID!) { biodiversityProject(id: $id) { id location { precision } } }`;

/** CART lets the analysts see the exact site of its network project. */
const GRANT = {
  stewardOrganisationId: ORG.cart,
  subjectType: 'PROJECT',
  subjectId: PROJECT.networkSite.id,
  scope: 'LOCATION_DISCLOSURE',
  status: 'GRANTED',
  grantedToRoles: ['ANALYST'],
  locationPrecision: 'EXACT',
  consultationProtocolUrl: 'https://example.org/protocolo-asháninka',
};

let api: TestApp;
let keys: IndigenousKeys;
beforeAll(async () => {
  api = await startTestApp();
  keys = await indigenousKeys(api);
});
afterAll(() => api.close());

const consentCount = () => api.countRows('consent_record');

describe('recordConsent', () => {
  it.each<[KeyName, string]>([
    ['anonymous', 'UNAUTHENTICATED'],
    ['partner', 'FORBIDDEN'],
    ['analyst', 'FORBIDDEN'],
    ['editorMuenchen', 'FORBIDDEN'],
    ['liaison', 'FORBIDDEN'],
    ['admin', 'FORBIDDEN'],
  ])('is refused to %s (%s): consent is the steward organisation’s alone', async (keyName, code) => {
    const before = await consentCount();
    const { data, errors } = await api.graphql(RECORD, { input: GRANT }, { key: keys[keyName] });
    expect(data).toBeNull();
    expect(errors![0].extensions!.code).toBe(code);
    expect(await consentCount()).toBe(before);
  });

  it('is refused when a steward decides in the name of another organisation, naming the field', async () => {
    const { errors } = await api.graphql(RECORD, { input: GRANT }, { key: keys.stewardFoirn });
    expect(errors![0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.stewardOrganisationId' });
  });

  it('is refused when the granting organisation is not the steward of the subject', async () => {
    const input = { ...GRANT, stewardOrganisationId: ORG.foirn };
    const before = await consentCount();
    const { errors } = await api.graphql(RECORD, { input }, { key: keys.stewardFoirn });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.stewardOrganisationId' });
    expect(await consentCount()).toBe(before);
  });

  it.each([
    [{ subjectId: '00000000-0000-4000-8000-00000000abcd' }, 'input.subjectId'],
    [{ subjectType: 'TERRITORY' }, 'input.subjectId'],
    [{ status: 'WITHDRAWN' }, 'input.status'],
    [{ locationPrecision: null }, 'input.locationPrecision'],
    [{ scope: 'DATA_PUBLICATION' }, 'input.locationPrecision'],
    [{ grantedToRoles: [] }, 'input.grantedToRoles'],
    [{ grantedToMemberIds: ['00000000-0000-4000-8000-00000000abcd'] }, 'input.grantedToMemberIds[0]'],
    [{ grantedToOrganisationIds: [ORG.foirn, 'nope'] }, 'input.grantedToOrganisationIds[1]'],
    [{ validFrom: '2025-01-01', validUntil: '2024-12-31' }, 'input.validUntil'],
    [{ consultationProtocolUrl: 'not a url' }, 'input.consultationProtocolUrl'],
  ])('rejects %j naming the field, writing nothing', async (change, field) => {
    const before = await consentCount();
    const { errors } = await api.graphql(RECORD, { input: { ...GRANT, ...change } }, { key: keys.stewardCart });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await consentCount()).toBe(before);
  });

  it('records decisions on territories and on the whole organisation', async () => {
    const territory = await api.graphql(
      RECORD,
      {
        input: {
          stewardOrganisationId: ORG.foirn,
          subjectType: 'TERRITORY',
          subjectId: TERRITORY.open,
          scope: 'DATA_PUBLICATION',
          status: 'WITHHELD',
          grantedToRoles: ['PARTNER'],
        },
      },
      { key: keys.stewardFoirn },
    );
    expect(territory.errors).toBeUndefined();
    expect(territory.data!.recordConsent).toMatchObject({
      status: 'WITHHELD',
      stewardOrganisation: { acronym: 'FOIRN' },
    });
    const organisation = await api.graphql(
      RECORD,
      {
        input: {
          stewardOrganisationId: ORG.foirn,
          subjectType: 'ORGANISATION',
          subjectId: ORG.foirn,
          scope: 'RESEARCH_USE',
          status: 'PENDING',
          grantedToMemberIds: [NAMED_MEMBERS.wien.id],
        },
      },
      { key: keys.stewardFoirn },
    );
    expect(organisation.data!.recordConsent).toMatchObject({
      status: 'PENDING',
      grantedToMemberIds: [NAMED_MEMBERS.wien.id],
    });
  });
});

describe('consent takes effect on the next request', () => {
  it('a grant widens the location at once, and its withdrawal hides it at once', async () => {
    const before = await api.graphql(LOCATION, { id: PROJECT.networkSite.id }, { key: keys.analyst });
    expect(before.data!.biodiversityProject.location.precision).toBe('COUNTRY');

    const granted = await api.graphql(RECORD, { input: GRANT }, { key: keys.stewardCart });
    expect(granted.errors).toBeUndefined();
    expect(granted.data!.recordConsent).toMatchObject({ status: 'GRANTED', grantedToRoles: ['ANALYST'], version: 1 });
    const during = await api.graphql(LOCATION, { id: PROJECT.networkSite.id }, { key: keys.analyst });
    expect(during.data!.biodiversityProject.location.precision).toBe('EXACT');

    const withdrawn = await api.graphql(
      WITHDRAW,
      { id: granted.data!.recordConsent.id, reason: 'Assembly of March 2025' },
      { key: keys.stewardCart },
    );
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.withdrawConsent).toMatchObject({ status: 'WITHDRAWN', notes: 'Assembly of March 2025' });
    expect(withdrawn.data!.withdrawConsent.withdrawnAt).not.toBeNull();
    const after = await api.graphql(LOCATION, { id: PROJECT.networkSite.id }, { key: keys.analyst });
    expect(after.data!.biodiversityProject.location).toBeNull();
  });

  it('a withdrawn publication consent removes a restricted project from the very next list', async () => {
    const LIST = `{ biodiversityProjects(first: 100, filter: { organisationIds: ["${ORG.cart}"] }) { nodes { id } } }`;
    const ids = async () =>
      (await api.graphql(LIST, {}, { key: keys.liaison })).data!.biodiversityProjects.nodes.map(
        (n: { id: string }) => n.id,
      );
    expect(await ids()).toContain(PROJECT.restrictedSite.id);
    const [record] = await api.orm.em
      .getConnection()
      .execute(`select id from consent_record where subject_id = ? and scope = 'DATA_PUBLICATION'`, [
        PROJECT.restrictedSite.id,
      ]);
    const withdrawn = await api.graphql(WITHDRAW, { id: record.id }, { key: keys.stewardCart });
    expect(withdrawn.errors).toBeUndefined();
    expect(await ids()).not.toContain(PROJECT.restrictedSite.id);
  });

  it('only the steward withdraws, and only consent that was given or pending', async () => {
    const granted = await api.graphql(
      RECORD,
      { input: { ...GRANT, grantedToRoles: ['PARTNER'] } },
      { key: keys.stewardCart },
    );
    const id = granted.data!.recordConsent.id;
    for (const keyName of ['admin', 'liaison', 'stewardFoirn'] as const) {
      const refused = await api.graphql(WITHDRAW, { id }, { key: keys[keyName] });
      expect(refused.errors![0].extensions!.code).toBe('FORBIDDEN');
    }
    expect((await api.graphql(WITHDRAW, { id }, { key: keys.stewardCart })).errors).toBeUndefined();
    const again = await api.graphql(WITHDRAW, { id }, { key: keys.stewardCart });
    expect(again.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    const unknown = await api.graphql(
      WITHDRAW,
      { id: '00000000-0000-4000-8000-00000000abcd' },
      { key: keys.stewardCart },
    );
    expect(unknown.errors![0].extensions!.code).toBe('NOT_FOUND');
  });
});

describe('consentRecords', () => {
  const RECORDS = `{ consentRecords(first: 100) { totalCount nodes { stewardOrganisation { acronym } } } }`;

  it('shows a steward its own organisation’s records only, and all of them to the secretariat', async () => {
    const cart = await api.countRows('consent_record', 'steward_organisation_id = ?', [ORG.cart]);
    const steward = await api.graphql(RECORDS, {}, { key: keys.stewardCart });
    expect(steward.data!.consentRecords.totalCount).toBe(cart);
    expect(new Set(steward.data!.consentRecords.nodes.map((n: any) => n.stewardOrganisation.acronym))).toEqual(
      new Set(['CART']),
    );
    const all = await consentCount();
    expect((await api.graphql(RECORDS, {}, { key: keys.admin })).data!.consentRecords.totalCount).toBe(all);
    expect((await api.graphql(RECORDS, {}, { key: keys.partner })).errors![0].extensions!.code).toBe('FORBIDDEN');
  });
});
