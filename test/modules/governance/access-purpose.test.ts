import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG, PROJECT } from '../../scenarios/indigenous.scenario';
import { NAMED_MEMBERS } from '../../scenarios/members.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';
import { indigenousKeys, type IndigenousKeys } from '../../scenarios/indigenous-keys';

const PROJECT_QUERY = `query Project($id: ID!) { biodiversityProject(id: $id) { id } }`;
const ENTITIES = `query Entities($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on BiodiversityProject { id } } }`;
const COUNT = `query Count($filter: AccessLogFilter) { accessLog(first: 100, filter: $filter) {
  totalCount nodes { role purpose readerOrganisationId readerMemberId subjectId } } }`;

let api: TestApp;
let keys: IndigenousKeys;
beforeAll(async () => {
  api = await startTestApp();
  keys = await indigenousKeys(api);
});
afterAll(() => api.close());

const purpose = (value: string) => ({ 'x-access-purpose': value });

async function count(filter: Record<string, unknown>, key = keys.stewardCart) {
  const { data, errors } = await api.graphql(COUNT, { filter }, { key });
  expect(errors).toBeUndefined();
  return data!.accessLog;
}

describe('purpose of use', () => {
  it('stores the declared purpose and who the reader speaks for, and counts reads by them over a period', async () => {
    const subjectId = PROJECT.restrictedSite.id;
    const reads: [string | undefined, Record<string, string>][] = [
      [keys.liaison, purpose('PARTNERSHIP_COORDINATION')],
      [keys.liaison, purpose('partnership_coordination')],
      [keys.editorMuenchen, purpose('PROJECT_MONITORING')],
      [keys.editorMuenchen, {}],
    ];
    for (const [key, headers] of reads) {
      const { data, errors } = await api.graphql(PROJECT_QUERY, { id: subjectId }, { key, headers });
      expect(errors).toBeUndefined();
      expect(data!.biodiversityProject.id).toBe(subjectId);
    }
    // through _entities, as a gateway would forward the header
    const viaGateway = await api.graphql(
      ENTITIES,
      { representations: [{ __typename: 'BiodiversityProject', id: subjectId }] },
      { key: keys.editorMuenchen, headers: purpose('REPORTING') },
    );
    expect(viaGateway.data!._entities).toEqual([{ id: subjectId }]);

    const today = new Date().toISOString().slice(0, 10);
    const period = { subjectId, from: today, to: today };
    expect((await count({ ...period, purpose: 'PARTNERSHIP_COORDINATION' })).totalCount).toBe(2);
    expect((await count({ ...period, role: 'COICA_LIAISON' })).totalCount).toBe(2);
    const muenchen = await count({ ...period, readerMemberId: NAMED_MEMBERS.muenchen.id });
    expect(muenchen.totalCount).toBe(3);
    expect(muenchen.nodes.map((n: { purpose: string }) => n.purpose).sort()).toEqual([
      'PROJECT_MONITORING',
      'REPORTING',
      'UNDECLARED',
    ]);
    expect((await count({ ...period, role: 'MEMBER_EDITOR', purpose: 'UNDECLARED' })).totalCount).toBe(1);
    expect((await count({ subjectId, to: '2000-01-01' })).totalCount).toBe(0);
  });

  it('records the organisation a steward key speaks for', async () => {
    await api.graphql(
      PROJECT_QUERY,
      { id: PROJECT.isolatedPublic.id },
      { key: keys.stewardFoirn, headers: purpose('RESEARCH') },
    );
    const log = await count(
      { subjectId: PROJECT.isolatedPublic.id, readerOrganisationId: ORG.foirn },
      keys.stewardFenamad,
    );
    expect(log.nodes).toEqual([
      {
        role: 'INDIGENOUS_STEWARD',
        purpose: 'RESEARCH',
        readerOrganisationId: ORG.foirn,
        readerMemberId: null,
        subjectId: PROJECT.isolatedPublic.id,
      },
    ]);
  });

  it('refuses a purpose outside the vocabulary, serving and logging nothing', async () => {
    const before = await api.countRows('access_log');
    const { data, errors } = await api.graphql(
      PROJECT_QUERY,
      { id: PROJECT.restrictedSite.id },
      { key: keys.liaison, headers: purpose('curiosity') },
    );
    expect(data?.biodiversityProject ?? null).toBeNull();
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'x-access-purpose' });
    expect(await api.countRows('access_log')).toBe(before);
  });

  it("keeps a steward to its own organisation's log, whatever reader it filters by", async () => {
    const log = await count({ readerOrganisationId: ORG.foirn }, keys.stewardCart);
    expect(log.totalCount).toBe(0);
  });
});
