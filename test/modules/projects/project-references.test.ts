import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../../../src/auth/roles';
import { generatedProjectId, ORG, PROJECT } from '../../scenarios/indigenous.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';

const ENTITIES = `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      ... on BiodiversityProject { id title location { precision } implementingOrganisation { acronym } }
      ... on IndigenousOrganisation { id acronym parent { acronym } }
    }
  }`;

const UNKNOWN = '00000000-0000-4000-8000-00000000abcd';
const projects = (ids: string[]) => ids.map((id) => ({ __typename: 'BiodiversityProject', id }));

let api: TestApp;
let admin: string;
beforeAll(async () => {
  api = await startTestApp();
  admin = await api.createKey(Role.ADMIN);
});
afterAll(() => api.close());

describe('federation references', () => {
  it('resolves organisations and projects, giving null for unknown ids and for projects the caller may not see', async () => {
    const { data, errors } = await api.graphql(ENTITIES, {
      representations: [
        { __typename: 'IndigenousOrganisation', id: ORG.foirn },
        { __typename: 'IndigenousOrganisation', id: UNKNOWN },
        ...projects([PROJECT.publicOpen.id, PROJECT.restrictedSite.id, UNKNOWN, 'not-a-uuid']),
      ],
    });
    expect(errors).toBeUndefined();
    expect(data!._entities).toEqual([
      { id: ORG.foirn, acronym: 'FOIRN', parent: { acronym: 'COIAB' } },
      null,
      {
        id: PROJECT.publicOpen.id,
        title: 'Open forest monitoring',
        // its location is withheld from analysts, so from anonymous callers too
        location: null,
        implementingOrganisation: { acronym: 'FOIRN' },
      },
      null,
      null,
      null,
    ]);
  });

  it('costs the same SQL statements for 2 and 40 project representations', async () => {
    const ids = Array.from({ length: 40 }, (_, i) => generatedProjectId(i + 1));
    api.resetStatementCount();
    const two = await api.graphql(ENTITIES, { representations: projects(ids.slice(0, 2)) }, { key: admin });
    const twoStatements = api.statementCount();
    api.resetStatementCount();
    const forty = await api.graphql(ENTITIES, { representations: projects(ids) }, { key: admin });
    expect(two.errors).toBeUndefined();
    expect(forty.errors).toBeUndefined();
    expect(two.data!._entities).toHaveLength(2);
    expect(forty.data!._entities.filter(Boolean)).toHaveLength(40);
    expect(api.statementCount()).toBe(twoStatements);
  });

  it('costs the same SQL statements for 2 and all organisation representations', async () => {
    const rows: { id: string }[] = await api.orm.em
      .getConnection()
      .execute('select id from indigenous_organisation order by acronym');
    const all = rows.map((row) => ({ __typename: 'IndigenousOrganisation', id: row.id }));
    api.resetStatementCount();
    const two = await api.graphql(ENTITIES, { representations: all.slice(0, 2) });
    const twoStatements = api.statementCount();
    api.resetStatementCount();
    const every = await api.graphql(ENTITIES, { representations: all });
    expect(two.errors).toBeUndefined();
    expect(every.errors).toBeUndefined();
    expect(every.data!._entities.filter(Boolean)).toHaveLength(all.length);
    expect(api.statementCount()).toBeLessThanOrEqual(twoStatements);
  });
});
