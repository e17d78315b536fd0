import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORG } from '../../scenarios/indigenous.scenario';
import { startTestApp, type TestApp } from '../../support/test-app';

const ORGANISATION = `
  query Organisation($id: ID!) {
    indigenousOrganisation(id: $id) {
      acronym name alternateNames level headquarters foundedYear foundedIn
      country { code }
      parent { acronym parent { acronym } }
      members { acronym level country { code } }
    }
  }`;

const ORGANISATIONS = `
  query Organisations($first: Int, $after: String, $filter: IndigenousOrganisationFilter) {
    indigenousOrganisations(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { acronym parent { acronym } members { acronym } }
    }
  }`;

const NATIONAL = ['AIDESEP', 'APA', 'CIDOB', 'COIAB', 'CONFENIAE', 'FOAG', 'OIS', 'OPIAC', 'ORPIA'];

let api: TestApp;
beforeAll(async () => {
  api = await startTestApp();
});
afterAll(() => api.close());

describe('the COICA hierarchy', () => {
  it('has COICA at the top, founded 1984 in Lima, seated in Quito, with its nine national organisations', async () => {
    const { data, errors } = await api.graphql(ORGANISATION, { id: ORG.coica });
    expect(errors).toBeUndefined();
    const coica = data!.indigenousOrganisation;
    expect(coica).toMatchObject({
      acronym: 'COICA',
      level: 'REGIONAL_COORDINATION',
      headquarters: 'Quito, Ecuador',
      foundedYear: 1984,
      foundedIn: 'Lima, Peru',
      country: null,
      parent: null,
    });
    expect(coica.alternateNames).toContain('Coordinator of the Indigenous Organizations of the Amazon River Basin');
    expect(coica.members.map((m: { acronym: string }) => m.acronym)).toEqual(NATIONAL);
    expect(new Set(coica.members.map((m: { level: string }) => m.level))).toEqual(new Set(['NATIONAL']));
    expect(coica.members.find((m: { acronym: string }) => m.acronym === 'COIAB').country.code).toBe('BR');
  });

  it('puts FOIRN under COIAB under COICA, and ORPIO and the Asháninka central under AIDESEP', async () => {
    const foirn = await api.graphql(ORGANISATION, { id: ORG.foirn });
    expect(foirn.data!.indigenousOrganisation).toMatchObject({
      acronym: 'FOIRN',
      level: 'REGIONAL',
      country: { code: 'BR' },
      parent: { acronym: 'COIAB', parent: { acronym: 'COICA' } },
      members: [],
    });
    const aidesep = await api.graphql(ORGANISATION, { id: ORG.aidesep });
    expect(aidesep.data!.indigenousOrganisation.members.map((m: { acronym: string }) => m.acronym)).toEqual([
      'CART',
      'FENAMAD',
      'ORAU',
      'ORPIO',
    ]);
  });

  it('lists every organisation once, by acronym, with parents and members in a fixed number of statements', async () => {
    const all = await api.graphql(ORGANISATIONS, { first: 100 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.indigenousOrganisations.totalCount).toBe(await api.countRows('indigenous_organisation'));
    const acronyms = all.data!.indigenousOrganisations.nodes.map((n: { acronym: string }) => n.acronym);
    expect(acronyms).toEqual([...acronyms].sort());
    api.resetStatementCount();
    const few = await api.graphql(ORGANISATIONS, { first: 3 });
    const small = api.statementCount();
    api.resetStatementCount();
    const many = await api.graphql(ORGANISATIONS, { first: 100 });
    expect(few.errors).toBeUndefined();
    expect(many.errors).toBeUndefined();
    expect(few.data!.indigenousOrganisations.nodes).toHaveLength(3);
    // a full page primes the parents as well, so it may cost one statement less, never more
    expect(api.statementCount()).toBeLessThanOrEqual(small);
    expect(small).toBeLessThanOrEqual(5);
  });

  it('pages with cursors', async () => {
    const first = await api.graphql(ORGANISATIONS, { first: 5 });
    const second = await api.graphql(ORGANISATIONS, {
      first: 5,
      after: first.data!.indigenousOrganisations.pageInfo.endCursor,
    });
    const names = [...first.data!.indigenousOrganisations.nodes, ...second.data!.indigenousOrganisations.nodes].map(
      (n: { acronym: string }) => n.acronym,
    );
    expect(names).toEqual(['AIDESEP', 'APA', 'CART', 'CIDOB', 'CIR', 'COIAB', 'COICA', 'CONFENIAE', 'CPIB', 'FENAMAD']);
  });

  it.each([
    [{ levels: ['NATIONAL'] }, NATIONAL],
    [{ countryCodes: ['br'] }, ['CIR', 'COIAB', 'FOIRN']],
    [{ parentId: ORG.coiab }, ['CIR', 'FOIRN']],
    [{ nameContains: 'rio negro' }, ['FOIRN']],
    [{ nameContains: 'Asháninka' }, ['CART']],
    [{ levels: ['REGIONAL'], countryCodes: ['PE'] }, ['FENAMAD', 'ORAU', 'ORPIO']],
  ])('filters by %j', async (filter, acronyms) => {
    const { data, errors } = await api.graphql(ORGANISATIONS, { filter, first: 100 });
    expect(errors).toBeUndefined();
    expect(data!.indigenousOrganisations.nodes.map((n: { acronym: string }) => n.acronym)).toEqual(acronyms);
  });

  it.each([
    [{ filter: { countryCodes: ['XX'] } }, 'filter.countryCodes[0]'],
    [{ filter: { parentId: 'nope' } }, 'filter.parentId'],
    [{ first: 101 }, 'first'],
  ])('rejects %j naming the field', async (variables, field) => {
    const { errors } = await api.graphql(ORGANISATIONS, variables);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('gives null for an unknown organisation', async () => {
    const { data } = await api.graphql(ORGANISATION, { id: '00000000-0000-4000-8000-00000000ffff' });
    expect(data!.indigenousOrganisation).toBeNull();
  });
});
